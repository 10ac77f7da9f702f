import { Alert, Card, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PassQr } from '../../stations/public/PassQr';
import type { MemberCard } from '../types';

/** The card itself: the QR staff scan, the member number and the union; or, before approval, who is asking. */
export function CardView({ card }: { card: MemberCard }) {
  const { t } = useTranslation();
  const member = card.card;
  return (
    <Card styles={{ body: { padding: 16 } }} data-testid="member-card" data-member-no={member?.memberNo ?? ''}>
      {member ? (
        <>
          <Flex justify="center" style={{ marginBottom: 8 }} data-testid="member-card-qr">
            <PassQr text={member.cardCode} size={200} />
          </Flex>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', fontSize: 13 }}>
            {t('membershipPublic.card.qrHint')}
          </Typography.Paragraph>
        </>
      ) : (
        <Alert type="info" showIcon title={t('membershipPublic.card.noCard')} style={{ marginBottom: 12 }} />
      )}
      <Descriptions column={1} size="small">
        {member && (
          <>
            <Descriptions.Item label={t('membershipPublic.card.memberNo')}>
              <strong style={{ fontFamily: 'monospace', fontSize: 16 }} data-testid="member-no">
                {member.memberNo}
              </strong>
            </Descriptions.Item>
            <Descriptions.Item label={t('membershipPublic.card.organization')}>
              <span translate="no" data-testid="member-card-org">
                {member.organizationName}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('membershipPublic.card.joinedOn')}>{member.joinedOn}</Descriptions.Item>
          </>
        )}
        <Descriptions.Item label={t('membershipPublic.card.name')}>
          <span translate="no">{card.name}</span>
        </Descriptions.Item>
        {card.residentIdMasked && (
          <Descriptions.Item label={t('membershipPublic.card.residentId')}>{card.residentIdMasked}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('membershipPublic.card.phone')}>{card.phoneMasked}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
