import { Card, Flex, Input, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCalendarDate } from '../../../../../contracts/dates';
import type { Coverage } from './types';
import { useCoverage } from './useInsurance';

type OrganizationLine = Coverage['byOrganization'][number];
type RegionLine = Coverage['byRegion'][number];

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/** Of the region's active members, those covered on the day: by organization and by region. */
export function CoverageSection() {
  const { t } = useTranslation();
  const state = useCoverage();
  const [typed, setTyped] = useState(state.day);
  const c = state.coverage;
  const figures = [
    { title: t('membershipInsurance.coverage.members'), dataIndex: 'members', width: 110 },
    { title: t('membershipInsurance.coverage.covered'), dataIndex: 'covered', width: 110 },
    { title: t('membershipInsurance.coverage.rate'), dataIndex: 'rate', width: 100, render: percent },
  ];
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={t('membershipInsurance.coverage.title')}
      extra={
        <Flex gap={8} align="center">
          <span>{t('membershipInsurance.coverage.day')}</span>
          <Input
            value={typed}
            style={{ width: 130 }}
            data-testid="coverage-day"
            onChange={(e) => {
              setTyped(e.target.value);
              if (isCalendarDate(e.target.value.trim())) state.setDay(e.target.value.trim());
            }}
          />
        </Flex>
      }
    >
      {c && (
        <Typography.Paragraph
          data-testid="coverage-total"
          data-covered={c.total.covered}
          data-members={c.total.members}
        >
          {t('membershipInsurance.coverage.total', {
            covered: c.total.covered,
            members: c.total.members,
            day: c.day,
            rate: percent(c.total.rate),
          })}
        </Typography.Paragraph>
      )}
      <Tabs
        size="small"
        items={[
          {
            key: 'organizations',
            label: t('membershipInsurance.coverage.byOrganization'),
            children: (
              <Table<OrganizationLine>
                size="small"
                rowKey="organizationId"
                data-testid="coverage-organizations"
                loading={state.loading}
                dataSource={c?.byOrganization ?? []}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: t('membershipInsurance.coverage.organization'), dataIndex: 'organizationName' },
                  ...figures,
                ]}
              />
            ),
          },
          {
            key: 'regions',
            label: t('membershipInsurance.coverage.byRegion'),
            children: (
              <Table<RegionLine>
                size="small"
                rowKey="regionCode"
                data-testid="coverage-regions"
                loading={state.loading}
                dataSource={c?.byRegion ?? []}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  {
                    title: t('membershipInsurance.coverage.region'),
                    dataIndex: 'regionName',
                    render: (name: string | null, line) => name ?? line.regionCode,
                  },
                  ...figures,
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
