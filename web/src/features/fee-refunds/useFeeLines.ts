import { cleanFilter, usePaged } from '../../app/usePaged';
import { FEE_LINES_API } from './queryKeys';
import type { FeeLine } from './types';

export interface LineFilter {
  uscc?: string;
  state?: FeeLine['state'];
  overdue?: 'true';
  atRisk?: 'true';
  [key: string]: string | undefined;
}

export interface LineFilterForm {
  uscc?: string;
  state?: FeeLine['state'];
  overdue?: boolean;
  atRisk?: boolean;
}

/** The refund lines with their payments, server-paged, by USCC, state and "overdue only". */
export function useFeeLines() {
  const list = usePaged<FeeLine, LineFilter>(FEE_LINES_API, {});
  // The API takes `overdue=true` or nothing: an unticked box is no filter, not "not overdue".
  const search = ({ overdue, atRisk, ...rest }: LineFilterForm) =>
    list.search(
      cleanFilter<LineFilter>({ ...rest, overdue: overdue ? 'true' : undefined, atRisk: atRisk ? 'true' : undefined }),
    );
  return { ...list, search };
}
