import { hasForbiddenCharacters } from '../../../contracts/text.js';
import { isCalendarDate } from '../../../contracts/dates.js';
import { parseYuanToFen } from './rules/money.js';
import { checkPayerUscc } from './rules/payer-code.js';

/*
 * The cells the fee-refund files share (the enterprise registry and the tax collection data), read
 * the same way in each: a reason per bad cell, said of its column (the pipeline puts the header
 * first: 「所属区划代码」应为 6 位数字…). Pure: no database, no clock.
 */

export interface CellError<F extends string> {
  field: F;
  zh: string;
  en: string;
}

const TEXT_MAX = 128;

/**
 * Readings kept per function. A few thousand keep an enterprise's months and the common rates,
 * dates, offices and amounts; the 50,000 kept before held some 45 MB between imports, which V8's
 * heap sizing multiplied into the import's peak.
 */
const MEMO_MAX = 4_096;

/**
 * A pure reading of a cell kept for the rows that repeat it (an enterprise's twelve months, a
 * handful of rates, dates, offices and amounts): a tax file is read several times faster. Bounded
 * (emptied when full), so memory stays flat whatever the file's size. The answers are read, never
 * changed, by the callers.
 */
function memo<T>(read: (raw: string) => T): (raw: string) => T {
  const seen = new Map<string, T>();
  return (raw) => {
    const known = seen.get(raw);
    if (known !== undefined) return known;
    const value = read(raw);
    if (seen.size >= MEMO_MAX) seen.clear();
    seen.set(raw, value);
    return value;
  };
}

const payerCheck = memo(checkPayerUscc);
const yuanOf = memo(parseYuanToFen);
const isDay = memo((raw: string) => /^\d{4}-\d{2}-\d{2}$/.test(raw) && isCalendarDate(raw));
const hasHidden = memo(hasForbiddenCharacters);

/** A reader of one row's cells, gathering its reasons into `errors`. */
export function cellReader<F extends string>(cells: Partial<Record<F, string>>, errors: CellError<F>[]) {
  return {
    /** The trimmed cell, or a "required" reason when it is blank. */
    required(field: F): string | undefined {
      const value = cells[field]?.trim() || undefined;
      if (value === undefined) errors.push({ field, zh: '不能为空', en: 'is required' });
      return value;
    },

    /** A name or other short text: no hidden characters, `min`–128 characters. */
    text(raw: string, field: F, min = 2): string | undefined {
      if (hasHidden(raw)) {
        errors.push({ field, zh: '含有不可见或控制字符', en: 'contains invisible or control characters' });
        return undefined;
      }
      if (raw.length < min || raw.length > TEXT_MAX) {
        errors.push({ field, zh: `应为 ${min}–${TEXT_MAX} 个字`, en: `must be ${min} to ${TEXT_MAX} characters long` });
        return undefined;
      }
      return raw;
    },

    /**
     * A payer's USCC: a bad format is a reason; a wrong check character is kept as a warning,
     * decided by the import kind (refused unless the importer accepts such warnings).
     */
    payerUscc(raw: string, field: F): { uscc: string; checkWarning: boolean } | undefined {
      const check = payerCheck(raw);
      if (check.status === 'rejected') {
        errors.push({
          field,
          zh: check.zh.replace(/^统一社会信用代码/, ''),
          en: check.en.replace(/^Unified Social Credit Code /, ''),
        });
        return undefined;
      }
      return { uscc: check.uscc, checkWarning: check.status === 'check_char_warning' };
    },

    /**
     * YYYY-MM-DD, a day that exists. A spreadsheet's date cell arrives as its day number (45382):
     * which calendar it counts from (1900 or 1904) is not in the cell, so it is refused, not guessed.
     */
    date(raw: string, field: F): string | undefined {
      if (isDay(raw)) return raw;
      const serial = /^\d{5}(\.\d+)?$/.test(raw);
      errors.push({
        field,
        zh: `“${raw}”不是有效日期（格式 YYYY-MM-DD，如 2024-03-31）${serial ? '；该列在表格中是日期格式，请设为文本格式并填写 YYYY-MM-DD' : ''}`,
        en: `"${raw}" is not a valid date (YYYY-MM-DD, e.g. 2024-03-31)${serial ? '; the column is a date column in the spreadsheet: format it as text and type YYYY-MM-DD' : ''}`,
      });
      return undefined;
    },

    /** Yuan with at most 2 decimals, not negative, as fen (rules/money.ts: never through a float). */
    yuan(raw: string, field: F): { text: string; fen: number } | undefined {
      const parsed = yuanOf(raw);
      if (!parsed.ok) {
        errors.push({
          field,
          zh: `${parsed.zh}（应为不小于 0 的金额，单位元，最多 2 位小数）`,
          en: `${parsed.en} (must be an amount in yuan, 0 or more, with at most 2 decimals)`,
        });
        return undefined;
      }
      return { text: raw.replaceAll(',', ''), fen: parsed.value };
    },

    /** A GB/T 2260 code's form; whether the region exists, and is in scope, is the import kind's check. */
    regionCode(raw: string, field: F): string | undefined {
      if (/^\d{6}$/.test(raw)) return raw;
      errors.push({
        field,
        zh: `“${raw}”应为 6 位数字的行政区划代码（GB/T 2260）`,
        en: `"${raw}" must be a 6-digit region code (GB/T 2260)`,
      });
      return undefined;
    },
  };
}
