import { z } from 'zod';
import type { BilingualText, RowError } from '../../../contracts/imports.js';
import type { AnyImportKind, ImportColumn } from './define.js';

// Pure steps of validation: the header row mapped to the kind's columns, and one row parsed.

/** Case, spaces (also full-width), a required-field star and a BOM do not matter in a header. */
export function headerKey(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/[\s\u3000*＊]/g, '')
    .toLowerCase();
}

export interface HeaderMap {
  /** Column key → the cell index that holds it. */
  index: Map<string, number>;
  unknown: string[];
  missing: ImportColumn[];
}

export function mapHeaders(kind: AnyImportKind, cells: string[]): HeaderMap {
  const byHeader = new Map<string, string>();
  for (const column of kind.columns) for (const h of column.headers) byHeader.set(headerKey(h), column.key);
  const index = new Map<string, number>();
  const unknown: string[] = [];
  cells.forEach((cell, i) => {
    if (!cell.trim()) return;
    const key = byHeader.get(headerKey(cell));
    if (key === undefined) unknown.push(cell.trim());
    else if (!index.has(key)) index.set(key, i);
  });
  return { index, unknown, missing: kind.columns.filter((c) => c.required && !index.has(c.key)) };
}

/** Why a file without some required columns is refused as a whole. */
export function missingHeadersText(missing: ImportColumn[]): BilingualText {
  return {
    zh: `表头缺少必填列：${missing.map((c) => c.headers[0]).join('、')}。请使用导入模板的表头`,
    en: `The header row lacks required columns: ${missing.map((c) => c.headers[1] ?? c.headers[0]).join(', ')}. Use the template's header row`,
  };
}

const english = z.locales.en();

/**
 * The English of an issue: a kind's own check gives it as `params.en` of a custom issue (its
 * message is the Chinese); zod's own checks are put in words by zod's English locale.
 */
function englishOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom' && typeof issue.params?.en === 'string') return issue.params.en;
  try {
    const out = english.localeError(issue as never);
    return typeof out === 'string' ? out : (out?.message ?? 'Invalid value');
  } catch {
    return 'Invalid value';
  }
}

export type ParsedRow = { ok: true; row: Record<string, unknown> } | { ok: false; errors: RowError[] };

/** One data row: the mapped cells (trimmed, blanks left out) through the kind's row schema. */
export function parseRow(kind: AnyImportKind, map: HeaderMap, rowNo: number, cells: string[]): ParsedRow {
  const input: Record<string, string> = {};
  for (const [key, i] of map.index) {
    const value = (cells[i] ?? '').trim();
    if (value) input[key] = value;
  }
  const result = kind.rowSchema.safeParse(input);
  if (result.success) return { ok: true, row: result.data };
  const errors = result.error.issues.map((issue): RowError => {
    const key = issue.path[0] === undefined ? null : String(issue.path[0]);
    const column = kind.columns.find((c) => c.key === key);
    // A blank cell gets the usual words, unless the kind said why it must be filled.
    const own = issue.code === 'custom' && typeof issue.params?.en === 'string';
    const missing = key !== null && input[key] === undefined && !own;
    const zhName = column?.headers[0] ?? key ?? '';
    const enName = column?.headers[1] ?? key ?? '';
    return missing
      ? { row: rowNo, field: key, zh: `「${zhName}」不能为空`, en: `"${enName}" is required` }
      : { row: rowNo, field: key, zh: `「${zhName}」${issue.message}`, en: `"${enName}": ${englishOf(issue)}` };
  });
  return { ok: false, errors };
}
