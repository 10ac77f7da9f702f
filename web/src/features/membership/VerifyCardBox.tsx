import { Alert, Card, Descriptions, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../app/errors';
import { useVerifyCard } from './useVerifyCard';

/**
 * Checks a member card: a handheld scanner types the QR's text into the box and presses Enter,
 * or staff paste it. The answer names the member number, the surname and the union.
 */
export function VerifyCardBox() {
  const { t } = useTranslation();
  const errText = useErrorText();
  const card = useVerifyCard();
  const r = card.result;
  return (
    <Card size="small" title={t('membership.verify.title')} style={{ marginBottom: 16 }} data-testid="verify-card">
      <Input.Search
        allowClear
        placeholder={t('membership.verify.placeholder')}
        enterButton={t('membership.verify.submit')}
        loading={card.checking}
        onSearch={card.verify}
        style={{ maxWidth: 560 }}
        data-testid="verify-card-input"
      />
      {card.error && <Alert type="error" showIcon title={errText(card.error)} style={{ marginTop: 12 }} />}
      {r && (
        <Alert
          type={r.valid ? 'success' : 'error'}
          showIcon
          style={{ marginTop: 12 }}
          data-testid="verify-card-result"
          data-valid={String(r.valid)}
          title={t(r.valid ? 'membership.verify.valid' : 'membership.verify.invalid')}
          description={
            r.valid && (
              <Descriptions column={{ xs: 1, sm: 2 }} size="small">
                <Descriptions.Item label={t('membership.verify.memberNo')}>{r.memberNo}</Descriptions.Item>
                <Descriptions.Item label={t('membership.verify.name')}>
                  <span translate="no">{r.nameMasked}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('membership.verify.organization')}>
                  <span translate="no">{r.organizationName}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('membership.verify.joinedOn')}>{r.joinedOn}</Descriptions.Item>
              </Descriptions>
            )
          }
        />
      )}
    </Card>
  );
}
