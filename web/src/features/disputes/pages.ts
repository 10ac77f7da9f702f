import { preloadable } from '../../app/preloadable';

// The disputes pages loaded on demand, here so the app's router can start the case page's code
// while the sign-in check is still on its way (routes.tsx preloadPage).
export const intakePage = preloadable(() => import('./intake/IntakePage'));
export const casePage = preloadable(() => import('./case/CasePage'));
