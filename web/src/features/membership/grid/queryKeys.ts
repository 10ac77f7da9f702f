/** The grid's API: every read is keyed under its path, so a change refreshes lists, board and pickers alike. */
export const GRID_API = '/api/membership/grid';
export const ORGANISERS_API = `${GRID_API}/organisers`;
export const AREAS_API = `${GRID_API}/areas`;
export const VISITS_API = `${GRID_API}/visits`;
export const FIGURES_API = `${GRID_API}/figures`;
export const ORGANISER_ACCOUNTS_API = `${GRID_API}/organiser-accounts`;
export const ME_API = `${GRID_API}/me`;
export const MY_VISITS_API = `${ME_API}/visits`;
export const MY_FIGURES_API = `${ME_API}/figures`;
export const MY_QR_SRC = `${ME_API}/qr.svg`;

export const organiserPath = (id: string) => `${ORGANISERS_API}/${encodeURIComponent(id)}`;
export const organiserQrHref = (id: string) => `${organiserPath(id)}/qr.svg`;
export const areaPath = (id: string) => `${AREAS_API}/${encodeURIComponent(id)}`;
export const visitPhotosPath = (visitId: string) => `${VISITS_API}/${encodeURIComponent(visitId)}/photos`;
export const visitPhotoHref = (visitId: string, photoId: string) =>
  `${visitPhotosPath(visitId)}/${encodeURIComponent(photoId)}`;

export const gridKeys = {
  /** Any change of the grid: organisers, areas, visits and the figures below. */
  all: [GRID_API] as const,
  organisers: [ORGANISERS_API] as const,
  areas: [AREAS_API] as const,
  figures: (query: object) => [GRID_API, 'figures', query] as const,
  me: [GRID_API, 'me'] as const,
  myVisits: (page: number) => [GRID_API, 'me', 'visits', page] as const,
  myFigures: [GRID_API, 'me', 'figures'] as const,
};
