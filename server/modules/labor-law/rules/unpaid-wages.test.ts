import { describe, it, expect } from 'vitest';
import { unpaidWages } from './unpaid-wages.js';

describe('劳动法第五十条; 劳动合同法第三十条 — unpaid wages, month by month', () => {
  // 工资应当以货币形式按月支付给劳动者本人。不得克扣或者无故拖欠劳动者的工资
  it.each([
    // months, asOf, amount, explanation part
    [[{ month: '2024-01', fen: 500_000 }], '2024-06-30', 500_000, '2024-01 5,000.00 元'],
    [
      [
        { month: '2024-01', fen: 500_000 },
        { month: '2024-02', fen: 500_000 },
        { month: '2024-03', fen: 500_000 },
      ],
      '2024-06-30',
      1_500_000,
      '2024-01 至 2024-03 每月 5,000.00 元 × 3',
    ],
    // a part paid in March: what is missing is entered; a gap in April starts a new run
    [
      [
        { month: '2024-05', fen: 500_000 },
        { month: '2024-02', fen: 500_000 },
        { month: '2024-03', fen: 123_456 },
      ],
      '2024-06-30',
      1_123_456,
      '2024-02 5,000.00 元 + 2024-03 1,234.56 元 + 2024-05 5,000.00 元',
    ],
  ])('%j (asOf %s) → %s fen', (months, asOf, fen, words) => {
    const item = unpaidWages(months, asOf).items[0]!;
    expect(item.code).toBe('unpaid_wages');
    expect(item.amountFen).toBe(fen);
    expect(item.explanation.zh).toContain(words);
    expect(item.basis).toEqual(['劳动法第五十条', '劳动合同法第三十条', '工资支付暂行规定第七条']);
  });

  it('leaves out months after the calculation date: their pay is not due yet', () => {
    const r = unpaidWages(
      [
        { month: '2024-06', fen: 500_000 },
        { month: '2024-07', fen: 500_000 },
      ],
      '2024-06-30',
    );
    expect(r.items[0]!.amountFen).toBe(500_000);
    expect(r.warnings.find((w) => w.code === 'unpaid_wages_not_due')!.text.zh).toContain('2024-07');
    expect(unpaidWages([{ month: '2024-07', fen: 500_000 }], '2024-06-30').items).toEqual([]);
  });

  it('shows the art. 85 penalty as a possibility, 50 % to 100 %, not in the total (劳动合同法第八十五条)', () => {
    // 按应付金额百分之五十以上百分之一百以下的标准向劳动者加付赔偿金; 50 % of 1,000.01 yuan is 500.005 → 500.01
    const r = unpaidWages([{ month: '2024-01', fen: 100_001 }], '2024-06-30');
    const w = r.warnings.find((x) => x.code === 'unpaid_wages_bureau_penalty')!;
    expect(w.text.zh).toContain('500.01 元 至 1,000.01 元');
    expect(w.text.zh).toContain('劳动合同法第八十五条');
    expect(r.items[0]!.amountFen).toBe(100_001);
  });
});
