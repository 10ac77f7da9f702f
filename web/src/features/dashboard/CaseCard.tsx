import { Card, Table, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { HomeList } from '../../../../contracts/disputes/home';
import { IdentityHeldTag, RiskTag, StageTag } from '../disputes/CaseListPage';
import { langOf, money } from '../disputes/labels';
import '../disputes/i18n';

type Row = HomeList['items'][number];

/**
 * One list of the home page: its first rows in a small table, how many there are, and a link to
 * the full list. `caseLinks`: whether a case number opens the case page (staff), or is plain text.
 */
export function CaseCard({
  testId,
  title,
  hint,
  list,
  more,
  caseLinks = true,
}: {
  testId: string;
  title: string;
  hint?: string;
  list: HomeList;
  more?: { to: string; label?: string };
  caseLinks?: boolean;
}) {
  const { t } = useTranslation();
  const columns = useColumns(caseLinks);
  const count = list.totalCapped
    ? t('dashboard.totalCapped', { n: list.total })
    : t('dashboard.total', { n: list.total });
  const extra: ReactNode = (
    <span>
      <span data-testid={`${testId}-total`} data-total={list.total} style={{ color: '#8c8c8c' }}>
        {count}
      </span>
      {more && (
        <Link to={more.to} style={{ marginInlineStart: 12 }} data-testid={`${testId}-more`}>
          {more.label ?? t('dashboard.viewAll')}
        </Link>
      )}
    </span>
  );
  return (
    <Card title={title} extra={extra} data-testid={testId} styles={{ body: { paddingTop: hint ? 8 : undefined } }}>
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      <Table<Row>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('dashboard.empty') }}
      />
    </Card>
  );
}

function useColumns(caseLinks: boolean): TableColumnsType<Row> {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const none = t('common.none');
  return [
    {
      title: t('dashboard.caseNumber'),
      dataIndex: 'caseNumber',
      width: 190,
      render: (v: string, r) => (caseLinks ? <Link to={`/disputes/${r.id}`}>{v}</Link> : v),
    },
    {
      title: t('dashboard.worker'),
      dataIndex: 'workerName',
      width: 100,
      render: (v: string, r) => (
        <>
          {v}
          <IdentityHeldTag held={r.identityHeld} />
        </>
      ),
    },
    { title: t('dashboard.stage'), dataIndex: 'stage', width: 130, render: (v: string) => <StageTag stage={v} /> },
    {
      title: t('dashboard.claimTotal'),
      dataIndex: 'claimTotalFen',
      width: 130,
      align: 'right',
      render: (v: number) => money(v, lang),
    },
    {
      title: t('dashboard.nextDue'),
      dataIndex: 'nextDueOn',
      width: 170,
      render: (v: string | null, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {v ?? none} <RiskTag risk={r.risk} />
        </span>
      ),
    },
  ];
}
