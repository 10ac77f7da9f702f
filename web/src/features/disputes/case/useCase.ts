import { useCallback, useEffect, useState } from 'react';
import { api } from '../../../app/api';
import type { CaseDetail } from '../types';

/** The case detail with a reload; `replace` takes the detail that a POST answered with. */
export function useCase(id: string) {
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .get<CaseDetail>(`/api/disputes/${id}`)
      .then((d) => {
        if (!live) return;
        setDetail(d);
        setError(null);
      })
      .catch((err) => live && setError(err));
    return () => {
      live = false;
    };
  }, [id, tick]);

  const reload = useCallback(() => setTick((x) => x + 1), []);
  return { detail, error, reload, replace: setDetail };
}
