import { Button, Descriptions, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { APPLICATION_KIND_LABELS } from '../../../../../contracts/membership/codes';
import { codeText } from '../labels';
import type { ApplicationAnswer } from '../types';

/** The application made (or the one already pending): its number and what happens next. */
export function ApplicationSent({ answer }: { answer: ApplicationAnswer }) {
  const { t, i18n } = useTranslation();
  return (
    <Result
      status="success"
      style={{ padding: '24px 8px', background: '#fff', borderRadius: 8 }}
      title={t(answer.existing ? 'membershipPublic.result.existingTitle' : 'membershipPublic.result.pendingTitle')}
      subTitle={t('membershipPublic.result.next')}
      data-testid="join-result"
      extra={
        <Link to="/member-card">
          <Button type="primary" size="large" data-testid="join-open-card">
            {t('membershipPublic.join.openCard')}
          </Button>
        </Link>
      }
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('membershipPublic.result.applicationNo')}>
          <strong data-testid="join-application-no">{answer.applicationNo}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={t('membershipPublic.result.organization')}>
          <span translate="no">{answer.organizationName}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('membershipPublic.result.kind')}>
          {codeText(APPLICATION_KIND_LABELS, answer.kind, i18n.language)}
        </Descriptions.Item>
      </Descriptions>
    </Result>
  );
}
