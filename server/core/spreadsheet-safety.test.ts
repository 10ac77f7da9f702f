import { describe, expect, it } from 'vitest';
import { neutraliseCell, neutraliseRow } from './spreadsheet-safety.js';

describe('spreadsheet cell neutralising', () => {
  it('quotes text that a spreadsheet would read as a formula', () => {
    for (const cell of ['=1+1', '+86 138', '-2', '@SUM(A1)', '\t=cmd', '\r=cmd', '=HYPERLINK("http://x")'])
      expect(neutraliseCell(cell)).toBe(`'${cell}`);
  });

  it('leaves plain text, numbers and empty values alone', () => {
    for (const cell of ['中山市某公司', 'a=b', '91442000MA4UXXXX1X', '', ' =x'])
      expect(neutraliseCell(cell)).toBe(cell);
    expect(neutraliseCell(-5)).toBe(-5);
    expect(neutraliseCell(null)).toBeNull();
  });

  it('neutralises every text cell of a row', () => {
    expect(neutraliseRow({ label: '=2*3', received: 4 })).toEqual({ label: "'=2*3", received: 4 });
  });
});
