import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { Lang } from '../labels';
import type { ActionBody, ActionCode, CaseDetail } from '../types';

export type Values = Record<string, unknown>;

export interface SpecContext {
  detail: CaseDetail;
  t: TFunction;
  lang: Lang;
  today: string;
}

/** How one action is asked for: its form fields, starting values and the payload sent. */
export interface ActionSpec {
  fields?: (c: SpecContext) => ReactNode;
  initial?: (c: SpecContext) => Values;
  payload: (v: Values, c: SpecContext) => NonNullable<ActionBody['payload']>;
  /** The judge's review checklist, sent beside the payload (confirmation decisions). */
  review?: (v: Values) => ActionBody['review'];
  /** Shown above the fields (what the action does). */
  hint?: (c: SpecContext) => string | null;
  danger?: boolean;
  width?: number;
  /** True when the case already has what the action records (the button is then not offered). */
  done?: (d: CaseDetail) => boolean;
}

export type SpecTable = Partial<Record<ActionCode, ActionSpec>>;

/** Checkbox rule: must be ticked. */
export const mustTick = (message: string) => ({
  validator: (_: unknown, v: unknown) => (v ? Promise.resolve() : Promise.reject(new Error(message))),
});
