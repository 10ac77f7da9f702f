import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MY_QR_SRC } from './queryKeys';
import type { OrganiserSelf } from './types';

type Self = NonNullable<OrganiserSelf['organiser']>;

/** The organiser's joining QR (drawn by the server) and the same link as text to copy and send. */
export function MyLinkCard({ organiser }: { organiser: Self }) {
  const { t } = useTranslation();
  return (
    <Card title={t('membershipGrid.my.linkTitle')} size="small" data-testid="my-link">
      <Typography.Paragraph type="secondary">
        {organiser.name} · {organiser.organizationName}
      </Typography.Paragraph>
      {organiser.joinUrl ? (
        <>
          <div style={{ textAlign: 'center' }}>
            <img
              src={MY_QR_SRC}
              alt={t('membershipGrid.my.qrAlt')}
              style={{ width: '100%', maxWidth: 240, height: 'auto' }}
              data-testid="my-qr"
            />
          </div>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('membershipGrid.my.linkHint')}
          </Typography.Paragraph>
          <Typography.Paragraph
            copyable={{
              text: organiser.joinUrl,
              tooltips: [t('membershipGrid.my.copy'), t('membershipGrid.my.copied')],
            }}
            style={{ wordBreak: 'break-all' }}
            data-testid="my-link-url"
          >
            {organiser.joinUrl}
          </Typography.Paragraph>
        </>
      ) : (
        <Alert type="warning" showIcon message={t('membershipGrid.my.noLink')} />
      )}
    </Card>
  );
}
