import { Alert, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useErrorText } from '../../../app/errors';
import './i18n';
import { ApplicationSent } from './ApplicationSent';
import { JoinForm } from './JoinForm';
import { TransferOffer } from './TransferOffer';
import { UnionHeading } from './UnionHeading';
import { useJoining } from './useJoining';

/**
 * What a union's joining QR or link opens (/join/:code?o=<organiser>&v=<visit>), on a phone, with
 * no account: the union, the form, then the application's number, or the offer to transfer.
 */
export default function JoinPage() {
  const { t } = useTranslation();
  const errText = useErrorText();
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const joining = useJoining(code, params.get('o'), params.get('v'));
  const union = joining.organization.data;
  if (joining.organization.isLoading) return <Skeleton active />;
  if (!union)
    return <Alert type="warning" showIcon title={errText(joining.organization.error)} data-testid="join-not-found" />;
  const answer = joining.answer;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 560, margin: '0 auto' }} data-testid="join-page">
      <UnionHeading organization={union} />
      {answer?.status === 'transfer_offered' ? (
        <TransferOffer joining={joining} to={union.name} />
      ) : answer ? (
        <ApplicationSent answer={answer} />
      ) : (
        <>
          {joining.declined && (
            <Alert
              type="info"
              showIcon
              title={t('membershipPublic.transfer.declined')}
              description={<Link to="/member-card">{t('membershipPublic.join.openCard')}</Link>}
              data-testid="transfer-declined"
            />
          )}
          <JoinForm joining={joining} />
        </>
      )}
    </Flex>
  );
}
