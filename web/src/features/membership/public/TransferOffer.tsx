import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../app/errors';
import type { Joining } from './useJoining';

/** A member elsewhere: where and since when, and the choice to move the membership here. */
export function TransferOffer({ joining, to }: { joining: Joining; to: string }) {
  const { t } = useTranslation();
  const errText = useErrorText();
  const memberOf = joining.answer?.memberOf;
  if (!memberOf) return null;
  return (
    <Card styles={{ body: { padding: 16 } }} data-testid="transfer-offer">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('membershipPublic.transfer.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ fontSize: 16 }} data-testid="transfer-offer-text">
        {t('membershipPublic.transfer.body', {
          from: memberOf.organizationName,
          date: memberOf.joinedOn,
          to,
        })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('membershipPublic.transfer.explain')}</Typography.Paragraph>
      {joining.transfer.error && (
        <Alert
          type="error"
          showIcon
          title={errText(joining.transfer.error)}
          style={{ marginBottom: 12 }}
          data-testid="transfer-error"
        />
      )}
      <Flex vertical gap={8}>
        <Button
          type="primary"
          block
          size="large"
          loading={joining.transfer.isPending}
          onClick={joining.acceptTransfer}
          data-testid="transfer-accept"
        >
          {t('membershipPublic.transfer.accept')}
        </Button>
        <Button block size="large" onClick={joining.decline} data-testid="transfer-decline">
          {t('membershipPublic.transfer.decline')}
        </Button>
      </Flex>
    </Card>
  );
}
