import type { Label } from '../../../../contracts/stations/codes';
import { hoursLabel, type OpeningHours } from '../../../../contracts/stations/hours';

/** The page's language as the contract's labels know it. */
export const langOf = (language: string): 'zh' | 'en' => (language === 'en' ? 'en' : 'zh');

/** A contract label of a code, in the page's language. */
export const codeText = <C extends string>(labels: Readonly<Record<C, Label>>, code: C, language: string): string =>
  langOf(language) === 'en' ? labels[code].en : labels[code].zh;

/**
 * The opening hours as the station's sign says them ("07:00–22:00", "22:00–次日06:00"). Stored
 * hours always read; a row that does not (written before a rule changed) shows its raw times
 * rather than breaking the page.
 */
export function hoursText(h: OpeningHours, language: string): string {
  try {
    return hoursLabel(h, langOf(language));
  } catch {
    return `${h.opensAt ?? '?'}–${h.closesAt ?? '?'}`;
  }
}
