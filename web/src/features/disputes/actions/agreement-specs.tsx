import { Checkbox, Form, Input } from 'antd';
import { fenToYuanInput, parseYuanToFen } from '../../labor-law/money';
import { yuanRule } from '../intake/EmploymentSection';
import { money } from '../labels';
import { mustTick, type SpecTable } from './spec';
import { TermsFields } from './TermsFields';

/** The agreement and its performance: the mediator signs the terms, payments, performed. */
export const AGREEMENT_SPECS: SpecTable = {
  sign_agreement: {
    width: 720,
    hint: ({ t, detail }) => (detail.record.state?.agreement ? t('disputes.actions.hints.sign_agreement_again') : t('disputes.actions.hints.sign_agreement')),
    initial: ({ detail }) => {
      const a = detail.record.state?.agreement;
      return {
        installments: a ? a.installments.map((i) => ({ dueOn: i.dueOn, amount: fenToYuanInput(i.amountFen) })) : [{}],
        claimTypes: a?.claimTypes ?? detail.claimTypes,
        summary: a?.summary ?? '',
        sealApplied: false,
      };
    },
    fields: () => <TermsFields />,
    payload: (v) => {
      const list = (v.installments as { dueOn: string; amount: string }[]) ?? [];
      const summary = typeof v.summary === 'string' && v.summary.trim() ? v.summary.trim() : undefined;
      return {
        signer: 'mediator',
        terms: { installments: list.map((i) => ({ dueOn: i.dueOn, amountFen: parseYuanToFen(i.amount) ?? 0 })), claimTypes: v.claimTypes, ...(summary ? { summary } : {}) },
        sealApplied: !!v.sealApplied,
      };
    },
  },
  record_payment: {
    initial: ({ detail, today }) => {
      const open = detail.payments.reduce((s, p) => s + p.amountFen - p.paidFen, 0);
      const next = detail.payments.find((p) => p.paidFen < p.amountFen);
      return { amount: next ? fenToYuanInput(next.amountFen - next.paidFen) : open > 0 ? fenToYuanInput(open) : '', paidOn: today };
    },
    hint: ({ t, detail, lang }) => t('disputes.actions.hints.record_payment', { open: money(detail.payments.reduce((s, p) => s + p.amountFen - p.paidFen, 0), lang) }),
    fields: ({ t, today }) => (
      <>
        <Form.Item name="amount" label={t('disputes.agreement.amount')} rules={[yuanRule(t, true)]}>
          <Input inputMode="decimal" suffix={t('disputes.yuan')} data-testid="payment-amount" />
        </Form.Item>
        <Form.Item name="paidOn" label={t('disputes.agreement.paidOn')} rules={[{ required: true, message: t('disputes.intake.required') }]}>
          <Input type="date" max={today} data-testid="payment-date" />
        </Form.Item>
      </>
    ),
    payload: (v) => ({ amountFen: parseYuanToFen(v.amount as string) ?? 0, paidOn: v.paidOn }),
  },
  mark_performed: {
    hint: ({ t }) => t('disputes.actions.hints.mark_performed'),
    fields: ({ t }) => (
      <Form.Item name="workerConfirmed" valuePropName="checked" rules={[mustTick(t('disputes.actions.workerConfirmRequired'))]}>
        <Checkbox data-testid="action-worker-confirmed">{t('disputes.actions.workerConfirmed')}</Checkbox>
      </Form.Item>
    ),
    payload: (v) => ({ workerConfirmed: !!v.workerConfirmed }),
  },
};
