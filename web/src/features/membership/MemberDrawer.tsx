import { Button, Descriptions, Drawer, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MEMBERSHIP_STATUS_LABELS } from '../../../../contracts/membership/codes';
import { useCan } from '../../app/auth';
import { LeaveForm } from './LeaveForm';
import { MEMBERSHIP_STATUS_COLORS, codeText } from './labels';
import { MemberForm } from './MemberForm';
import { MemberHistory } from './MemberHistory';
import { SexAndBirth } from './personCells';
import { useMember } from './useMember';

/** One member of the register (`id`; null: closed): who, the registration fields, the stays, leaving. */
export function MemberDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const manage = useCan()('membership:manage');
  const state = useMember(id);
  const m = state.member;
  const none = t('common.none');
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size="large"
      title={m ? t('membership.member.title', { no: m.memberNo }) : t('membership.members.title')}
      extra={
        m &&
        manage &&
        m.status === 'active' && (
          <Button danger onClick={state.startLeave} data-testid="member-leave">
            {t('membership.member.leave')}
          </Button>
        )
      }
    >
      {!m ? (
        <Spin />
      ) : (
        <div data-testid="member-drawer" data-version={m.version} data-status={m.status}>
          <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('membership.members.name')}>
              <span translate="no">{m.name}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('membership.members.sexBirth')}>
              <SexAndBirth sex={m.sex} birthDate={m.birthDate} />
            </Descriptions.Item>
            <Descriptions.Item label={t('membership.members.residentId')}>
              {m.residentIdMasked ?? none}
            </Descriptions.Item>
            <Descriptions.Item label={t('membership.members.phone')}>{m.phoneMasked ?? none}</Descriptions.Item>
            <Descriptions.Item label={t('membership.members.organization')}>
              <span translate="no">{m.organizationName}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('membership.members.joinedOn')}>{m.joinedOn}</Descriptions.Item>
            <Descriptions.Item label={t('membership.members.status')}>
              <Tag color={MEMBERSHIP_STATUS_COLORS[m.status]}>{codeText(MEMBERSHIP_STATUS_LABELS, m.status, lang)}</Tag>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('membership.member.registerTitle')}</Typography.Title>
          {!manage && <Typography.Paragraph type="secondary">{t('membership.member.readOnly')}</Typography.Paragraph>}
          <MemberForm key={`${m.id}:${m.version}`} member={m} state={state} editable={manage} />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('membership.member.history')}
          </Typography.Title>
          <MemberHistory history={m.history} />
          <LeaveForm member={m} state={state} />
        </div>
      )}
    </Drawer>
  );
}
