/**
 * A case number as people type it: 粤中工调〔2025〕000123号 is also written 粤中工调(2025)123号, 粤中工调［２０２５］
 * １２３, "2025年123号", or just "2025-123" read off an SMS. The studio's prefix may be left out; full-width
 * digits and brackets come from Chinese input methods. The result is the number's parts; the lookup
 * rebuilds the canonical form (six-digit sequence, 〔〕 and 号) from them.
 */
export interface CaseNumberParts {
  /** the studio's prefix (粤中工调), or '' when it was left out */
  prefix: string;
  year: string;
  seq: number;
}

const OPEN = '〔［\\[（(【{<《';
const CLOSE = '〕］\\]）)】}>》';

export function parseCaseNumber(input: string): CaseNumberParts | null {
  // NFKC turns full-width digits, letters and ASCII-like brackets into their half-width forms.
  const s = input.normalize('NFKC').replace(/\s+/g, '');
  const m = new RegExp(
    `^([^\\d${OPEN}${CLOSE}]*)[${OPEN}]?(\\d{4})(?:年|[${CLOSE}]|[-_./·])?(?:第)?(\\d{1,9})号?$`,
  ).exec(s);
  if (!m) return null;
  const seq = Number(m[3]);
  if (!Number.isSafeInteger(seq) || seq <= 0) return null;
  return { prefix: m[1] ?? '', year: m[2]!, seq };
}

/** The canonical number, when the prefix is known: 粤中工调〔2025〕000123号. */
export function canonicalCaseNumber(p: CaseNumberParts & { prefix: string }): string {
  return `${p.prefix}〔${p.year}〕${String(p.seq).padStart(6, '0')}号`;
}

/**
 * The key the attempt limits count a case number under: every spelling of one number counts as one
 * (with or without the prefix, any brackets or width), so respelling it gives no fresh attempts.
 */
export function caseNumberKey(input: string): string {
  const p = parseCaseNumber(input);
  return p ? caseNumberTail(p) : input.trim();
}

/** What follows the prefix in the canonical number, to find a number typed without its prefix. */
export function caseNumberTail(p: CaseNumberParts): string {
  return `〔${p.year}〕${String(p.seq).padStart(6, '0')}号`;
}
