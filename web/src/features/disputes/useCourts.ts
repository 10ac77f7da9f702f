import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import type { Court } from './types';

/** Courts in the caller's scope (GET /api/courts), loaded once per mount. */
export function useCourts(): Court[] {
  const [courts, setCourts] = useState<Court[]>([]);
  useEffect(() => {
    let live = true;
    api
      .get<{ items: Court[] }>('/api/courts')
      .then((r) => live && setCourts(r.items))
      .catch(() => live && setCourts([]));
    return () => {
      live = false;
    };
  }, []);
  return courts;
}
