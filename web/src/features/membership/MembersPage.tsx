import { Button, Form, Input, Select, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  MEMBERSHIP_STATUSES,
  MEMBERSHIP_STATUS_LABELS,
  MEMBER_OCCUPATION_LABELS,
} from '../../../../contracts/membership/codes';
import { ListPage } from '../../app/components/ListPage';
import './i18n';
import { MEMBERSHIP_STATUS_COLORS, codeOptions, codeText } from './labels';
import { MemberDrawer } from './MemberDrawer';
import { OrganizationFilter } from './OrganizationFilter';
import { SexAndBirth } from './personCells';
import { MEMBERS_API } from './queryKeys';
import type { MemberFilter, MemberRow } from './types';
import { VerifyCardBox } from './VerifyCardBox';

/** /membership/members: the region's register, one member in a drawer (`?member=`), and the card check. */
export default function MembersPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const none = t('common.none');
  const [params, setParams] = useSearchParams();
  const open = (id: string | null) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (id) p.set('member', id);
        else p.delete('member');
        return p;
      },
      { replace: true },
    );

  const columns: TableColumnsType<MemberRow> = [
    {
      title: t('membership.members.memberNo'),
      dataIndex: 'memberNo',
      width: 170,
      fixed: 'left',
      render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
    },
    {
      title: t('membership.members.name'),
      dataIndex: 'name',
      width: 120,
      render: (v: string) => <span translate="no">{v}</span>,
    },
    {
      title: t('membership.members.sexBirth'),
      key: 'sexBirth',
      width: 150,
      render: (_: unknown, r) => <SexAndBirth sex={r.sex} birthDate={r.birthDate} />,
    },
    {
      title: t('membership.members.residentId'),
      dataIndex: 'residentIdMasked',
      width: 190,
      render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? none}</span>,
    },
    {
      title: t('membership.members.phone'),
      dataIndex: 'phoneMasked',
      width: 130,
      render: (v: string | null) => v ?? none,
    },
    {
      title: t('membership.members.occupation'),
      dataIndex: 'occupation',
      width: 130,
      render: (v: MemberRow['occupation']) => (v ? codeText(MEMBER_OCCUPATION_LABELS, v, lang) : none),
    },
    {
      title: t('membership.members.employer'),
      dataIndex: 'employer',
      width: 140,
      render: (v: string | null) => (v ? <span translate="no">{v}</span> : none),
    },
    {
      title: t('membership.members.organization'),
      dataIndex: 'organizationName',
      width: 220,
      render: (v: string) => <span translate="no">{v}</span>,
    },
    { title: t('membership.members.joinedOn'), dataIndex: 'joinedOn', width: 110 },
    {
      title: t('membership.members.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: MemberRow['status']) => (
        <Tag color={MEMBERSHIP_STATUS_COLORS[s]}>{codeText(MEMBERSHIP_STATUS_LABELS, s, lang)}</Tag>
      ),
    },
  ];

  return (
    <>
      <ListPage<MemberRow, MemberFilter>
        title={t('membership.members.title')}
        path={MEMBERS_API}
        columns={columns}
        notice={() => <VerifyCardBox />}
        filters={
          <>
            <Form.Item name="q">
              <Input
                allowClear
                placeholder={t('membership.members.searchPlaceholder')}
                style={{ width: 200 }}
                data-testid="members-q"
              />
            </Form.Item>
            <Form.Item name="status">
              <Select
                allowClear
                placeholder={t('membership.members.status')}
                style={{ width: 140 }}
                options={codeOptions(MEMBERSHIP_STATUSES, MEMBERSHIP_STATUS_LABELS, lang)}
              />
            </Form.Item>
            <Form.Item name="organizationId" style={{ width: 240, maxWidth: '100%' }}>
              <OrganizationFilter placeholder={t('membership.members.organization')} />
            </Form.Item>
          </>
        }
        searchTestId="members-search"
        rowActions={(row) => (
          <Button type="link" size="small" onClick={() => open(row.id)} data-testid="member-open">
            {t('membership.members.open')}
          </Button>
        )}
        table={{ testId: 'members-table', scrollX: 1600 }}
      />
      <MemberDrawer id={params.get('member')} onClose={() => open(null)} />
    </>
  );
}
