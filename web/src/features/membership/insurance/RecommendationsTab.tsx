import { Button, Card, Flex, Select, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECOMMENDATION_STATUS_LABELS, RECOMMENDATION_STATUSES } from '../../../../../contracts/membership/codes';
import { useCan, useMe } from '../../../app/auth';
import { RemoteSelect } from '../../../app/components/RemoteSelect';
import { formatDateTime } from '../../../app/format';
import { organizationLabel, searchOrganizations } from '../../organizations/ParentSelect';
import { organizationKeys } from '../../organizations/queryKeys';
import { NominateForm } from './NominateForm';
import { OutcomeForm, ReviewForm } from './StepForms';
import type { Recommendation, RecommendationCounts } from './types';
import { thisYear, useRecommendations } from './useRecommendations';

const STATUS_COLORS: Record<Recommendation['status'], string> = {
  nominated: 'processing',
  endorsed: 'blue',
  declined: 'default',
  accepted: 'green',
  not_accepted: 'orange',
};
const COUNTED = ['nominated', 'endorsed', 'accepted', 'declined', 'awaitingReview'] as const;

/** 推优入党: the year's counts, the list with its filters, and the nomination, review and outcome. */
export function RecommendationsTab() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const me = useMe();
  const state = useRecommendations();
  const [nominating, setNominating] = useState(false);
  const { list } = state;
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const years = Array.from({ length: 5 }, (_, i) => thisYear() - i);
  const mayReview = (r: Recommendation) =>
    r.status === 'nominated' && can('membership:approve') && r.nominatedBy !== me.id;
  return (
    <>
      <Counts counts={state.counts} />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Select
          value={list.filter.year}
          style={{ width: 110 }}
          aria-label={t('membershipInsurance.recommendations.year')}
          data-testid="recommendations-year"
          onChange={(year: number) => list.search({ ...list.filter, year })}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
        <Select
          allowClear
          value={list.filter.status}
          style={{ width: 200 }}
          placeholder={t('membershipInsurance.recommendations.allStatuses')}
          onChange={(status?: string) => list.search({ ...list.filter, status })}
          options={RECOMMENDATION_STATUSES.map((s) => ({ value: s, label: RECOMMENDATION_STATUS_LABELS[s][lang] }))}
        />
        <div style={{ width: 260 }}>
          <RemoteSelect
            value={list.filter.organizationId ?? null}
            onChange={(id) => list.search({ ...list.filter, organizationId: id ?? undefined })}
            queryKey={[...organizationKeys.all, 'recommendations-filter']}
            search={(q) => searchOrganizations(q)}
            resolveLabel={organizationLabel}
            placeholder={t('membershipInsurance.recommendations.organization')}
          />
        </div>
        {can('membership:manage') && (
          <Button type="primary" onClick={() => setNominating(true)} data-testid="nominate-open">
            {t('membershipInsurance.recommendations.nominate')}
          </Button>
        )}
      </Flex>
      <Table<Recommendation>
        size="small"
        rowKey="id"
        data-testid="recommendations-list"
        loading={list.loading}
        dataSource={list.items}
        pagination={list.pagination}
        scroll={{ x: 1100 }}
        columns={[
          { title: t('membershipInsurance.recommendations.name'), dataIndex: 'name', width: 100 },
          { title: t('membershipInsurance.recommendations.memberNo'), dataIndex: 'memberNo', width: 150 },
          { title: t('membershipInsurance.recommendations.organization'), dataIndex: 'organizationName' },
          { title: t('membershipInsurance.recommendations.reasons'), dataIndex: 'reasons', ellipsis: true },
          {
            title: t('membershipInsurance.recommendations.status'),
            dataIndex: 'status',
            width: 170,
            render: (s: Recommendation['status']) => (
              <Tag color={STATUS_COLORS[s]}>{RECOMMENDATION_STATUS_LABELS[s][lang]}</Tag>
            ),
          },
          { title: t('membershipInsurance.recommendations.nominatedBy'), dataIndex: 'nominatedByName', width: 110 },
          {
            title: t('membershipInsurance.recommendations.nominatedAt'),
            dataIndex: 'nominatedAt',
            width: 150,
            render: (v: string) => formatDateTime(v),
          },
          { title: t('membershipInsurance.recommendations.reviewNote'), dataIndex: 'reviewNote', ellipsis: true },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 140,
            render: (_: unknown, r) => (
              <Space size={4}>
                {mayReview(r) && (
                  <Button size="small" onClick={() => state.setReviewing(r)} data-testid="recommendation-review">
                    {t('membershipInsurance.recommendations.review')}
                  </Button>
                )}
                {r.status === 'endorsed' && can('membership:manage') && (
                  <Button size="small" onClick={() => state.setDeciding(r)} data-testid="recommendation-outcome">
                    {t('membershipInsurance.recommendations.recordOutcome')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <NominateForm open={nominating} onClose={() => setNominating(false)} onSubmit={state.nominate.mutateAsync} />
      <ReviewForm
        target={state.reviewing}
        onClose={() => state.setReviewing(null)}
        onSubmit={state.review.mutateAsync}
      />
      <OutcomeForm
        target={state.deciding}
        onClose={() => state.setDeciding(null)}
        onSubmit={state.outcome.mutateAsync}
      />
    </>
  );
}

function Counts({ counts }: { counts: RecommendationCounts | undefined }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="recommendation-counts">
      <Flex gap={32} wrap>
        {COUNTED.map((key) => (
          <div key={key} data-testid={`recommendation-count-${key}`} data-value={counts?.[key] ?? 0}>
            <Statistic title={t(`membershipInsurance.recommendations.counts.${key}`)} value={counts?.[key] ?? 0} />
          </div>
        ))}
      </Flex>
    </Card>
  );
}
