import { Button, Card, Col, Flex, Row, Statistic, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Station } from './types';

/** Today's visits, the workers registered here and the door's rejects, then the QR to print. */
export function StationFigures({ station: s, qrHref }: { station: Station; qrHref: (f: 'svg' | 'png') => string }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={6}>
        <Card style={{ height: '100%' }}>
          <Statistic
            title={t('stations.detail.visitsToday')}
            value={s.visitsToday}
            valueRender={(node) => <span data-testid="station-visits-today">{node}</span>}
          />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card style={{ height: '100%' }}>
          <Statistic
            title={t('stations.detail.registeredWorkers')}
            value={s.registeredWorkers}
            valueRender={(node) => <span data-testid="station-registered-workers">{node}</span>}
          />
        </Card>
      </Col>
      <Col xs={24} md={6}>
        <Card style={{ height: '100%' }}>
          <Tooltip title={t('stations.detail.doorRejectsHint')}>
            <span>
              <Statistic
                title={t('stations.detail.doorRejects7d')}
                value={s.doorRejects7d}
                valueRender={(node) => <span data-testid="station-door-rejects">{node}</span>}
              />
            </span>
          </Tooltip>
        </Card>
      </Col>
      <Col xs={24} md={6}>
        <Card title={t('stations.detail.qr')} size="small" style={{ height: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('stations.detail.qrHint')}
          </Typography.Paragraph>
          <Flex gap={8} wrap>
            <Button href={qrHref('svg')} download data-testid="station-qr-svg">
              {t('stations.detail.qrSvg')}
            </Button>
            <Button href={qrHref('png')} download data-testid="station-qr-png">
              {t('stations.detail.qrPng')}
            </Button>
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}
