import { Button, Checkbox, Form, Input, Select, Table, Tabs, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { STAGE_CODES } from '../../../../contracts/disputes/stages';
import { useMe } from '../../app/auth';
import { PageTitle } from '../../app/components/PageTitle';
import { usePaged } from '../../app/usePaged';
import { langOf, money, stageColor, stageLabel } from './labels';
import type { CaseFilter, CaseListItem, Risk } from './types';

/** The search form: a text, a stage, and whether to list open cases only (sent as `open`). */
type SearchValues = Pick<CaseFilter, 'q' | 'stage'> & { openOnly?: boolean };

export function RiskTag({ risk }: { risk: Risk }) {
  const { t } = useTranslation();
  if (risk === 'ok') return null;
  return (
    <Tag color={risk === 'overdue' ? 'red' : 'orange'} data-testid={`risk-${risk}`}>
      {t(`disputes.risk.${risk}`)}
    </Tag>
  );
}

export function StageTag({ stage }: { stage: string }) {
  const { i18n } = useTranslation();
  return (
    <Tag color={stageColor(stage)} data-testid="stage-tag">
      {stageLabel(stage, langOf(i18n.language))}
    </Tag>
  );
}

export function useCaseColumns(): TableColumnsType<CaseListItem> {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const none = t('common.none');
  return [
    {
      title: t('disputes.caseNumber'),
      dataIndex: 'caseNumber',
      fixed: 'left',
      width: 200,
      render: (v: string, r) => <Link to={`/disputes/${r.id}`}>{v}</Link>,
    },
    {
      title: t('disputes.worker'),
      dataIndex: 'workerName',
      width: 110,
      render: (v: string, r) => (r.workerCount > 1 ? `${v} ${t('disputes.andOthers', { n: r.workerCount })}` : v),
    },
    { title: t('disputes.employer'), dataIndex: 'employerName', width: 200, render: (v: string | null) => v ?? none },
    { title: t('disputes.stage'), dataIndex: 'stage', width: 120, render: (v: string) => <StageTag stage={v} /> },
    {
      title: t('disputes.claimTotal'),
      dataIndex: 'claimTotalFen',
      width: 140,
      align: 'right',
      render: (v: number) => money(v, lang),
    },
    {
      title: t('disputes.nextDue'),
      dataIndex: 'nextDueOn',
      width: 170,
      render: (v: string | null, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {v ?? none} <RiskTag risk={r.risk} />
        </span>
      ),
    },
    { title: t('disputes.mediator'), dataIndex: 'mediatorName', width: 150, render: (v: string | null) => v ?? none },
    {
      title: t('disputes.court'),
      dataIndex: 'courtName',
      render: (v: string | null, r) => (
        <>
          {v ?? none}
          {r.joint && (
            <Tooltip title={t('disputes.jointHint')}>
              <Tag style={{ marginInlineStart: 4 }}>{t('disputes.joint')}</Tag>
            </Tooltip>
          )}
        </>
      ),
    },
  ];
}

/** The case list: all cases in the caller's view with filters, or the ones near or past a deadline. */
export function CaseListPage({ atRisk }: { atRisk: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const me = useMe();
  const navigate = useNavigate();
  const list = usePaged<CaseListItem, CaseFilter>(
    atRisk ? '/api/disputes/at-risk' : '/api/disputes',
    atRisk ? {} : { open: 'true' },
  );
  const columns = useCaseColumns();

  return (
    <>
      <PageTitle
        title={t('disputes.title')}
        extra={
          me.roles.includes('mediator') && (
            <Button type="primary" data-testid="dispute-create" onClick={() => void navigate('/disputes/new')}>
              {t('disputes.create')}
            </Button>
          )
        }
      />
      <Tabs
        activeKey={atRisk ? 'at-risk' : 'all'}
        onChange={(k) => void navigate(k === 'all' ? '/disputes' : '/disputes/at-risk')}
        items={[
          { key: 'all', label: <span data-testid="tab-all">{t('disputes.tabAll')}</span> },
          { key: 'at-risk', label: <span data-testid="tab-at-risk">{t('disputes.tabAtRisk')}</span> },
        ]}
      />
      {!atRisk && (
        <Form<SearchValues>
          name="case-search"
          layout="inline"
          initialValues={{ openOnly: true }}
          onFinish={(v) =>
            list.search({ stage: v.stage, q: v.q?.trim() || undefined, open: v.openOnly ? 'true' : undefined })
          }
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item name="q">
            <Input
              allowClear
              placeholder={t('disputes.searchPlaceholder')}
              style={{ width: 240 }}
              data-testid="case-search"
            />
          </Form.Item>
          <Form.Item name="stage">
            <Select
              allowClear
              placeholder={t('disputes.stage')}
              aria-label={t('disputes.stage')}
              style={{ width: 170 }}
              options={STAGE_CODES.map((s) => ({ value: s, label: stageLabel(s, lang) }))}
            />
          </Form.Item>
          <Form.Item name="openOnly" valuePropName="checked">
            <Checkbox>{t('disputes.openOnly')}</Checkbox>
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" data-testid="case-search-submit">
              {t('common.search')}
            </Button>
          </Form.Item>
        </Form>
      )}
      {atRisk && <p style={{ color: '#595959', marginTop: 0 }}>{t('disputes.atRiskHint')}</p>}
      <Table<CaseListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
        scroll={{ x: 1300 }}
        data-testid="case-table"
      />
    </>
  );
}
