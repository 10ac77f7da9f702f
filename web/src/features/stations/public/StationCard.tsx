import { Button, Card, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FACILITY_LABELS, type StationFacility } from '../../../../../contracts/stations/codes';
import { hoursLabel } from '../../../../../contracts/stations/hours';

interface Shown {
  code: string;
  name: string;
  address: string;
  openNow: boolean;
  open24h: boolean;
  opensAt: string | null;
  closesAt: string | null;
  facilities: StationFacility[];
  lat: number;
  lng: number;
  distanceM?: number;
}

const distanceText = (m: number) => (m < 1000 ? `${m} m` : `${(m / 1000).toFixed(1)} km`);

/** A station as a worker reads it on a phone: open or not, how far, what it has, the way there. */
export function StationCard({ station, link }: { station: Shown; link?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  // Online maps take GCJ-02 as stored; where none is reachable the address and distance still guide.
  const mapUrl = `https://uri.amap.com/marker?position=${station.lng},${station.lat}&name=${encodeURIComponent(station.name)}&coordinate=gaode&callnative=1`;
  return (
    <Card size="small" data-testid="station-card" styles={{ body: { padding: 12 } }}>
      <Flex justify="space-between" align="baseline" gap={8}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {station.name}
        </Typography.Text>
        <Tag color={station.openNow ? 'green' : 'default'}>
          {station.openNow ? t('stationsPublic.finder.open') : t('stationsPublic.finder.closed')}
        </Tag>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
        {station.address}
        {station.distanceM !== undefined && (
          <>
            {' · '}
            <span data-testid="station-distance">
              {t('stationsPublic.finder.distance', { d: distanceText(station.distanceM) })}
            </span>
          </>
        )}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ margin: '4px 0' }}>
        {t('stationsPublic.station.hours')}: {hoursLabel(station, lang)}
      </Typography.Paragraph>
      <Space size={[4, 4]} wrap>
        {station.facilities.map((f) => (
          <Tag key={f}>{FACILITY_LABELS[f][lang]}</Tag>
        ))}
      </Space>
      <Flex gap={8} style={{ marginTop: 8 }}>
        {link && (
          <Link to={`/s/${encodeURIComponent(station.code)}`} data-testid="station-open">
            <Button type="primary">{t('stationsPublic.finder.details')}</Button>
          </Link>
        )}
        <Button href={mapUrl} target="_blank" rel="noopener noreferrer">
          {t('stationsPublic.finder.navigate')}
        </Button>
      </Flex>
    </Card>
  );
}
