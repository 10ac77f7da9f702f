import { Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { APPLICATION_KIND_LABELS, APPLICATION_STATUS_LABELS } from '../../../../../contracts/membership/codes';
import { formatDateTime } from '../../../app/format';
import { APPLICATION_STATUS_COLORS, codeText } from '../labels';
import type { MemberCard } from '../types';

/** Where each application from this phone stands, a rejection with its reason. */
export function CardApplications({ applications }: { applications: MemberCard['applications'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Card title={t('membershipPublic.card.applications')} size="small" data-testid="member-applications">
      <List
        size="small"
        locale={{ emptyText: t('membershipPublic.card.noApplications') }}
        dataSource={applications}
        renderItem={(a) => (
          <List.Item data-testid="member-application" data-status={a.status} style={{ display: 'block' }}>
            <div>
              <Tag color={APPLICATION_STATUS_COLORS[a.status]}>
                {codeText(APPLICATION_STATUS_LABELS, a.status, lang)}
              </Tag>
              <Tag>{codeText(APPLICATION_KIND_LABELS, a.kind, lang)}</Tag>
              <span translate="no">{a.organizationName}</span>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {a.applicationNo} · {t('membershipPublic.card.submittedAt', { time: formatDateTime(a.submittedAt) })}
            </Typography.Text>
            {a.decisionReason && (
              <div data-testid="member-application-reason">
                {t('membershipPublic.card.reason', { reason: a.decisionReason })}
              </div>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}
