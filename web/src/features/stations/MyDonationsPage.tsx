import { Card, Flex, Pagination, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MyDonation } from '../../../../contracts/stations/supplies';
import { formatDateTime } from '../../app/format';
import './i18n';
import { useMyDonations } from './useSupplies';

/** A donor company's own donations to the stations, one card each (made for a phone). */
export default function MyDonationsPage() {
  const { t } = useTranslation();
  const d = useMyDonations();
  return (
    <Flex vertical gap={12} style={{ maxWidth: 640, width: '100%' }} data-testid="my-donations">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('stations.donations.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('stations.donations.intro')}</Typography.Text>
      {d.items.length === 0 ? (
        <Typography.Text type="secondary">
          {d.loading ? t('stations.donations.loading') : t('stations.donations.empty')}
        </Typography.Text>
      ) : (
        d.items.map((item) => <DonationCard key={item.id} item={item} />)
      )}
      <Pagination size="small" align="center" simple hideOnSinglePage {...d.pagination} showSizeChanger={false} />
    </Flex>
  );
}

function DonationCard({ item }: { item: MyDonation }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="donation-card" data-thanked={String(item.thankedAt !== null)}>
      <Flex vertical gap={4}>
        <Flex justify="space-between" align="baseline" gap={8} wrap>
          <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
            {item.itemName} · {t('stations.donations.quantity', { quantity: item.quantity, unit: item.unit })}
          </Typography.Text>
          <Tag color={item.thankedAt ? 'green' : 'default'} style={{ margin: 0 }}>
            {t(item.thankedAt ? 'stations.donations.thanked' : 'stations.donations.notThanked')}
          </Tag>
        </Flex>
        <Typography.Text style={{ overflowWrap: 'anywhere' }}>{item.stationName}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('stations.donations.at')}：{formatDateTime(item.at)}
        </Typography.Text>
        {item.thankNote && (
          <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            “{item.thankNote}”
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
