import { Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, punctuationOf } from '../../../app/format';
import { textOf } from '../../../app/i18n';
import { claimLabel, langOf, money } from '../labels';
import type { CaseDetail, CasePayment } from '../types';

/** The agreement: terms, who has signed, the court's decision, and each instalment paid or owed. */
export function AgreementPanel({ detail: d }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const punct = punctuationOf(lang);
  const s = d.record.state;
  if (!s?.agreement) return null;
  const total = s.agreement.installments.reduce((sum, i) => sum + i.amountFen, 0);
  const signers = ['worker', 'employer', 'mediator'] as const;
  const review = d.record.confirmationReview;

  return (
    <Card title={t('disputes.agreement.title')} size="small" data-testid="agreement-panel">
      <Descriptions size="small" column={1} styles={{ label: { width: 120 } }}>
        <Descriptions.Item label={t('disputes.agreement.total')}>
          <span data-testid="agreement-total">{money(total, lang)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('disputes.agreement.claimTypes')}>
          {s.agreement.claimTypes.map((c) => claimLabel(c, lang)).join(punct.list)}
        </Descriptions.Item>
        {s.agreement.summary && (
          <Descriptions.Item label={t('disputes.agreement.summary')}>{s.agreement.summary}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('disputes.agreement.signatures')}>
          <Flex gap={4} wrap data-testid="agreement-signatures">
            {signers.map((k) => (
              <Tag
                key={k}
                color={s.signatures[k] ? 'green' : 'default'}
                data-testid={`signature-${k}`}
                data-signed={s.signatures[k]}
              >
                {t(`disputes.agreement.signer.${k}`)} {s.signatures[k] ? '✓' : t('disputes.agreement.unsigned')}
              </Tag>
            ))}
          </Flex>
        </Descriptions.Item>
        {s.agreementEffectiveOn && (
          <Descriptions.Item label={t('disputes.agreement.effectiveOn')}>{s.agreementEffectiveOn}</Descriptions.Item>
        )}
        {s.confirmationAppliedOn && (
          <Descriptions.Item label={t('disputes.agreement.confirmationAppliedOn')}>
            {s.confirmationAppliedOn}
          </Descriptions.Item>
        )}
        {s.rulingIssuedOn && (
          <Descriptions.Item label={t('disputes.agreement.ruling')}>
            <span data-testid="ruling-no">{d.record.rulingNo ?? ''}</span>
            {punct.bracket(s.rulingIssuedOn)}
          </Descriptions.Item>
        )}
        {s.courtSubmission && (
          <Descriptions.Item label={t('disputes.agreement.submittedOn')}>
            {s.courtSubmission.on} · {t(`disputes.actions.courtOutcome.${s.courtSubmission.requested}`)}
          </Descriptions.Item>
        )}
        {s.mediationDocument && (
          <Descriptions.Item label={t('disputes.agreement.mediationDocument')}>
            <span data-testid="mediation-document">
              {t('disputes.agreement.mediationDocumentText', {
                no: s.mediationDocument.documentNo,
                worker: s.mediationDocument.servedOn.worker,
                employer: s.mediationDocument.servedOn.employer,
                effective: s.mediationDocument.effectiveOn,
              })}
            </span>
          </Descriptions.Item>
        )}
        {s.withdrawal && (
          <Descriptions.Item label={t('disputes.agreement.withdrawal')}>
            <span data-testid="withdrawal-ruling">
              {s.withdrawal.rulingNo}
              {punct.bracket(s.withdrawal.ruledOn)}
            </span>
          </Descriptions.Item>
        )}
        {s.confirmationRefusedOn && (
          <Descriptions.Item label={t('disputes.agreement.refusedOn')}>{s.confirmationRefusedOn}</Descriptions.Item>
        )}
        {review && (
          <Descriptions.Item label={t('disputes.agreement.review')}>
            <Flex gap={4} wrap data-testid="confirmation-review">
              {Object.entries(review.grounds).map(([g, applies]) => (
                <Tag key={g} color={applies ? 'red' : 'green'}>
                  {textOf(`disputes.refusalGrounds.${g}`)}
                  {punct.colon}
                  {t(applies ? 'disputes.actions.reviewYes' : 'disputes.actions.reviewNo')}
                </Tag>
              ))}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('disputes.agreement.reviewBy', { by: review.by, at: formatDateTime(review.at) })}
              </Typography.Text>
            </Flex>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Text strong style={{ display: 'block', margin: '8px 0 4px' }}>
        {t('disputes.agreement.payments')}
      </Typography.Text>
      <Table<CasePayment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d.payments}
        data-testid="payments-table"
        columns={[
          { title: '#', dataIndex: 'seq', width: 40 },
          { title: t('disputes.agreement.dueOn'), dataIndex: 'dueOn' },
          {
            title: t('disputes.agreement.amount'),
            dataIndex: 'amountFen',
            align: 'right',
            render: (v: number) => money(v, lang),
          },
          {
            title: t('disputes.agreement.paid'),
            dataIndex: 'paidFen',
            align: 'right',
            render: (v: number) => money(v, lang),
          },
          {
            title: t('disputes.agreement.paidOn'),
            dataIndex: 'paidOn',
            render: (v: string | null) => v ?? <Tag>{t('disputes.agreement.open')}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
