import { Button, Checkbox, Form, Input, Select, Table, Tabs, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { STAGE_CODES } from '../../../../contracts/disputes/stages';
import { useMe } from '../../app/auth';
import { PageTitle } from '../../app/components/PageTitle';
import { usePaged } from '../../app/usePaged';
import { langOf, money, stageColor, stageLabel } from './labels';
import { AT_RISK_API, CASES_API } from './queryKeys';
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

/** An online application held until a mediator verifies who the applicant is. */
export function IdentityHeldTag({ held }: { held: boolean }) {
  const { t } = useTranslation();
  if (!held) return null;
  return (
    <Tooltip title={t('disputes.identity.heldTagHint')}>
      <Tag color="volcano" style={{ marginInlineStart: 4 }} data-testid="identity-held-tag">
        {t('disputes.identity.heldTag')}
      </Tag>
    </Tooltip>
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
      render: (v: string, r) => (
        <>
          {r.workerCount > 1 ? `${v} ${t('disputes.andOthers', { n: r.workerCount })}` : v}
          <IdentityHeldTag held={r.identityHeld} />
        </>
      ),
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

/** The tabs of the case list: every case (with the search), those near a deadline, those waiting for a mediator. */
export type CaseListTab = 'all' | 'at-risk' | 'to-assign';

const TAB_PATHS: Record<CaseListTab, string> = {
  all: '/disputes',
  'at-risk': '/disputes/at-risk',
  'to-assign': '/disputes/to-assign',
};

/**
 * The search as kept in the address (?q=…&stage=…&open=false), so a reload, a shared link and the
 * Back button from a case bring the same list back. Open cases only unless `open=false`.
 */
function filterOfUrl(params: URLSearchParams): CaseFilter {
  return {
    q: params.get('q')?.trim() || undefined,
    stage: params.get('stage') || undefined,
    open: params.get('open') === 'false' ? undefined : 'true',
  };
}

function urlOfSearch(v: SearchValues): URLSearchParams {
  const next = new URLSearchParams();
  const q = v.q?.trim();
  if (q) next.set('q', q);
  if (v.stage) next.set('stage', v.stage);
  if (!v.openOnly) next.set('open', 'false');
  return next;
}

/** The case list: the cases in the caller's view, searched; those near or past a deadline; those to assign. */
export function CaseListPage({ tab }: { tab: CaseListTab }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const urlKey = params.toString();
  const filter = filterOfUrl(params);
  const canAssign = me.permissions.includes('disputes:work');

  // A search always asks the server: the same search again refetches, a new one starts stale.
  const onSearch = (v: SearchValues) => {
    const next = urlOfSearch(v);
    const same = next.toString() === urlKey;
    void queryClient.invalidateQueries({ queryKey: [CASES_API], refetchType: same ? 'active' : 'none' });
    if (!same) setParams(next);
  };

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
        activeKey={tab}
        onChange={(k) => void navigate(TAB_PATHS[k as CaseListTab])}
        items={[
          { key: 'all', label: <span data-testid="tab-all">{t('disputes.tabAll')}</span> },
          { key: 'at-risk', label: <span data-testid="tab-at-risk">{t('disputes.tabAtRisk')}</span> },
          ...(canAssign || tab === 'to-assign'
            ? [{ key: 'to-assign', label: <span data-testid="tab-to-assign">{t('disputes.tabToAssign')}</span> }]
            : []),
        ]}
      />
      {tab === 'all' && (
        <Form<SearchValues>
          // Filled from the address each time it changes (a reload, Back, a link).
          key={urlKey}
          name="case-search"
          layout="inline"
          initialValues={{ q: filter.q, stage: filter.stage, openOnly: filter.open === 'true' }}
          onFinish={onSearch}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item name="q">
            <Input
              allowClear
              placeholder={t('disputes.searchAnyPart')}
              style={{ width: 280 }}
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
      {tab === 'at-risk' && <p style={{ color: '#595959', marginTop: 0 }}>{t('disputes.atRiskHint')}</p>}
      {tab === 'to-assign' && <p style={{ color: '#595959', marginTop: 0 }}>{t('disputes.toAssignHint')}</p>}
      <CaseTable
        // A new search (or tab) is a new list from its first page.
        key={`${tab}?${urlKey}`}
        path={tab === 'at-risk' ? AT_RISK_API : CASES_API}
        filter={tab === 'all' ? filter : tab === 'to-assign' ? { unassigned: 'true' } : {}}
      />
    </>
  );
}

function CaseTable({ path, filter }: { path: string; filter: CaseFilter }) {
  const list = usePaged<CaseListItem, CaseFilter>(path, filter);
  const columns = useCaseColumns();
  return (
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
  );
}
