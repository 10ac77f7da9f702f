import { Button, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  APPLICATION_KIND_LABELS,
  APPLICATION_STATUS_LABELS,
  MEMBER_OCCUPATION_LABELS,
} from '../../../../contracts/membership/codes';
import { formatDateTime } from '../../app/format';
import { APPLICATION_STATUS_COLORS, codeText } from './labels';
import { SexAndBirth } from './personCells';
import { decidable, type ApprovalQueue } from './useApprovalQueue';
import type { ApplicationRow } from './types';

/** The queue's page of applications: who, what work, where to, through whom; tick, approve or reject. */
export function ApplicationsTable({ queue }: { queue: ApprovalQueue }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const none = t('common.none');
  const { list } = queue;

  const columns: TableColumnsType<ApplicationRow> = [
    {
      title: t('membership.queue.applicationNo'),
      dataIndex: 'applicationNo',
      width: 170,
      fixed: 'left',
      render: (no: string, r) => (
        <>
          <span style={{ fontFamily: 'monospace' }}>{no}</span>
          {r.kind === 'transfer' && (
            <Tag style={{ marginLeft: 4 }}>{codeText(APPLICATION_KIND_LABELS, r.kind, lang)}</Tag>
          )}
        </>
      ),
    },
    {
      title: t('membership.queue.name'),
      dataIndex: 'name',
      width: 130,
      render: (name: string, r) => (
        <>
          <span translate="no">{name}</span>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.phoneMasked}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('membership.queue.sexBirth'),
      key: 'sexBirth',
      width: 150,
      render: (_: unknown, r) => <SexAndBirth sex={r.sex} birthDate={r.birthDate} />,
    },
    {
      title: t('membership.queue.residentId'),
      dataIndex: 'residentIdMasked',
      width: 190,
      render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? none}</span>,
    },
    {
      title: t('membership.queue.work'),
      key: 'work',
      width: 160,
      render: (_: unknown, r) => (
        <>
          {codeText(MEMBER_OCCUPATION_LABELS, r.occupation, lang)}
          {r.employer && (
            <>
              <br />
              <span translate="no">{r.employer}</span>
            </>
          )}
        </>
      ),
    },
    {
      title: t('membership.queue.organization'),
      dataIndex: 'organizationName',
      width: 220,
      render: (v: string, r) => (
        <>
          <span translate="no">{v}</span>
          {r.fromOrganizationName && (
            <div style={{ fontSize: 12 }} data-testid="application-from">
              <Typography.Text type="secondary">{t('membership.queue.fromOrganization')}</Typography.Text>{' '}
              <span translate="no">{r.fromOrganizationName}</span>
            </div>
          )}
        </>
      ),
    },
    {
      title: t('membership.queue.organiser'),
      dataIndex: 'organiserName',
      width: 100,
      render: (v: string | null) => (v ? <span translate="no">{v}</span> : none),
    },
    {
      title: t('membership.queue.submittedAt'),
      dataIndex: 'submittedAt',
      width: 140,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('membership.queue.status'),
      dataIndex: 'status',
      width: 150,
      render: (s: ApplicationRow['status'], r) => (
        <>
          <Tag color={APPLICATION_STATUS_COLORS[s]} data-testid="application-status" data-status={s}>
            {codeText(APPLICATION_STATUS_LABELS, s, lang)}
          </Tag>
          {r.decisionReason && (
            <div style={{ fontSize: 12 }}>{t('membership.queue.decisionReason', { reason: r.decisionReason })}</div>
          )}
        </>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_: unknown, r) =>
        decidable(r) ? (
          <Space size={0}>
            <Popconfirm
              title={t('membership.queue.approveTitle', {
                name: r.name,
                kind: codeText(APPLICATION_KIND_LABELS, r.kind, lang),
              })}
              description={
                r.fromOrganizationName
                  ? t('membership.queue.approveTransfer', { from: r.fromOrganizationName })
                  : t('membership.queue.approveJoin')
              }
              okText={t('membership.queue.approve')}
              cancelText={t('common.cancel')}
              okButtonProps={{ loading: queue.approving, 'data-testid': 'approve-confirm' }}
              onConfirm={() => void queue.approve(r)}
            >
              <Button type="link" size="small" data-testid="application-approve">
                {t('membership.queue.approve')}
              </Button>
            </Popconfirm>
            <Button
              type="link"
              size="small"
              danger
              onClick={() => queue.startReject(r)}
              data-testid="application-reject"
            >
              {t('membership.queue.reject')}
            </Button>
          </Space>
        ) : r.status === 'pending' ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('membership.queue.notApprover')}
          </Typography.Text>
        ) : null,
    },
  ];

  return (
    <Table<ApplicationRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={list.items}
      loading={list.loading}
      pagination={list.pagination}
      scroll={{ x: 1580 }}
      rowSelection={{
        selectedRowKeys: queue.selected.map((r) => r.id),
        onChange: (_keys, rows) => queue.select(rows),
        getCheckboxProps: (r) => ({ disabled: !decidable(r) }),
      }}
      data-testid="applications-table"
    />
  );
}
