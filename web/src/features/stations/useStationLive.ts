import { keepPreviousData, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, ApiRequestError } from '../../app/api';
import { useApiMutation, useApiQuery } from '../../app/query';
import {
  LIVE_EVENT,
  noteBody,
  openAlarmsChanged,
  parseLiveEvent,
  pollEvery,
  STREAM_RETRY_MS,
  type StreamState,
} from './live';
import { stationAlarmPath, stationAlarmsPath, stationKeys, stationLiveEventsPath, stationLivePath } from './queryKeys';
import type { Alarm, AlarmAction, AlarmPage, StationLive } from './types';

/** How many cleared alarms a page of the history shows. */
const HISTORY_PAGE_SIZE = 10;

/**
 * Puts the station now into the cache, whichever way it came (an event, an answer). When the open
 * alarms changed (one came, one was cleared, by anyone) the history pages are asked for again.
 */
function take(queryClient: QueryClient, code: string, next: StationLive): StationLive {
  const before = queryClient.getQueryData<StationLive>(stationKeys.live(code));
  if (openAlarmsChanged(before?.alarms, next.alarms))
    void queryClient.invalidateQueries({ queryKey: stationKeys.alarms(code) });
  return next;
}

/**
 * The station now, kept live: its event stream (GET …/live/events) writes each state into the query
 * cache; while the stream is down the same query asks GET …/live every 5 s, so both feed one view.
 * With it the alarms: the open ones come with the station now, the cleared ones page by page on
 * request (`history`), and acknowledging or clearing one asks for both again.
 * Nothing is opened before `enabled` (the station is known): a station that is not there says so once.
 */
export function useStationLive(code: string, enabled = true) {
  const queryClient = useQueryClient();
  const [stream, setStream] = useState<{ code: string; state: StreamState }>({ code, state: 'connecting' });
  // Another station's stream state is not this one's: a new code starts as connecting.
  const streamState: StreamState = stream.code === code ? stream.state : 'connecting';

  useEffect(() => {
    if (!enabled) return;
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let wasDown = false;
    const mark = (state: StreamState) => setStream((s) => (s.code === code && s.state === state ? s : { code, state }));
    const open = () => {
      const current = new EventSource(stationLiveEventsPath(code));
      source = current;
      current.onopen = () => {
        mark('open');
        // Changes while it was down came by asking, up to 5 s late: ask once now to be current.
        if (wasDown) void queryClient.invalidateQueries({ queryKey: stationKeys.live(code) });
        wasDown = false;
      };
      current.addEventListener(LIVE_EVENT, (e) => {
        const next = parseLiveEvent((e as MessageEvent<unknown>).data, code);
        if (next) queryClient.setQueryData(stationKeys.live(code), take(queryClient, code, next));
      });
      current.onerror = () => {
        wasDown = true;
        mark('down');
        // CLOSED: the server refused it (an error status) and the browser gives up; else it retries.
        if (current.readyState === EventSource.CLOSED) {
          current.close();
          reopen = setTimeout(open, STREAM_RETRY_MS);
        }
      };
    };
    open();
    return () => {
      clearTimeout(reopen);
      source?.close();
    };
  }, [code, enabled, queryClient]);

  // No toast here: a failed read shows in the panel, and asking every 5 s must not toast every 5 s.
  const live = useQuery({
    queryKey: stationKeys.live(code),
    queryFn: () => api.get<StationLive>(stationLivePath(code)).then((next) => take(queryClient, code, next)),
    enabled,
    refetchInterval: (query) =>
      pollEvery(streamState, query.state.error instanceof ApiRequestError ? query.state.error.status : null),
  });

  const [historyShown, setHistoryShown] = useState(false);
  const [historyPage, setHistoryPage] = useState(1);
  const history = useApiQuery(
    stationKeys.alarmPage(code, 'cleared', historyPage, HISTORY_PAGE_SIZE),
    () =>
      api.get<AlarmPage>(stationAlarmsPath(code), { state: 'cleared', page: historyPage, pageSize: HISTORY_PAGE_SIZE }),
    { enabled: enabled && historyShown, placeholderData: keepPreviousData },
  );

  const changed = [stationKeys.live(code), stationKeys.alarms(code)];
  const send = (action: AlarmAction) => (v: { id: string; note?: string }) =>
    api.post<Alarm>(`${stationAlarmPath(code, v.id)}/${action}`, noteBody(v.note));
  const acknowledge = useApiMutation(send('acknowledge'), changed);
  const clear = useApiMutation(send('clear'), changed);

  /**
   * Acknowledges or clears an alarm. A 409 (someone else got there first) is thrown on for the
   * caller to show, after the view is asked for again so that it shows the alarm as it is now.
   */
  const act = async (action: AlarmAction, id: string, note?: string): Promise<Alarm> => {
    try {
      return await (action === 'acknowledge' ? acknowledge : clear).mutateAsync({ id, note });
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 409)
        await Promise.all(changed.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      throw err;
    }
  };

  return {
    live: live.data ?? null,
    liveLoading: live.isPending && enabled,
    /** The last read failed and nothing is shown yet (or what is shown is no longer being refreshed). */
    liveError: live.isError ? live.error : null,
    /** Events arrive as the station changes; otherwise the view is asked for every 5 s. */
    streaming: streamState === 'open',
    /** Open alarms (active or acknowledged), newest first. */
    openAlarms: live.data?.alarms ?? [],
    act,
    acting: acknowledge.isPending || clear.isPending,
    historyShown,
    showHistory: (shown: boolean) => {
      setHistoryShown(shown);
      setHistoryPage(1);
    },
    history: history.data?.items ?? [],
    historyLoading: history.isFetching,
    historyPaging: {
      current: historyPage,
      pageSize: HISTORY_PAGE_SIZE,
      total: history.data?.total ?? 0,
      onChange: (page: number) => setHistoryPage(page),
    },
  };
}

export type StationLiveState = ReturnType<typeof useStationLive>;
