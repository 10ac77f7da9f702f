import { Descriptions, Drawer, Spin, Tag } from 'antd';
import { EXCLUSION_FLAG_LABELS } from '../../../../contracts/fee-refunds/codes';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCan } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { useApiQuery } from '../../app/query';
import { EligibilityForm } from './EligibilityForm';
import { codeText, maskedAccount, sizeCategoryText, sizeClassText } from './labels';
import { FEE_ENTERPRISES_API, feeRefundKeys } from './queryKeys';
import type { FeeEnterprise } from './types';

/** One enterprise of the registry (GET /api/fee-refunds/enterprises/:uscc); null: closed. */
export function EnterpriseDrawer({ uscc, onClose }: { uscc: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const can = useCan();
  const record = useApiQuery(
    feeRefundKeys.enterprise(uscc ?? ''),
    () => api.get<FeeEnterprise>(`${FEE_ENTERPRISES_API}/${encodeURIComponent(uscc ?? '')}`),
    { enabled: !!uscc },
  );
  const e = uscc ? record.data : undefined;
  const none = t('feeRefunds.none');
  const account = (a: FeeEnterprise['unionAccount']) =>
    a ? (
      <span>
        <span translate="no">{a.accountName}</span>
        <br />
        {t('feeRefunds.bankCode')} {a.bankCode} · {t('feeRefunds.accountNo')}{' '}
        <span style={{ fontFamily: 'monospace' }}>{maskedAccount(a.accountNo)}</span>
      </span>
    ) : (
      none
    );
  return (
    <Drawer
      open={!!uscc}
      onClose={onClose}
      title={e ? <span translate="no">{e.name}</span> : t('feeRefunds.detailTitle')}
      size="large"
    >
      {!e ? (
        <Spin />
      ) : (
        <Descriptions column={1} bordered size="small" data-testid="fee-enterprise-detail">
          <Descriptions.Item label={t('feeRefunds.uscc')}>
            <span style={{ fontFamily: 'monospace' }}>{e.uscc}</span>{' '}
            {e.usccCheckWarning && <Tag color="warning">{t('feeRefunds.usccWarning')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('feeRefunds.region')}>
            <span translate="no">{e.regionName ?? e.regionCode}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('feeRefunds.industry')}>{e.industryCode}</Descriptions.Item>
          <Descriptions.Item label={t('feeRefunds.employees')}>{e.employees ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('feeRefunds.revenue')}>{e.revenueWan ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('feeRefunds.assets')}>{e.assetsWan ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('feeRefunds.sizeClass')}>
            {e.sizeClass ? sizeClassText(e.sizeClass, lang) : t('feeRefunds.sizeUnknown')}
          </Descriptions.Item>
          <Descriptions.Item label={t('feeRefunds.sizeCategory')}>
            {e.sizeCategory ? sizeCategoryText(e.sizeCategory, lang) : none}
          </Descriptions.Item>
          {e.sizeNotes.length > 0 && (
            <Descriptions.Item label={t('feeRefunds.sizeNotes')}>
              {e.sizeNotes.map((n) => (
                <div key={n.code}>{lang === 'en' ? n.en : n.zh}</div>
              ))}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('feeRefunds.sizeStandard')}>{e.sizeStandard}</Descriptions.Item>
          <Descriptions.Item label={t('feeRefunds.eligibility.declaredSizeClass')}>
            <span data-testid="fee-declared-class">
              {e.declaredSizeClass ? sizeClassText(e.declaredSizeClass, lang) : t('feeRefunds.eligibility.computed')}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('feeRefunds.eligibility.flags')}>
            {e.exclusionFlags.length
              ? e.exclusionFlags.map((f) => <Tag key={f}>{codeText(EXCLUSION_FLAG_LABELS, f, lang)}</Tag>)
              : none}
          </Descriptions.Item>
          {e.eligibilityReason && (
            <Descriptions.Item label={t('feeRefunds.eligibility.reason')}>{e.eligibilityReason}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('feeRefunds.union')}>
            {e.hasUnion
              ? `${t('feeRefunds.hasUnion')}${e.unionEstablishedOn ? ` (${t('feeRefunds.unionSince', { date: e.unionEstablishedOn })})` : ''}`
              : t('feeRefunds.noUnion')}
          </Descriptions.Item>
          <Descriptions.Item label={t('feeRefunds.unionAccount')}>{account(e.unionAccount)}</Descriptions.Item>
          <Descriptions.Item label={t('feeRefunds.payingAccount')}>{account(e.payingAccount)}</Descriptions.Item>
          <Descriptions.Item label={t('feeRefunds.version')}>{e.version}</Descriptions.Item>
          <Descriptions.Item label={t('feeRefunds.updatedAt')}>{formatDateTime(e.updatedAt)}</Descriptions.Item>
        </Descriptions>
      )}
      {e && can('fee_refunds:approve') && <EligibilityForm enterprise={e} />}
    </Drawer>
  );
}
