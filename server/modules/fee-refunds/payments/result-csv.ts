import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { BankResultLine } from './bank-results.js';
import type { Refusal } from './iso-xml.js';

/*
 * The bank's result list as CSV (for banks that send no ISO 20022 file): columns EndToEndId,
 * 状态 (成功 paid / 退回 returned) and 原因, in any order, other columns ignored.
 */

const COLUMNS = ['EndToEndId', '状态', '原因'] as const;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** ISO 20022 EndToEndId: Max35Text. */
const MAX_ID_LENGTH = 35;

/**
 * Decoding: a UTF-8 BOM means UTF-8. Otherwise the bytes are UTF-8 when they are valid UTF-8 and
 * the header reads as ours; else GB18030 (the superset of GBK that Chinese spreadsheet software
 * writes), as the import module decides (imports/source.ts). Checking the header too catches a
 * short GBK file whose bytes happen to be valid UTF-8 (状态 in GBK is D7B4 CCAC, two valid
 * two-byte UTF-8 sequences).
 */
export function decodeCsv(content: Buffer): string {
  if (content.subarray(0, 3).equals(UTF8_BOM)) return content.subarray(3).toString('utf8');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    if (COLUMNS.every((column) => text.includes(column))) return text;
    const gbk = iconv.decode(content, 'gb18030');
    return COLUMNS.every((column) => gbk.includes(column)) ? gbk : text;
  } catch {
    return iconv.decode(content, 'gb18030');
  }
}

function refusal(zh: string, en: string): Refusal {
  return { ok: false, zh, en };
}

/** "AC04 账户已销户" → code AC04 and its text; a reason without a leading ISO code keeps code null. */
function splitReason(reason: string): { code: string | null; text: string | null } {
  const match = /^([A-Z][A-Z0-9]{3})(?:[\s:：,，;；-]+(.*))?$/su.exec(reason);
  if (!match) return { code: null, text: reason || null };
  return { code: match[1] ?? null, text: match[2]?.trim() || null };
}

export interface CsvContent {
  ok: true;
  lines: BankResultLine[];
}

/** Reads the decoded CSV text; any row it cannot understand refuses the whole file. */
export function readResultCsv(text: string): CsvContent | Refusal {
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, skip_empty_lines: false, trim: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refusal(`CSV 格式错误：${detail}`, `The CSV is malformed: ${detail}`);
  }
  const header = rows[0];
  if (!header || header.every((cell) => cell === ''))
    return refusal('文件为空，没有表头', 'The file is empty: there is no header row');
  const index = {} as Record<(typeof COLUMNS)[number], number>;
  for (const column of COLUMNS) {
    const at = header.indexOf(column);
    if (at < 0)
      return refusal(
        `表头缺少“${column}”列（应有 EndToEndId、状态、原因 三列）`,
        `The header has no "${column}" column (expected EndToEndId, 状态 (status), 原因 (reason))`,
      );
    if (header.indexOf(column, at + 1) >= 0)
      return refusal(`表头中“${column}”列出现了两次`, `The header has the column "${column}" twice`);
    index[column] = at;
  }

  const lines: BankResultLine[] = [];
  for (const [i, cells] of rows.entries()) {
    if (i === 0 || cells.every((cell) => cell === '')) continue;
    const row = i + 1;
    const endToEndId = cells[index.EndToEndId] ?? '';
    const status = cells[index.状态] ?? '';
    const reason = cells[index.原因] ?? '';
    if (endToEndId === '') return refusal(`第 ${row} 行：EndToEndId 为空`, `Row ${row}: EndToEndId is empty`);
    if (endToEndId.length > MAX_ID_LENGTH)
      return refusal(
        `第 ${row} 行：EndToEndId 超过 ${MAX_ID_LENGTH} 个字符`,
        `Row ${row}: EndToEndId is longer than ${MAX_ID_LENGTH} characters`,
      );
    if (status === '成功') {
      lines.push({ endToEndId, outcome: 'paid', reasonCode: null, reasonText: null, position: row });
    } else if (status === '退回') {
      const { code, text: reasonText } = splitReason(reason);
      lines.push({ endToEndId, outcome: 'returned', reasonCode: code, reasonText, position: row });
    } else {
      return refusal(
        `第 ${row} 行：“状态”为“${status}”，应为“成功”或“退回”；整份文件未读取`,
        `Row ${row}: 状态 (status) is "${status}", expected 成功 (paid) or 退回 (returned); nothing in the file was read`,
      );
    }
  }
  return { ok: true, lines };
}
