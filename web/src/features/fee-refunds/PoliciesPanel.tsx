import {
  App,
  Button,
  Card,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DESTINATION_KIND_LABELS, POLICY_STATUS_LABELS } from '../../../../contracts/fee-refunds/codes';
import { useCan, useMe } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { codeText, labelIn } from './labels';
import { PolicyForm } from './PolicyForm';
import { dayAfter, refundPct, toFormValues, type PolicyFormValues } from './policyForm';
import type { PolicyBody, PolicyVersionView } from './types';
import { usePolicies } from './usePolicies';

/** Where a new draft starts: the statutory 2 %, no shares yet, small and micro classes ticked. */
const BLANK: PolicyBody = {
  title: { zh: '', en: '' },
  regionCode: '',
  effectiveFrom: '',
  effectiveTo: null,
  feeRateBp: 200,
  split: [],
  smallMicro: { sizeClasses: ['small', 'micro'], maxAnnualPaidFen: null, excludedFlags: [] },
  returned: { small_micro: {}, ordinary: {} },
  routing: { noUnion: 'preparation_fund_held', noUnionAccount: 'paying_account' },
  source: '',
  assumptions: [],
};

type Editing = { mode: 'new'; start: PolicyBody } | { mode: 'edit'; version: PolicyVersionView } | null;

/**
 * Refund policy versions (返还政策): the versions governing the user's region and those inside
 * it. A maker drafts (from scratch or as a copy that starts the day after its model ends), edits
 * and discards drafts; a checker who did not write a draft puts it in force, and may end a version
 * in force earlier.
 */
export function PoliciesPanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const can = useCan();
  const me = useMe();
  const { message } = App.useApp();
  const showError = useShowError();
  const { versions, loading, draft, edit, discard, activate, close } = usePolicies();
  const [editing, setEditing] = useState<Editing>(null);
  const [closing, setClosing] = useState<{ v: PolicyVersionView; day: string } | null>(null);
  const maker = can('fee_refunds:run');
  const checker = can('fee_refunds:approve');

  const initial: PolicyFormValues = useMemo(
    () => toFormValues(editing?.mode === 'edit' ? editing.version.policy : (editing?.start ?? BLANK)),
    [editing],
  );
  const act = async (work: Promise<unknown>, done: string) => {
    try {
      await work;
      void message.success(done);
    } catch (err) {
      showError(err);
    }
  };
  const save = async (body: PolicyBody) => {
    if (editing?.mode === 'edit')
      await edit.mutateAsync({ id: editing.version.id, version: editing.version.version, policy: body });
    else await draft.mutateAsync(body);
    void message.success(t('feeRefunds.policies.saved'));
    setEditing(null);
  };
  const endEarlier = async () => {
    if (!closing) return;
    try {
      await close.mutateAsync({ v: closing.v, effectiveTo: closing.day.trim() });
      void message.success(t('feeRefunds.policies.closed'));
      setClosing(null);
    } catch (err) {
      showError(err);
    }
  };
  const copyOf = (p: PolicyBody): PolicyBody => ({
    ...p,
    effectiveFrom: p.effectiveTo ? dayAfter(p.effectiveTo) : p.effectiveFrom,
    effectiveTo: null,
  });

  const columns: TableColumnsType<PolicyVersionView> = [
    {
      title: t('feeRefunds.policies.policy'),
      key: 'title',
      width: 280,
      render: (_, v) => (
        <>
          <div>{labelIn(v.policy.title, lang)}</div>
          <Typography.Paragraph
            type="secondary"
            style={{ fontSize: 12, marginBottom: 0 }}
            ellipsis={{ rows: 2, tooltip: v.policy.source }}
          >
            {v.policy.source}
          </Typography.Paragraph>
        </>
      ),
    },
    {
      title: t('feeRefunds.policies.region'),
      key: 'region',
      width: 150,
      render: (_, v) => `${v.regionName}（${v.policy.regionCode}）`,
    },
    {
      title: t('feeRefunds.policies.period'),
      key: 'period',
      width: 190,
      render: (_, v) => `${v.policy.effectiveFrom} – ${v.policy.effectiveTo ?? t('feeRefunds.policies.openEnded')}`,
    },
    {
      title: t('feeRefunds.policies.feeRate'),
      key: 'rate',
      width: 70,
      render: (_, v) => `${v.policy.feeRateBp / 100}%`,
    },
    {
      title: t('feeRefunds.policies.smallMicroRefund'),
      key: 'small',
      width: 110,
      render: (_, v) =>
        v.policy.smallMicro
          ? t('feeRefunds.policies.ofFee', { pct: refundPct(v.policy, 'small_micro') })
          : t('feeRefunds.policies.notApplicable'),
    },
    {
      title: t('feeRefunds.policies.ordinaryRefund'),
      key: 'ordinary',
      width: 110,
      render: (_, v) => t('feeRefunds.policies.ofFee', { pct: refundPct(v.policy, 'ordinary') }),
    },
    {
      title: t('feeRefunds.policies.routing'),
      key: 'routing',
      width: 200,
      render: (_, v) => (
        <>
          <div>{codeText(DESTINATION_KIND_LABELS, v.policy.routing.noUnion, lang)}</div>
          <div>{codeText(DESTINATION_KIND_LABELS, v.policy.routing.noUnionAccount, lang)}</div>
        </>
      ),
    },
    {
      title: t('feeRefunds.policies.status'),
      key: 'status',
      width: 170,
      render: (_, v) => (
        <>
          <Tag color={v.status === 'active' ? 'green' : 'gold'} data-testid={`fee-policy-status-${v.id}`}>
            {codeText(POLICY_STATUS_LABELS, v.status, lang)}
          </Tag>
          <div style={{ fontSize: 12 }}>
            {v.draftedBy
              ? t('feeRefunds.policies.draftedBy', { name: v.draftedBy.name })
              : t('feeRefunds.policies.seeded')}
          </div>
          {v.approvedBy && (
            <div style={{ fontSize: 12 }}>{t('feeRefunds.policies.approvedBy', { name: v.approvedBy.name })}</div>
          )}
        </>
      ),
    },
    {
      title: t('feeRefunds.policies.actions'),
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_, v) => {
        const own = v.draftedBy?.id === me.id;
        return (
          <Space wrap size={4}>
            {maker && (
              <Button size="small" onClick={() => setEditing({ mode: 'new', start: copyOf(v.policy) })}>
                {t('feeRefunds.policies.copy')}
              </Button>
            )}
            {v.status === 'draft' && maker && (
              <Button
                size="small"
                onClick={() => setEditing({ mode: 'edit', version: v })}
                data-testid={`fee-policy-edit-${v.id}`}
              >
                {t('feeRefunds.policies.edit')}
              </Button>
            )}
            {v.status === 'draft' && maker && (
              <Popconfirm
                title={t('feeRefunds.policies.discardConfirm')}
                onConfirm={() => void act(discard.mutateAsync(v), t('feeRefunds.policies.discarded'))}
              >
                <Button size="small" danger>
                  {t('feeRefunds.policies.discard')}
                </Button>
              </Popconfirm>
            )}
            {v.status === 'draft' && checker && (
              <Tooltip title={own ? t('feeRefunds.policies.ownDraft') : undefined}>
                <Popconfirm
                  title={t('feeRefunds.policies.activateConfirm')}
                  disabled={own}
                  onConfirm={() => void act(activate.mutateAsync(v), t('feeRefunds.policies.activated'))}
                >
                  <Button size="small" type="primary" disabled={own} data-testid={`fee-policy-activate-${v.id}`}>
                    {t('feeRefunds.policies.activate')}
                  </Button>
                </Popconfirm>
              </Tooltip>
            )}
            {v.status === 'active' && checker && (
              <Button size="small" onClick={() => setClosing({ v, day: v.policy.effectiveTo ?? '' })}>
                {t('feeRefunds.policies.close')}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <Card size="small">
      <Typography.Paragraph type="secondary">{t('feeRefunds.policies.hint')}</Typography.Paragraph>
      {maker && (
        <Button
          type="primary"
          style={{ marginBottom: 12 }}
          onClick={() => setEditing({ mode: 'new', start: BLANK })}
          data-testid="fee-policy-new"
        >
          {t('feeRefunds.policies.new')}
        </Button>
      )}
      <Table<PolicyVersionView>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={versions}
        pagination={false}
        scroll={{ x: 1500 }}
        data-testid="fee-policies"
        locale={{ emptyText: t('feeRefunds.policies.empty') }}
      />
      <PolicyForm
        open={editing !== null}
        title={t(editing?.mode === 'edit' ? 'feeRefunds.policies.formEdit' : 'feeRefunds.policies.formNew')}
        initial={initial}
        assumptions={editing?.mode === 'edit' ? editing.version.policy.assumptions : (editing?.start.assumptions ?? [])}
        pending={draft.isPending || edit.isPending}
        onSubmit={save}
        onClose={() => setEditing(null)}
      />
      <Modal
        open={closing !== null}
        title={t('feeRefunds.policies.closeTitle')}
        okText={t('feeRefunds.policies.close')}
        confirmLoading={close.isPending}
        onCancel={() => setClosing(null)}
        onOk={() => void endEarlier()}
      >
        <Typography.Paragraph type="secondary">{t('feeRefunds.policies.closeHint')}</Typography.Paragraph>
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>{t('feeRefunds.policies.closeDate')}</span>
          <Input
            placeholder="YYYY-MM-DD"
            value={closing?.day ?? ''}
            onChange={(e) => setClosing((c) => (c ? { ...c, day: e.target.value } : c))}
            data-testid="fee-policy-close-date"
          />
        </Space>
      </Modal>
    </Card>
  );
}
