import type { Dayjs } from 'dayjs';
import { shanghaiDayStart, shanghaiNextDayStart } from '../../app/format';
import { cleanFilter } from '../../app/usePaged';
import type { MessageFilterInput } from './types';

export type MessageFilterValues = Omit<MessageFilterInput, 'from' | 'to'> & {
  period?: [Dayjs | null, Dayjs | null] | null;
};

/** The search form as the API's filters: the chosen days are whole days in China time (`to` is exclusive). */
export function messageFilterOf({ period, ...rest }: MessageFilterValues): MessageFilterInput {
  const [from, to] = period ?? [];
  return cleanFilter<MessageFilterInput>({
    ...rest,
    from: from ? shanghaiDayStart(from.format('YYYY-MM-DD')) : undefined,
    to: to ? shanghaiNextDayStart(to.format('YYYY-MM-DD')) : undefined,
  });
}
