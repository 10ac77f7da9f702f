/**
 * Text that a spreadsheet would run as a formula (CSV/formula injection): a cell starting with
 * `=`, `+`, `-` or `@`, or with a tab or carriage return (which some programs strip before
 * reading the formula), gets a leading single quote, so Excel and WPS show it as text. Every
 * XLSX or CSV the app writes passes its text cells through here. Numbers and dates are written
 * as such and need no quote (a negative amount stays a number).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** A row object (column key → value) with each text cell neutralised. */
export function neutraliseRow<T extends Record<string, unknown>>(row: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = neutraliseCell(value);
  return out as T;
}
