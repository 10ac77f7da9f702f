import type { Label } from '../../../../contracts/membership/codes';

/** A contract label in the page's language. */
export const labelIn = (label: Label, lang: string): string => (lang === 'en' ? label.en : label.zh);

/** A contract label of a code, in the page's language. */
export const codeText = <C extends string>(labels: Readonly<Record<C, Label>>, code: C, lang: string): string =>
  labelIn(labels[code], lang);

/** The options of a select over a list of codes, labelled in the page's language. */
export const codeOptions = <C extends string>(codes: readonly C[], labels: Readonly<Record<C, Label>>, lang: string) =>
  codes.map((value) => ({ value, label: codeText(labels, value, lang) }));

/** The colour of an application's status tag. */
export const APPLICATION_STATUS_COLORS = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
} as const;

/** The colour of a membership's status tag. */
export const MEMBERSHIP_STATUS_COLORS = { active: 'success', transferred: 'default', left: 'default' } as const;
