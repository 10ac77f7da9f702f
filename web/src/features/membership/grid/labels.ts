import type { Label } from '../../../../../contracts/membership/codes';

/** The page's language as the contract's labels know it. */
export const langOf = (language: string): 'zh' | 'en' => (language === 'en' ? 'en' : 'zh');

/** A contract label of a code, in the page's language. */
export const codeText = <C extends string>(labels: Readonly<Record<C, Label>>, code: C, language: string): string =>
  labels[code][langOf(language)];

/** A share (0.125) as a percentage with one decimal ("12.5%"); "—" when there is nothing to divide by. */
export const percentText = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
