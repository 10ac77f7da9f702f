import type { Home } from '../../../../contracts/disputes/home';
import { api } from '../../app/api';
import { useApiQuery } from '../../app/query';
import { dashboardKeys } from './queryKeys';

/** The caller's work on the home page, by role (each list its first rows and how many there are). */
export function useHome() {
  return useApiQuery(dashboardKeys.home, () => api.get<Home>('/api/disputes/home'));
}
