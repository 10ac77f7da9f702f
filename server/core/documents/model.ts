/**
 * A neutral document model: the document builders describe *what* is on the page once, and the
 * DOCX and PDF renderers decide *how* it is drawn. Deliberately small: what Chinese legal
 * documents need and nothing more.
 */

export interface Run {
  text: string;
  bold?: boolean;
  underline?: boolean;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export type Block =
  /** the court's name above a ruling; a document's title (黑体/bold, centered, large) */
  | { type: 'title'; text: string; level: 'court' | 'document' }
  /** a short line under the title: 编号 / case number */
  | { type: 'line'; text: string; align: Align; bold?: boolean }
  /**
   * body text. `indent` adds the customary two-character first-line indent; `keepWithNext`
   * keeps a heading-like paragraph on the page of what follows.
   */
  | { type: 'paragraph'; runs: Run[]; align?: Align; indent?: boolean; keepWithNext?: boolean; spaceBefore?: boolean }
  /** a bordered table; `widths` are relative */
  | { type: 'table'; columns: TableColumn[]; rows: string[][]; totalRow?: string[] }
  /** a borderless two-column block of signature lines; `widths` are relative (default equal) */
  | { type: 'signatures'; rows: SignatureRow[]; widths?: [number, number] }
  /** right-aligned lines under a ruling: 审判员 / date / 院印 / 书记员 */
  | { type: 'signoff'; lines: SignoffLine[] }
  | { type: 'spacer'; lines: number }
  | { type: 'pageBreak' };

export interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** The column cell `i` of a table row falls in; a row with more cells than columns is a builder bug. */
export function columnAt<T>(columns: readonly T[], i: number): T {
  const column = columns[i];
  if (column === undefined) throw new Error(`table cell ${i + 1} has no column (the table has ${columns.length})`);
  return column;
}

export interface SignatureRow {
  left: string;
  right: string;
}

export interface SignoffLine {
  text: string;
  align: 'left' | 'right';
}

export interface DocumentModel {
  /** for the file's metadata */
  title: string;
  /** for the file's metadata (subject) */
  subject: string;
  blocks: Block[];
  /** print 第X页 共Y页 at the foot of each page */
  pageNumbers: boolean;
}

export const run = (text: string, opts: Omit<Run, 'text'> = {}): Run => ({ text, ...opts });

export const p = (
  text: string | Run[],
  opts: Omit<Extract<Block, { type: 'paragraph' }>, 'type' | 'runs'> = {},
): Block => ({
  type: 'paragraph',
  runs: typeof text === 'string' ? [{ text }] : text,
  indent: true,
  ...opts,
});

/** a paragraph that starts with a bold label: "申请人：" + details */
export const labelled = (label: string, text: string, opts: { indent?: boolean } = {}): Block => ({
  type: 'paragraph',
  runs: [run(label, { bold: true }), run(text)],
  indent: opts.indent ?? false,
});

/** a section heading inside the body: 请求事项： / 事实与理由： */
export const heading = (text: string): Block => ({
  type: 'paragraph',
  runs: [run(text, { bold: true })],
  indent: true,
  keepWithNext: true,
  spaceBefore: true,
});

/** A paragraph right before a signature block always stays on its page (both renderers). */
export const keptWithNext = (b: Block, next: Block | undefined): boolean =>
  b.type === 'paragraph' &&
  (b.keepWithNext === true ||
    next?.type === 'signoff' ||
    next?.type === 'signatures' ||
    // an introducing line (请求事项： / 其中：) stays with what it introduces
    /[：:]$/u.test(b.runs.map((r) => r.text).join('')));
