import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FACILITY_LABELS, SIX_STANDARDS, SIX_STANDARD_LABELS } from '../../../../contracts/stations/codes';
import { PageHeading } from '../../app/components/PageHeading';
import { codeText, hoursText } from './labels';
import { OpenNowTag, StatusTag } from './StationTags';
import type { Station } from './types';

/** The station as staff keep it: name, code, status, where, when, and what it offers. */
export function StationHeader({ station: s, onEdit }: { station: Station; onEdit?: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const none = t('common.none');
  return (
    <Card data-testid="station-header">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Flex align="center" wrap gap={8}>
          <PageHeading style={{ margin: 0 }} translate="no" data-testid="station-header-name">
            {s.name}
          </PageHeading>
          <Tag style={{ fontFamily: 'monospace' }} data-testid="station-header-code">
            {s.code}
          </Tag>
          <StatusTag status={s.status} />
          <OpenNowTag open={s.openNow} />
        </Flex>
        <Flex align="center" wrap gap={8}>
          {onEdit && (
            <Button onClick={onEdit} data-testid="station-edit">
              {t('stations.edit')}
            </Button>
          )}
          <Link to="/stations">{t('stations.detail.back')}</Link>
        </Flex>
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="station-summary">
        <Descriptions.Item label={t('stations.address')}>
          <span translate="no">{s.address}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('stations.region')}>
          <span translate="no">{s.regionName ?? s.regionCode}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('stations.hours')}>
          <span data-testid="station-hours">{hoursText(s, lang)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('stations.operatorName')}>{s.operatorName ?? none}</Descriptions.Item>
        {s.hostOrganizationName && (
          <Descriptions.Item label={t('stations.hostOrganization')}>{s.hostOrganizationName}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('stations.areaM2')}>{s.areaM2 ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('stations.coordinates')}>
          <span style={{ fontFamily: 'monospace' }}>
            {s.lat}, {s.lng}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('stations.detail.pageUrl')}>
          <Typography.Link href={s.pageUrl} target="_blank" rel="noreferrer" style={{ wordBreak: 'break-all' }}>
            {s.pageUrl}
          </Typography.Link>
        </Descriptions.Item>
      </Descriptions>
      <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('stations.facilities')}>
          <Flex wrap gap={4} data-testid="station-facilities">
            {s.facilities.length
              ? s.facilities.map((f) => (
                  <Tag key={f} color="blue" style={{ margin: 0 }}>
                    {codeText(FACILITY_LABELS, f, lang)}
                  </Tag>
                ))
              : none}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('stations.standards')}>
          <Flex wrap gap={4} align="center" data-testid="station-standards">
            {SIX_STANDARDS.filter((k) => s.standards.includes(k)).map((k) => (
              <Tag key={k} color="green" style={{ margin: 0 }}>
                {codeText(SIX_STANDARD_LABELS, k, lang)}
              </Tag>
            ))}
            <Typography.Text type="secondary">
              {s.standards.length}/{SIX_STANDARDS.length}
            </Typography.Text>
          </Flex>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
