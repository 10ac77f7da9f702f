import { Alert, Badge, Card, Col, Flex, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../app/errors';
import { formatDateTime, punctuationOf } from '../../app/format';
import { connectionOf, EQUIPMENT_COLORS, type Connection } from './live';
import type { Equipment, StationLive } from './types';
import type { StationLiveState } from './useStationLive';

const BADGE_STATUS = { online: 'success', offline: 'error', unknown: 'default' } as const satisfies Record<
  Connection,
  string
>;

/** The station now: whether its gateway is heard from, the room's readings, who is inside, its equipment. */
export function LivePanel({ live: l }: { live: StationLiveState }) {
  const { t, i18n } = useTranslation();
  const errText = useErrorText();
  const { colon } = punctuationOf(i18n.language);
  return (
    <Card
      title={t('stations.live.title')}
      extra={
        <Typography.Text type="secondary" data-testid="live-mode" data-streaming={l.streaming}>
          {l.streaming ? t('stations.live.streaming') : t('stations.live.polling')}
        </Typography.Text>
      }
      data-testid="station-live"
    >
      {l.liveError && (
        <Alert type="warning" showIcon title={`${t('stations.live.failed')}${colon}${errText(l.liveError)}`} />
      )}
      {l.live ? <Now live={l.live} /> : l.liveLoading && <Skeleton active paragraph={{ rows: 3 }} />}
    </Card>
  );
}

function Now({ live }: { live: StationLive }) {
  const { t, i18n } = useTranslation();
  const { colon } = punctuationOf(i18n.language);
  const connection = connectionOf(live.online);
  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={8} align="center">
        <Badge
          status={BADGE_STATUS[connection]}
          text={t(`stations.live.${connection}`)}
          data-testid="live-online"
          data-online={connection}
        />
        <Typography.Text type="secondary">
          {t('stations.live.lastMessageAt')}
          {colon}
          {live.lastMessageAt ? formatDateTime(live.lastMessageAt) : t('stations.live.never')}
        </Typography.Text>
      </Flex>
      <Row gutter={[16, 16]}>
        <Figure
          title={t('stations.live.temperature')}
          value={live.temperatureC}
          unit="°C"
          precision={1}
          testId="live-temperature"
        />
        <Figure
          title={t('stations.live.humidity')}
          value={live.humidityPct}
          unit="%"
          precision={0}
          testId="live-humidity"
        />
        <Figure title={t('stations.live.pm25')} value={live.pm25} unit="μg/m³" precision={0} testId="live-pm25" />
        <Figure title={t('stations.live.co2')} value={live.co2ppm} unit="ppm" precision={0} testId="live-co2" />
        <Figure title={t('stations.live.peopleInside')} value={live.peopleInside} testId="live-people-inside" />
        <Figure title={t('stations.live.visitsToday')} value={live.visitsToday} testId="live-visits-today" />
      </Row>
      {live.envAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('stations.live.envAt')}
          {colon}
          {formatDateTime(live.envAt)}
        </Typography.Text>
      )}
      <EquipmentList equipment={live.equipment} />
    </Flex>
  );
}

/** One reading; a sensor that sent none shows a dash, without its unit. */
function Figure(props: { title: ReactNode; value: number | null; unit?: string; precision?: number; testId: string }) {
  const known = props.value !== null;
  return (
    <Col xs={12} sm={8} xl={4}>
      <Statistic
        title={props.title}
        value={props.value ?? '—'}
        precision={known ? props.precision : undefined}
        suffix={known ? props.unit : undefined}
        valueRender={(node) => <span data-testid={props.testId}>{node}</span>}
      />
    </Col>
  );
}

function EquipmentList({ equipment }: { equipment: readonly Equipment[] }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
        {t('stations.live.equipment')}
      </Typography.Text>
      {equipment.length === 0 ? (
        <Typography.Text type="secondary">{t('stations.live.noEquipment')}</Typography.Text>
      ) : (
        <Flex vertical data-testid="live-equipment">
          {equipment.map((e) => (
            <Flex
              key={e.code}
              wrap
              gap={8}
              align="center"
              style={{ borderBottom: '1px solid #f0f0f0', padding: '6px 0' }}
              data-testid="live-equipment-item"
              data-equipment-state={e.state}
            >
              <Typography.Text style={{ fontFamily: 'monospace', wordBreak: 'break-all' }} translate="no">
                {e.code}
              </Typography.Text>
              <Tag color={EQUIPMENT_COLORS[e.state]} style={{ margin: 0 }}>
                {t(`stations.live.equipmentStates.${e.state}`)}
              </Tag>
              {e.powerW !== null && <Typography.Text>{e.powerW} W</Typography.Text>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('stations.live.equipmentAt', { time: formatDateTime(e.at) })}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </div>
  );
}
