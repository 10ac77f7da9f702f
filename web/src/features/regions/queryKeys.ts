// Regions are read by the region picker of every form, so their keys live with it in app/regions.ts.
export { regionKeys } from '../../app/regions';
