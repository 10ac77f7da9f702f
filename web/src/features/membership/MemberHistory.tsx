import { Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEAVE_REASON_LABELS, MEMBERSHIP_STATUS_LABELS } from '../../../../contracts/membership/codes';
import { MEMBERSHIP_STATUS_COLORS, codeText } from './labels';
import type { MemberRecord } from './types';

type Stay = MemberRecord['history'][number];

/** The person's stays, oldest first: where, from when to when, and how each ended. */
export function MemberHistory({ history }: { history: MemberRecord['history'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const none = t('common.none');
  const columns: TableColumnsType<Stay> = [
    {
      title: t('membership.members.organization'),
      dataIndex: 'organizationName',
      render: (v: string) => <span translate="no">{v}</span>,
    },
    { title: t('membership.members.joinedOn'), dataIndex: 'joinedOn', width: 110 },
    {
      title: t('membership.member.endedOn'),
      dataIndex: 'endedOn',
      width: 110,
      render: (v: string | null) => v ?? none,
    },
    {
      title: t('membership.members.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: Stay['status'], r) => (
        <>
          <Tag color={MEMBERSHIP_STATUS_COLORS[s]}>{codeText(MEMBERSHIP_STATUS_LABELS, s, lang)}</Tag>
          {r.leaveReason && <div style={{ fontSize: 12 }}>{codeText(LEAVE_REASON_LABELS, r.leaveReason, lang)}</div>}
          {r.endNote && (
            <div style={{ fontSize: 12 }} translate="no">
              {r.endNote}
            </div>
          )}
        </>
      ),
    },
  ];
  return (
    <Table<Stay>
      rowKey="id"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={history}
      data-testid="member-history-table"
    />
  );
}
