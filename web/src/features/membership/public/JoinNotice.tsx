import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MEMBERSHIP_NOTICE_VERSION } from '../../../../../contracts/membership/codes';

/** The notice the worker consents to, in plain words: what joining means and what is done with their details. */
export function JoinNotice() {
  const { t } = useTranslation();
  return (
    <div
      data-testid="join-notice"
      style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 8, padding: 12, marginBottom: 12 }}
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('membershipPublic.notice.title')}
      </Typography.Title>
      <ul style={{ paddingInlineStart: 20, margin: 0, fontSize: 14 }}>
        <li>{t('membershipPublic.notice.join')}</li>
        <li>{t('membershipPublic.notice.data')}</li>
        <li>{t('membershipPublic.notice.kept')}</li>
        <li>{t('membershipPublic.notice.shared')}</li>
        <li>{t('membershipPublic.notice.rights')}</li>
      </ul>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('membershipPublic.notice.version', { version: MEMBERSHIP_NOTICE_VERSION })}
      </Typography.Text>
    </div>
  );
}
