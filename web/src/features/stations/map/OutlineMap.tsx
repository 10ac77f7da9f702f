import './i18n';
import { Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { labelPoint, pathOf, projectionFor, VIEW_WIDTH, type MapArea } from './outlineMap';

export interface MapStation {
  code: string;
  name: string;
  lat: number;
  lng: number;
  openNow: boolean;
}

interface Props {
  areas: MapArea[];
  stations: MapStation[];
  /** A fill per area (a county's coverage); none: the plain map colour. */
  fill?: (code: string) => string | undefined;
  /** A hover text per area; none: its name. */
  areaTitle?: (area: MapArea) => string;
  /** Stations drawn larger (the finder's results). */
  highlighted?: ReadonlySet<string>;
  onStation?: (code: string) => void;
  /** The outlines' package and datum, credited under the map. */
  source: string;
  testId?: string;
}

const OPEN = '#1677ff';
const CLOSED = '#8c8c8c';

/**
 * A city's counties and its stations as an SVG, drawn from the outlines the server ships: it needs
 * no tile service, so it works on an intranet and on a phone with no map app.
 */
export function OutlineMap({ areas, stations, fill, areaTitle, highlighted, onStation, source, testId }: Props) {
  const { t } = useTranslation();
  const projection = useMemo(() => projectionFor(areas), [areas]);
  const paths = useMemo(
    () =>
      projection ? areas.map((a) => ({ area: a, d: pathOf(a, projection), label: labelPoint(a, projection) })) : [],
    [areas, projection],
  );
  if (!projection) return null;
  const r = VIEW_WIDTH / 160;
  const font = VIEW_WIDTH / 45;
  return (
    <figure style={{ margin: 0 }} data-testid={testId}>
      <svg
        viewBox={`0 0 ${projection.width} ${projection.height}`}
        style={{ width: '100%', height: 'auto', maxHeight: '70vh', background: '#f5f9ff', borderRadius: 8 }}
        role="img"
        aria-label={t('stationsMap.ariaLabel')}
      >
        {paths.map(({ area, d }) => (
          <path
            key={area.code}
            d={d}
            fillRule="evenodd"
            fill={fill?.(area.code) ?? '#ffffff'}
            stroke="#7a8ca3"
            strokeWidth={VIEW_WIDTH / 600}
            data-area={area.code}
          >
            <title>{areaTitle ? areaTitle(area) : area.name}</title>
          </path>
        ))}
        {paths.map(({ area, label }) =>
          label ? (
            <text
              key={`${area.code}-label`}
              x={label[0]}
              y={label[1]}
              fontSize={font}
              textAnchor="middle"
              fill="#33415c"
              style={{ pointerEvents: 'none', paintOrder: 'stroke' }}
              stroke="#ffffff"
              strokeWidth={font / 6}
            >
              {area.name}
            </text>
          ) : null,
        )}
        {stations.map((s) => {
          const [x, y] = projection.at(s.lng, s.lat);
          const big = highlighted?.has(s.code);
          return (
            <circle
              key={s.code}
              cx={x}
              cy={y}
              r={big ? r * 1.8 : r}
              fill={s.openNow ? OPEN : CLOSED}
              stroke="#ffffff"
              strokeWidth={r / 3}
              style={{ cursor: onStation ? 'pointer' : undefined }}
              onClick={onStation ? () => onStation(s.code) : undefined}
              data-testid={`map-station-${s.code}`}
              data-open={s.openNow}
            >
              <title>{`${s.name} · ${s.openNow ? t('stationsMap.open') : t('stationsMap.closed')}`}</title>
            </circle>
          );
        })}
      </svg>
      <Flex component="figcaption" gap={12} wrap style={{ marginTop: 4 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <span style={{ color: OPEN }}>●</span> {t('stationsMap.open')}
          {'  '}
          <span style={{ color: CLOSED }}>●</span> {t('stationsMap.closed')}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('stationsMap.source', { source })}
        </Typography.Text>
      </Flex>
    </figure>
  );
}
