import { Alert, Button, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../app/components/PageHeading';
import { useErrorText } from '../../../app/errors';
import './i18n';
import { CardApplications } from './CardApplications';
import { CardHistory } from './CardHistory';
import { CardView } from './CardView';
import { SignInForm } from './SignInForm';
import { useMemberCard } from './useMemberCard';

/** /member-card: the member card on the phone (with the session kept from applying), or signing in for it. */
export default function MemberCardPage() {
  const { t } = useTranslation();
  const errText = useErrorText();
  const member = useMemberCard();
  const signedIn = member.card || member.loading || member.failed;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 560, margin: '0 auto' }} data-testid="member-card-page">
      <Flex align="center" justify="space-between" gap={8}>
        <PageHeading look={3} style={{ margin: 0 }}>
          {t('membershipPublic.card.title')}
        </PageHeading>
        {member.card && (
          <Button onClick={member.refresh} loading={member.refreshing} data-testid="member-card-refresh">
            {t('membershipPublic.card.refresh')}
          </Button>
        )}
      </Flex>
      {member.card ? (
        <>
          <CardView card={member.card} />
          <CardApplications applications={member.card.applications} />
          <CardHistory history={member.card.history} />
        </>
      ) : member.loading ? (
        <Skeleton active />
      ) : member.failed ? (
        <Alert type="warning" showIcon title={errText(member.failed)} data-testid="member-card-failed" />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('membershipPublic.card.signInIntro')}
          </Typography.Paragraph>
          <SignInForm member={member} />
        </>
      )}
      {signedIn && (
        <Button type="link" onClick={member.signOut} style={{ alignSelf: 'flex-start', paddingLeft: 0 }}>
          {t('membershipPublic.card.signOut')}
        </Button>
      )}
    </Flex>
  );
}
