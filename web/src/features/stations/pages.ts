import { preloadable } from '../../app/preloadable';

// The station page loaded on demand, here so the app's router can start its code while the
// sign-in check is still on its way (routes.tsx preloadPage), as for the case page.
export const stationPage = preloadable(() => import('./StationPage'));
