import { describe, it, expect } from 'vitest';
import { createCalendar } from '../../disputes/rules/working-days.js';
import { limitationWarnings, oneYearLastDay } from './limitation.js';

const CALENDAR = createCalendar([]);

describe('劳动争议调解仲裁法第二十七条 with 民法典第二百零一条至第二百零三条 — the last day to apply', () => {
  // 按照年计算期间的，到期年的对应日为期间的最后一日；期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日
  it.each([
    // last day of work, anniversary, last day to apply
    ['2023-06-28', '2024-06-28', '2024-06-28'], // a Friday
    ['2023-06-29', '2024-06-29', '2024-07-01'], // a Saturday → Monday
    ['2023-06-30', '2024-06-30', '2024-07-01'], // a Sunday → Monday
    ['2023-10-01', '2024-10-01', '2024-10-08'], // National Day holiday 10-01…10-07
    ['2024-05-01', '2025-05-01', '2025-05-06'], // Labor Day holiday 05-01…05-05
    ['2023-09-29', '2024-09-29', '2024-09-29'], // a Sunday made a working day: not moved
    ['2024-02-29', '2025-02-28', '2025-02-28'], // no 29 February: the month's last day
  ])('employment ended %s → anniversary %s → apply by %s', (end, nominal, lastDay) => {
    const d = oneYearLastDay(end, CALENDAR);
    expect(d.nominal).toBe(nominal);
    expect(d.lastDay).toBe(lastDay);
    const w = limitationWarnings(end, '2023-12-01' < end ? end : '2023-12-01', CALENDAR)[0]!;
    expect(w.text.zh).toContain(`最迟于 ${lastDay}（含当日）`);
    expect(w.text.en).toContain(`by ${lastDay} at the latest (that day included)`);
  });

  it('is open on the last day itself and closed the day after', () => {
    expect(limitationWarnings('2023-06-30', '2024-07-01', CALENDAR)[0]!.code).toBe('limitation_runs_from_end');
    expect(limitationWarnings('2023-06-30', '2024-07-01', CALENDAR)[0]!.text.zh).toContain('还剩 0 天');
    const after = limitationWarnings('2023-06-30', '2024-07-02', CALENDAR)[0]!;
    expect(after.code).toBe('limitation_expired_risk');
    expect(after.severity).toBe('critical');
    expect(after.text.zh).toContain('已于 2024-07-01 届满');
  });

  it('follows the platform calendar’s corrections', () => {
    // a locally declared holiday on Monday 2024-07-01 moves the last day to Tuesday
    const corrected = createCalendar([{ date: '2024-07-01', kind: 'holiday', name: '地方调休' }]);
    expect(oneYearLastDay('2023-06-30', corrected).lastDay).toBe('2024-07-02');
  });

  it('while employed: no deadline for pay arrears', () => {
    expect(limitationWarnings(null, '2024-07-01', CALENDAR).map((w) => w.code)).toEqual(['limitation_while_employed']);
  });
});
