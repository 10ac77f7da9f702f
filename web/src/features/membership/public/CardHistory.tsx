import { Card, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { MEMBERSHIP_STATUS_LABELS } from '../../../../../contracts/membership/codes';
import { MEMBERSHIP_STATUS_COLORS, codeText } from '../labels';
import type { MemberCard } from '../types';

/** The stays, oldest first: each organization, from when to when, and how it ended. */
export function CardHistory({ history }: { history: MemberCard['history'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Card title={t('membershipPublic.card.history')} size="small" data-testid="member-history">
      <List
        size="small"
        locale={{ emptyText: t('membershipPublic.card.noHistory') }}
        dataSource={history}
        renderItem={(h) => (
          <List.Item data-testid="member-stay" data-status={h.status} style={{ display: 'block' }}>
            <div>
              <Tag color={MEMBERSHIP_STATUS_COLORS[h.status]}>{codeText(MEMBERSHIP_STATUS_LABELS, h.status, lang)}</Tag>
              <span translate="no">{h.organizationName}</span>
            </div>
            <div style={{ fontSize: 13 }}>
              {t('membershipPublic.card.stay', { from: h.joinedOn, to: h.endedOn ?? t('membershipPublic.card.now') })}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
