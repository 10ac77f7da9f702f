import { describe, expect, it } from 'vitest';
import { calendarDate, hasForbiddenCharacters, nameText, plainText } from './text.js';

describe('text that people type', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['right-to-left override', '张\u202E三'],
    ['zero-width space', '张\u200B三'],
    ['byte-order mark', '\uFEFF张三'],
    ['bell', 'a\u0007'],
  ])('refuses %s', (_label, s) => {
    expect(hasForbiddenCharacters(s)).toBe(true);
    expect(plainText(100).safeParse(s).success).toBe(false);
  });

  it('keeps Chinese, line breaks and tabs', () => {
    expect(plainText(100).parse('  工资\n拖欠\t半年 ')).toBe('工资\n拖欠\t半年');
    expect(nameText(2, 32).parse('欧阳·娜娜')).toBe('欧阳·娜娜');
  });

  it('dates must exist on the calendar', () => {
    expect(calendarDate.safeParse('2025-02-29').success).toBe(false);
    expect(calendarDate.safeParse('2024-02-29').success).toBe(true);
    expect(calendarDate.safeParse('2025-13-01').success).toBe(false);
  });
});
