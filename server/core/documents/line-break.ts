/**
 * Line breaking for Chinese documents, as the PDF renderer draws them: any two ideographs may
 * break, a run of Latin letters and digits (amounts, ID numbers, dates) stays whole, closing
 * punctuation never starts a line and opening punctuation never ends one (避头尾: GB/T 15834-2011
 * 标点符号用法, on where punctuation may stand). Pure: the renderer passes the width of a string
 * in its font, and draws the lines it gets back.
 */
import type { Run } from './model.js';

/** May not start a line. */
const NO_START = new Set(Array.from('，。、；：？！）》」』】〕〉”’…%,.;:?!)]}·'));
/** May not end a line. */
const NO_END = new Set(Array.from('（《「『【〔〈“‘([{'));

/** A hard break, a run of spaces, a Latin/digit run (kept whole), or one character. */
const TOKEN_RE = /\n|[ \t\u3000]+|[A-Za-z0-9][A-Za-z0-9.,:\-/%@*_#]*|./gu;

/** A long Latin/digit run is split at the line's end rather than leave a wide gap; a short one never. */
const SPLITTABLE_CHARS = 12;
/** Neither part of a split run is shorter than this. */
const MIN_SPLIT_PART = 4;
/** Widths are sums of floating-point glyph widths: a line this close to full still fits. */
const FIT_TOLERANCE = 0.01;

export interface Token {
  text: string;
  bold: boolean;
  underline: boolean;
  width: number;
  space: boolean;
  newline: boolean;
}

export interface Line {
  tokens: Token[];
  width: number;
  /** The last line of a paragraph (or before a hard break): never justified. */
  last: boolean;
}

/** The width of `text` in the regular or the bold font, at the size being laid out. */
export type MeasureText = (text: string, bold: boolean) => number;

/**
 * Breaks `runs` into lines: the first line `firstWidth` wide (less an indent), the others
 * `width`. Always at least one line (an empty one for empty text).
 */
export function breakLines(runs: readonly Run[], measure: MeasureText, firstWidth: number, width = firstWidth): Line[] {
  return wrap(tokenize(runs, measure, Math.min(firstWidth, width)), measure, firstWidth, width);
}

function tokenize(runs: readonly Run[], measure: MeasureText, maxWidth: number): Token[] {
  const out: Token[] = [];
  for (const r of runs) {
    const bold = r.bold ?? false;
    const base = { bold, underline: r.underline ?? false };
    for (const m of r.text.matchAll(TOKEN_RE)) {
      const text = m[0];
      if (text === '\n') {
        out.push({ ...base, text, width: 0, space: false, newline: true });
        continue;
      }
      const space = /^[ \t\u3000]+$/.test(text);
      const width = measure(text, bold);
      if (width > maxWidth && !space) {
        // An unbreakable run wider than any line: break it between characters after all.
        for (const ch of Array.from(text)) {
          out.push({ ...base, text: ch, width: measure(ch, bold), space: false, newline: false });
        }
      } else {
        out.push({ ...base, text, width, space, newline: false });
      }
    }
  }
  return out;
}

/**
 * Splits a long Latin/digit run (a credit code, an ID number) so that its head fills the rest of
 * the line instead of leaving a wide gap; short runs (amounts, dates) are never split.
 */
function splitLong(t: Token, room: number, measure: MeasureText): [Token, Token] | null {
  const chars = Array.from(t.text);
  if (chars.length < SPLITTABLE_CHARS) return null;
  let w = 0;
  let n = 0;
  for (const ch of chars) {
    const cw = measure(ch, t.bold);
    if (w + cw > room + FIT_TOLERANCE) break;
    w += cw;
    n++;
  }
  if (n < MIN_SPLIT_PART || chars.length - n < MIN_SPLIT_PART) return null;
  const head = chars.slice(0, n).join('');
  const tail = chars.slice(n).join('');
  return [
    { ...t, text: head, width: measure(head, t.bold) },
    { ...t, text: tail, width: measure(tail, t.bold) },
  ];
}

/** Greedy line breaking with 避头尾. */
function wrap(tokens: readonly Token[], measure: MeasureText, firstWidth: number, width: number): Line[] {
  const lines: Line[] = [];
  let cur: Token[] = [];
  const queue = [...tokens];
  const avail = () => (lines.length === 0 ? firstWidth : width);
  const sum = (ts: Token[]) => ts.reduce((a, t) => a + t.width, 0);
  const push = (last: boolean) => {
    while (cur.at(-1)?.space) cur.pop();
    lines.push({ tokens: cur, width: sum(cur), last });
    cur = [];
  };
  for (let t = queue.shift(); t !== undefined; t = queue.shift()) {
    if (t.newline) {
      push(true);
      continue;
    }
    if (cur.length === 0 && t.space) continue;
    if (sum(cur) + t.width <= avail() + FIT_TOLERANCE) {
      cur.push(t);
      continue;
    }
    if (t.space) {
      push(false);
      continue;
    }
    const split = splitLong(t, avail() - sum(cur), measure);
    if (split) {
      cur.push(split[0]);
      push(false);
      queue.unshift(split[1]);
      continue;
    }
    // t overflows: break before it, but keep closing punctuation off the next line's start
    // (pull the previous character down with it) and opening punctuation off this line's end.
    const carry: Token[] = [];
    if (NO_START.has(t.text)) {
      while (cur.length > 1 && (carry[0] === undefined || NO_START.has(carry[0].text)))
        carry.unshift(cur.pop() as Token);
    }
    for (let end = cur.at(-1); cur.length > 1 && end && NO_END.has(end.text); end = cur.at(-1))
      carry.unshift(cur.pop() as Token);
    push(false);
    cur = [...carry, t];
  }
  const lastLine = lines.at(-1);
  if (cur.length > 0 || lastLine === undefined) push(true);
  else lastLine.last = true;
  return lines;
}
