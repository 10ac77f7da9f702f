/** The stations API (staff): every read of stations is keyed under its path (lists, records, terminals, visits). */
export const STATIONS_API = '/api/stations';

/** One station's address in the API. */
export const stationPath = (code: string) => `${STATIONS_API}/${encodeURIComponent(code)}`;

/** The station's printable QR code, as a file to download (SVG for print, PNG). */
export const stationQrHref = (code: string, format: 'svg' | 'png') => `${stationPath(code)}/qr?format=${format}`;

export const stationKeys = {
  /** Invalidated by any change of a station: every list page, record, terminal list and visit page. */
  all: [STATIONS_API] as const,
  /** One station with its figures, and below it its terminals and visits. */
  station: (code: string) => [STATIONS_API, 'one', code] as const,
  devices: (code: string) => [STATIONS_API, 'one', code, 'devices'] as const,
  visits: (code: string, page: number, pageSize: number) =>
    [STATIONS_API, 'one', code, 'visits', { page, pageSize }] as const,
};
