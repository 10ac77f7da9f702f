import type { Dayjs } from 'dayjs';
import { cleanFilter } from '../../app/usePaged';
import type { ApplicationFilter } from './types';

/** The queue's search form: the filters, and the period as days (sent as the calendar dates `from` and `to`). */
export type QueueFilterValues = Omit<ApplicationFilter, 'from' | 'to'> & {
  period?: [Dayjs | null, Dayjs | null] | null;
};

/** The queue opens on what awaits a decision. */
export const QUEUE_START: ApplicationFilter = { status: 'pending' };

/**
 * The form's values as GET /api/membership/applications's filters: texts trimmed, blanks left out,
 * the chosen days as calendar dates (the server counts both whole, in China time).
 */
export function applicationFilterOf({ period, ...rest }: QueueFilterValues): ApplicationFilter {
  const [from, to] = period ?? [];
  return cleanFilter<ApplicationFilter>({
    ...rest,
    from: from ? from.format('YYYY-MM-DD') : undefined,
    to: to ? to.format('YYYY-MM-DD') : undefined,
  });
}
