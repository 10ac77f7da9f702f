import type { StationsMapStrings } from './strings.zh';

export const stationsMapEn: StationsMapStrings = {
  ariaLabel: 'Map of the stations (county outlines and stations, drawn offline)',
  open: 'Open',
  closed: 'Closed',
  source: 'Outlines: {{source}}, GCJ-02 coordinates',
  show: 'Show on the map',
  hide: 'Hide the map',
  loading: 'Loading the map…',
  coverage: {
    title: 'Coverage (on the map and the 15-minute circle)',
    walk: 'Walking distance',
    walkOption: '{{m}} m (about {{min}} min)',
    at: 'Open at',
    now: 'Now',
    area: 'Area',
    stations: 'Stations',
    openStations: 'Open',
    areaKm2: 'Area (km²)',
    coveredKm2: 'Covered (km²)',
    share: 'Coverage',
    summary:
      '{{region}}: at {{at}}, {{share}} of the area is within {{walk}} m of an open station ({{open}} open of {{stations}} stations).',
    outside: '{{count}} stations lie outside this region’s outline: check their coordinates or datum',
    method:
      'Straight-line distance (the outlines carry no roads), on an equal-area grid of {{cell}} m cells; outlines: {{source}}.',
  },
  tapHint: 'Tap a station for its details',
};
