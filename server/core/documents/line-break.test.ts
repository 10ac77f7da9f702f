import { describe, expect, it } from 'vitest';
import { breakLines, type Line, type MeasureText } from './line-break.js';
import type { Run } from './model.js';

/** Every character 10 points wide (12 in bold), so a 40-point line holds four. */
const measure: MeasureText = (text, bold) => Array.from(text).length * (bold ? 12 : 10);

const texts = (lines: Line[]) => lines.map((l) => l.tokens.map((t) => t.text).join(''));
const lay = (text: string, firstWidth: number, width = firstWidth) =>
  texts(breakLines([{ text }], measure, firstWidth, width));

describe('breakLines', () => {
  it('breaks between any two ideographs, filling each line', () => {
    const lines = breakLines([{ text: '一二三四五六七八九十' }], measure, 40);
    expect(texts(lines)).toEqual(['一二三四', '五六七八', '九十']);
    expect(lines.map((l) => l.width)).toEqual([40, 40, 20]);
    expect(lines.map((l) => l.last)).toEqual([false, false, true]);
  });

  it('keeps a run of Latin letters and digits whole: it moves to the next line', () => {
    expect(lay('工资ABC123元', 60)).toEqual(['工资', 'ABC123', '元']);
    expect(lay('合计12,345.00元整', 90)).toEqual(['合计', '12,345.00', '元整']);
  });

  it.each(Array.from('，。、；：？！）》」』”'))('never starts a line with the closing mark %s', (mark) => {
    const lines = lay(`一二三四${mark}五六`, 40);
    expect(lines).toEqual(['一二三', `四${mark}五六`]);
    for (const line of lines) expect(line.startsWith(mark)).toBe(false);
  });

  it('pulls down as many characters as a run of closing marks needs', () => {
    expect(lay('一二三四）。五', 40)).toEqual(['一二三', '四）。五']);
  });

  it.each(Array.from('（《「『“'))('never ends a line with the opening mark %s', (mark) => {
    const lines = lay(`一二三${mark}四五`, 40);
    expect(lines).toEqual(['一二三', `${mark}四五`]);
    for (const line of lines) expect(line.endsWith(mark)).toBe(false);
  });

  it('breaks a Latin run wider than a whole line between its characters', () => {
    expect(lay('ABCDEFGHIJ', 40)).toEqual(['ABCD', 'EFGH', 'IJ']);
  });

  it('splits a long code at the line end instead of leaving a gap, but moves a short one whole', () => {
    // 14 characters fit a line of 16 but not the 8 left after 八: the head fills the line.
    expect(lay('一二三四五六七八ABCDEFGHIJKLMN', 160)).toEqual(['一二三四五六七八ABCDEFGH', 'IJKLMN']);
    expect(lay('一二三四五六七八九十A1B2C3D4E5', 160)).toEqual(['一二三四五六七八九十', 'A1B2C3D4E5']);
  });

  it('gives the first line its own width (the indent)', () => {
    expect(lay('一二三四五六七八', 20, 40)).toEqual(['一二', '三四五六', '七八']);
  });

  it('starts a new line at a hard break; the line before it is a last line, never justified', () => {
    const lines = breakLines([{ text: '一二\n三四五六七' }], measure, 40);
    expect(texts(lines)).toEqual(['一二', '三四五六', '七']);
    expect(lines.map((l) => l.last)).toEqual([true, false, true]);
    expect(texts(breakLines([{ text: '一二\n' }], measure, 40))).toEqual(['一二']);
  });

  it('drops spaces at the end and the start of a line', () => {
    expect(lay('一二三  四五', 30)).toEqual(['一二三', '四五']);
    expect(lay('AB CD EF', 50)).toEqual(['AB CD', 'EF']);
  });

  it('always gives one line, an empty one for empty text', () => {
    expect(breakLines([{ text: '' }], measure, 40)).toEqual([{ tokens: [], width: 0, last: true }]);
  });

  it('measures each run in its own weight and keeps its style on the tokens', () => {
    const runs: Run[] = [{ text: '一二' }, { text: '三四', bold: true, underline: true }];
    const lines = breakLines(runs, measure, 40);
    expect(texts(lines)).toEqual(['一二三', '四']);
    expect(lines[0]!.width).toBe(32);
    expect(lines[1]!.tokens[0]).toMatchObject({ text: '四', bold: true, underline: true, width: 12 });
  });
});
