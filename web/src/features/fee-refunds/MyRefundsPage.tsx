import { Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { PageTitle } from '../../app/components/PageTitle';
import { useApiQuery } from '../../app/query';
import './i18n';
import { RefundCards } from './public/RefundCards';
import type { FeeEnterpriseRefunds } from './public/publicApi';
import { FEE_MY_REFUNDS_API, feeRefundKeys } from './queryKeys';

/**
 * An employer's agent signed in: its own enterprise's union-fee refunds, the same cards the
 * enterprise sees on /refunds with a texted code (the server answers the agent's employer only).
 */
export default function MyRefundsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const refunds = useApiQuery(
    feeRefundKeys.myRefunds(page),
    () => api.get<FeeEnterpriseRefunds>(FEE_MY_REFUNDS_API, { page, pageSize: 10 }),
    { placeholderData: (previous) => previous },
  );
  return (
    <div style={{ maxWidth: 640 }} data-testid="my-refunds-page">
      <PageTitle title={t('feeRefunds.mine.title')} />
      <Typography.Paragraph type="secondary">{t('feeRefunds.mine.intro')}</Typography.Paragraph>
      {refunds.data ? (
        <RefundCards view={refunds.data} page={page} onPage={setPage} />
      ) : (
        !refunds.error && <Skeleton active />
      )}
    </div>
  );
}
