import { SIZE_CATEGORY_LABELS, SIZE_CLASS_LABELS, type Label } from '../../../../contracts/fee-refunds/codes';
import type { FeeEnterprise } from './types';

/** A contract label in the page's language. */
export const labelIn = (label: Label, lang: string): string => (lang === 'en' ? label.en : label.zh);

export const sizeClassText = (c: NonNullable<FeeEnterprise['sizeClass']>, lang: string) =>
  labelIn(SIZE_CLASS_LABELS[c], lang);

export const sizeCategoryText = (c: NonNullable<FeeEnterprise['sizeCategory']>, lang: string) =>
  labelIn(SIZE_CATEGORY_LABELS[c], lang);

/** An account number with all but its last four digits hidden ("**** 6070"). */
export function maskedAccount(accountNo: string): string {
  return accountNo.length <= 4 ? accountNo : `**** ${accountNo.slice(-4)}`;
}

/** A contract label of a code, in the page's language. */
export const codeText = <C extends string>(labels: Readonly<Record<C, Label>>, code: C, lang: string): string =>
  labelIn(labels[code], lang);
