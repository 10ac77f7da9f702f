// Route-only request shapes of the grid (the rest are in contracts/membership/grid.ts).

export { idParamsSchema } from '../../../core/http.js';
