import { Alert, Card, Flex, Select, Skeleton, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useErrorText } from '../../../app/errors';
import './i18n';
import { OutlineMap } from './OutlineMap';
import { shareColour } from './outlineMap';
import { useStationCoverage, type CoverageArea } from './useStationCoverage';
import { useStationMap } from './useStationMap';

const WALKS = [500, 1000, 1500, 2000, 3000];
const HOURS = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const km2 = (v: number) => v.toLocaleString(undefined, { maximumFractionDigits: 1 });

/**
 * The "on the map" and 15-minute standards for the dashboard's region: per county (or per city
 * of a province) the stations, those open at the time chosen, and the share of the ground within
 * the walking distance of an open one; a city's counties coloured by that share on the offline map.
 */
export function CoverageSection({ regionCode }: { regionCode: string | null }) {
  const { t } = useTranslation();
  const errText = useErrorText();
  const { walkM, setWalkM, at, setAt, coverage } = useStationCoverage(regionCode);
  const c = coverage.data;
  const isProvince = !!c && c.regionCode.endsWith('0000');
  const map = useStationMap(c && !isProvince ? c.regionCode : null);
  const byCode = new Map(c?.areas.map((a) => [a.code, a]));
  const columns: TableColumnsType<CoverageArea> = [
    { title: t('stationsMap.coverage.area'), dataIndex: 'name' },
    { title: t('stationsMap.coverage.stations'), dataIndex: 'stations', align: 'right' },
    { title: t('stationsMap.coverage.openStations'), dataIndex: 'openStations', align: 'right' },
    { title: t('stationsMap.coverage.areaKm2'), dataIndex: 'areaKm2', align: 'right', render: km2 },
    { title: t('stationsMap.coverage.coveredKm2'), dataIndex: 'coveredKm2', align: 'right', render: km2 },
    {
      title: t('stationsMap.coverage.share'),
      dataIndex: 'share',
      align: 'right',
      render: (v: number) => <span data-testid="coverage-share">{percent(v)}</span>,
    },
  ];
  return (
    <Card size="small" title={t('stationsMap.coverage.title')} style={{ marginTop: 16 }} data-testid="coverage">
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <Typography.Text>{t('stationsMap.coverage.walk')}</Typography.Text>
        <Select
          value={walkM}
          onChange={setWalkM}
          style={{ width: 150 }}
          aria-label={t('stationsMap.coverage.walk')}
          data-testid="coverage-walk"
          options={WALKS.map((m) => ({
            value: m,
            label: t('stationsMap.coverage.walkOption', { m, min: Math.round(m / 67) }),
          }))}
        />
        <Typography.Text>{t('stationsMap.coverage.at')}</Typography.Text>
        <Select
          value={at ?? ''}
          onChange={(v: string) => setAt(v || null)}
          style={{ width: 120 }}
          aria-label={t('stationsMap.coverage.at')}
          data-testid="coverage-at"
          virtual={false}
          options={[{ value: '', label: t('stationsMap.coverage.now') }, ...HOURS.map((h) => ({ value: h, label: h }))]}
        />
      </Flex>
      {coverage.error ? (
        <Alert type="warning" showIcon title={errText(coverage.error)} />
      ) : !c ? (
        <Skeleton active />
      ) : (
        <Spin spinning={coverage.isFetching} delay={200}>
          <Typography.Paragraph data-testid="coverage-summary">
            {t('stationsMap.coverage.summary', {
              region: c.regionName,
              share: percent(c.totals.share),
              walk: c.walkM,
              at: c.at,
              open: c.totals.openStations,
              stations: c.totals.stations,
            })}
          </Typography.Paragraph>
          {c.outsideOutline.count > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              data-testid="coverage-outside"
              title={t('stationsMap.coverage.outside', { count: c.outsideOutline.count })}
              description={
                <Flex wrap gap={8}>
                  {c.outsideOutline.items.map((s) => (
                    <Link key={s.code} to={`/stations/${encodeURIComponent(s.code)}`} translate="no">
                      {s.name}（{s.code}）
                    </Link>
                  ))}
                </Flex>
              }
            />
          )}
          <Flex wrap gap={16} align="flex-start">
            {map.data && (
              <div style={{ flex: '1 1 320px', minWidth: 0 }}>
                <OutlineMap
                  areas={map.data.areas}
                  stations={map.data.stations}
                  fill={(code) => {
                    const a = byCode.get(code);
                    return a ? shareColour(a.share) : '#f0f0f0';
                  }}
                  areaTitle={(a) => {
                    const row = byCode.get(a.code);
                    return row ? `${a.name} · ${percent(row.share)}` : a.name;
                  }}
                  source={map.data.source}
                  testId="coverage-map"
                />
              </div>
            )}
            <div style={{ flex: '1 1 420px', minWidth: 0 }}>
              <Table<CoverageArea>
                rowKey="code"
                size="small"
                data-testid="coverage-table"
                columns={columns}
                dataSource={c.areas}
                pagination={false}
                scroll={{ x: 'max-content' }}
              />
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
                {t('stationsMap.coverage.method', { cell: c.cellM, source: c.source })}
              </Typography.Paragraph>
            </div>
          </Flex>
        </Spin>
      )}
    </Card>
  );
}
