import { Alert, Button, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../app/components/PageHeading';
import '../../labor-law/calc.css';
import '../i18n';
import { RefundCards } from './RefundCards';
import { RefundsLogin } from './RefundsLogin';
import { useEnterpriseRefunds } from './useEnterpriseRefunds';

/** An enterprise checks its union-fee refunds on a phone: USCC, the texted code, then its refunds. */
export default function RefundsPage() {
  const { t } = useTranslation();
  const refunds = useEnterpriseRefunds();
  const { signedIn, lines } = refunds;
  return (
    <div className="yz-calc" style={{ maxWidth: 640, margin: '0 auto' }}>
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <PageHeading look={3} style={{ marginTop: 0, marginBottom: 4 }} data-testid="refunds-title">
          {t('feeRefunds.public.title')}
        </PageHeading>
        {signedIn && (
          <Button type="link" onClick={refunds.signOut} data-testid="refunds-sign-out">
            {t('feeRefunds.public.signOut')}
          </Button>
        )}
      </Flex>
      {!signedIn ? (
        <>
          {refunds.expired && (
            <Alert type="info" showIcon title={t('feeRefunds.public.expired')} style={{ marginBottom: 12 }} />
          )}
          <Typography.Paragraph type="secondary" style={{ fontSize: 15 }}>
            {t('feeRefunds.public.intro')}
          </Typography.Paragraph>
          <RefundsLogin refunds={refunds} />
        </>
      ) : !lines.data ? (
        <Skeleton active />
      ) : (
        <RefundCards view={lines.data} page={refunds.page} onPage={refunds.setPage} />
      )}
    </div>
  );
}
