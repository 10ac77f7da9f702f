import { Card, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { INSURANCE_SCHEME_LABELS } from '../../../../../contracts/membership/codes';
import type { ExpiringItem } from './types';
import { useExpiring } from './useInsurance';

const WITHIN = [7, 15, 30, 60, 90];

/** Cover ending within the chosen days and not renewed, soonest first, numbers masked. */
export function ExpiringSection() {
  const { t, i18n } = useTranslation();
  const list = useExpiring();
  const en = i18n.language === 'en';
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={t('membershipInsurance.expiring.title')}
      extra={
        <Select
          value={list.filter.days}
          style={{ width: 120 }}
          aria-label={t('membershipInsurance.expiring.within')}
          data-testid="expiring-days"
          onChange={(days: number) => list.search({ days })}
          options={WITHIN.map((days) => ({
            value: days,
            label: t('membershipInsurance.expiring.withinOption', { days }),
          }))}
        />
      }
    >
      <Table<ExpiringItem>
        size="small"
        rowKey="id"
        data-testid="expiring-list"
        loading={list.loading}
        dataSource={list.items}
        pagination={list.pagination}
        scroll={{ x: 900 }}
        columns={[
          { title: t('membershipInsurance.expiring.name'), dataIndex: 'name', width: 110 },
          { title: t('membershipInsurance.expiring.residentId'), dataIndex: 'residentIdMasked', width: 190 },
          { title: t('membershipInsurance.expiring.phone'), dataIndex: 'phoneMasked', width: 130 },
          {
            title: t('membershipInsurance.expiring.scheme'),
            dataIndex: 'scheme',
            render: (s: ExpiringItem['scheme']) => INSURANCE_SCHEME_LABELS[s][en ? 'en' : 'zh'],
          },
          { title: t('membershipInsurance.expiring.insurer'), dataIndex: 'insurer' },
          { title: t('membershipInsurance.expiring.endsOn'), dataIndex: 'endsOn', width: 120 },
          {
            title: t('membershipInsurance.expiring.daysLeft'),
            dataIndex: 'daysLeft',
            width: 110,
            render: (n: number) =>
              n === 0 ? (
                <Tag color="red">{t('membershipInsurance.expiring.today')}</Tag>
              ) : (
                <Tag color={n <= 7 ? 'orange' : 'default'}>{n}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
