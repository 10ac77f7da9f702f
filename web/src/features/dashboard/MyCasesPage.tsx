import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../app/components/PageTitle';
import { usePaged } from '../../app/usePaged';
import { RiskTag, StageTag } from '../disputes/CaseListPage';
import { langOf, money } from '../disputes/labels';
import type { CaseListItem } from '../disputes/types';
import '../disputes/i18n';
import './i18n';
import { MY_CASES_API } from './queryKeys';

/**
 * An employer's agent: every case where its employer is the employer or the respondent, newest
 * first (the case list answers an agent with its employer's cases only). The agent answers a case
 * through the link the studio sends, so the case numbers here are not links.
 */
export default function MyCasesPage() {
  const { t } = useTranslation();
  const list = usePaged<CaseListItem>(MY_CASES_API, {});
  const columns = useColumns();
  return (
    <>
      <PageTitle title={t('dashboard.employer.myCases')} />
      <Typography.Paragraph type="secondary">{t('dashboard.employer.casesHint')}</Typography.Paragraph>
      <Table<CaseListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
        scroll={{ x: 900 }}
        data-testid="my-cases-table"
      />
    </>
  );
}

function useColumns(): TableColumnsType<CaseListItem> {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const none = t('common.none');
  return [
    { title: t('dashboard.caseNumber'), dataIndex: 'caseNumber', width: 200 },
    { title: t('dashboard.appliedOn'), dataIndex: 'appliedOn', width: 120 },
    { title: t('dashboard.worker'), dataIndex: 'workerName', width: 110 },
    { title: t('dashboard.stage'), dataIndex: 'stage', width: 140, render: (v: string) => <StageTag stage={v} /> },
    {
      title: t('dashboard.claimTotal'),
      dataIndex: 'claimTotalFen',
      width: 140,
      align: 'right',
      render: (v: number) => money(v, lang),
    },
    {
      title: t('dashboard.nextDue'),
      dataIndex: 'nextDueOn',
      render: (v: string | null, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {v ?? none} <RiskTag risk={r.risk} />
        </span>
      ),
    },
  ];
}
