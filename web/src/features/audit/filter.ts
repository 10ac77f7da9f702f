import type { Dayjs } from 'dayjs';
import { shanghaiDayStart, shanghaiNextDayStart } from '../../app/format';
import { cleanFilter } from '../../app/usePaged';
import type { AuditFilterInput } from './types';

/** The search form: the filters' texts, and the period as days (sent as the instants `from` and `to`). */
export type AuditFilterValues = Omit<AuditFilterInput, 'from' | 'to'> & {
  period?: [Dayjs | null, Dayjs | null] | null;
};

/**
 * The form's values as GET /api/audit's filters. The chosen days are whole days in China time,
 * whatever the browser's time zone: from the first day's start up to, not including, the start
 * of the day after the last (the API's `to` is exclusive).
 */
export function auditFilterOf({ period, ...texts }: AuditFilterValues): AuditFilterInput {
  const [from, to] = period ?? [];
  return cleanFilter<AuditFilterInput>({
    ...texts,
    from: from ? shanghaiDayStart(from.format('YYYY-MM-DD')) : undefined,
    to: to ? shanghaiNextDayStart(to.format('YYYY-MM-DD')) : undefined,
  });
}
