import { Alert, Checkbox, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../types';
import { fenToYuanInput, parseYuanToFen } from '../../labor-law/money';
import { yuanRule } from '../intake/EmploymentSection';
import { punctuationOf } from '../../../app/format';
import { langOf, money } from '../labels';
import { mustTick, type SpecTable, type Values } from './spec';
import { SealField, TermsFields } from './TermsFields';

/** The version of the terms being signed, as the signer reads it. */
function TermsSummary({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const a = detail.record.state?.agreement;
  if (!a) return null;
  return (
    <Alert
      type="info"
      showIcon={false}
      style={{ marginBottom: 12 }}
      data-testid="terms-being-signed"
      message={`${t('disputes.agreement.total')}${punctuationOf(lang).colon}${money(
        a.installments.reduce((sum, i) => sum + i.amountFen, 0),
        lang,
      )}`}
      description={
        <>
          {a.installments.map((i, k) => (
            <div key={k}>
              {t('disputes.actions.instalmentN', { n: k + 1 })} {i.dueOn} {money(i.amountFen, lang)}
            </div>
          ))}
          {a.summary && <div>{a.summary}</div>}
        </>
      }
    />
  );
}

/** The agreement and its performance: the mediator sets the terms, signatures bound to them, payments, performed. */
/** The terms on the case as the form's starting values (instalments in yuan). */
export function termsInitial(detail: CaseDetail) {
  const a = detail.record.state?.agreement;
  return {
    installments: a ? a.installments.map((i) => ({ dueOn: i.dueOn, amount: fenToYuanInput(i.amountFen) })) : [{}],
    claimTypes: a?.claimTypes ?? detail.claimTypes,
    summary: a?.summary ?? '',
  };
}

/** The terms the form holds, as the action sends them. */
export function termsPayload(v: Values) {
  const list = (v.installments as { dueOn: string; amount: string }[]) ?? [];
  const summary = typeof v.summary === 'string' && v.summary.trim() ? v.summary.trim() : undefined;
  return {
    installments: list.map((i) => ({ dueOn: i.dueOn, amountFen: parseYuanToFen(i.amount) ?? 0 })),
    claimTypes: v.claimTypes as string[],
    ...(summary ? { summary } : {}),
  };
}

export const AGREEMENT_SPECS: SpecTable = {
  set_agreement_terms: {
    width: 720,
    hint: ({ t, detail }) =>
      detail.record.state?.agreement
        ? t('disputes.actions.hints.set_agreement_terms_again')
        : t('disputes.actions.hints.set_agreement_terms'),
    initial: ({ detail }) => termsInitial(detail),
    fields: () => <TermsFields />,
    payload: (v) => ({ terms: termsPayload(v) }),
  },
  // A signature names the terms it was given: the hash of the version on screen.
  sign_agreement: {
    hint: ({ t, detail }) =>
      t('disputes.actions.hints.sign_agreement', { version: detail.record.state?.agreementVersion ?? 1 }),
    initial: () => ({ sealApplied: false }),
    fields: ({ detail }) => (
      <>
        <TermsSummary detail={detail} />
        <SealField kind={detail.kind} mediatedBy={detail.record.state?.mediatedBy} />
      </>
    ),
    payload: (v, { detail }) => ({
      signer: 'mediator',
      termsHash: detail.record.state?.agreementHash ?? '',
      sealApplied: !!v.sealApplied,
    }),
  },
  record_party_signature: {
    hint: ({ t, detail }) =>
      t('disputes.actions.hints.record_party_signature', { version: detail.record.state?.agreementVersion ?? 1 }),
    initial: ({ detail }) => ({
      signer: detail.record.state?.signatures.worker ? 'employer' : 'worker',
      paperSigned: false,
    }),
    fields: ({ t, detail }) => (
      <>
        <TermsSummary detail={detail} />
        <Form.Item
          name="signer"
          label={t('disputes.actions.paperSigner')}
          rules={[{ required: true, message: t('disputes.intake.required') }]}
        >
          <Radio.Group
            options={(['worker', 'employer'] as const).map((p) => ({
              value: p,
              label: t(`disputes.agreement.signer.${p}`),
              disabled: !!detail.record.state?.signatures[p],
            }))}
            data-testid="paper-signer"
          />
        </Form.Item>
        <Form.Item
          name="paperSigned"
          valuePropName="checked"
          rules={[mustTick(t('disputes.actions.paperSignedRequired'))]}
        >
          <Checkbox data-testid="paper-signed">{t('disputes.actions.paperSigned')}</Checkbox>
        </Form.Item>
      </>
    ),
    payload: (v, { detail }) => ({
      signer: v.signer,
      termsHash: detail.record.state?.agreementHash ?? '',
      method: 'paper',
    }),
  },
  record_payment: {
    initial: ({ detail, today }) => {
      const open = detail.payments.reduce((s, p) => s + p.amountFen - p.paidFen, 0);
      const next = detail.payments.find((p) => p.paidFen < p.amountFen);
      return {
        amount: next ? fenToYuanInput(next.amountFen - next.paidFen) : open > 0 ? fenToYuanInput(open) : '',
        paidOn: today,
      };
    },
    hint: ({ t, detail, lang }) =>
      t('disputes.actions.hints.record_payment', {
        open: money(
          detail.payments.reduce((s, p) => s + p.amountFen - p.paidFen, 0),
          lang,
        ),
      }),
    fields: ({ t, today }) => (
      <>
        <Form.Item name="amount" label={t('disputes.agreement.amount')} rules={[yuanRule(t, true)]}>
          <Input inputMode="decimal" suffix={t('disputes.yuan')} data-testid="payment-amount" />
        </Form.Item>
        <Form.Item
          name="paidOn"
          label={t('disputes.agreement.paidOn')}
          rules={[{ required: true, message: t('disputes.intake.required') }]}
        >
          <Input type="date" max={today} data-testid="payment-date" />
        </Form.Item>
      </>
    ),
    payload: (v) => ({ amountFen: parseYuanToFen(v.amount as string) ?? 0, paidOn: v.paidOn }),
  },
  mark_performed: {
    hint: ({ t }) => t('disputes.actions.hints.mark_performed'),
    fields: ({ t }) => (
      <Form.Item
        name="workerConfirmed"
        valuePropName="checked"
        rules={[mustTick(t('disputes.actions.workerConfirmRequired'))]}
      >
        <Checkbox data-testid="action-worker-confirmed">{t('disputes.actions.workerConfirmed')}</Checkbox>
      </Form.Item>
    ),
    payload: (v) => ({ workerConfirmed: !!v.workerConfirmed }),
  },
};
