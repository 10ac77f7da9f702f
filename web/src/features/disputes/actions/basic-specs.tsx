import type { TFunction } from 'i18next';
import { Checkbox, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { parseYuanToFen } from '../../labor-law/money';
import { yuanRule } from '../intake/EmploymentSection';
import { PAYMENT_ORDER_CLAIM_TYPES } from '../../../../../contracts/disputes/claims';
import { claimLabel, money } from '../labels';
import type { CaseDetail } from '../types';
import { mustTick, type SpecTable } from './spec';

const CHANNELS = ['phone', 'sms', 'visit', 'letter', 'video', 'online'] as const;
const MODES = ['in_person', 'phone', 'video'] as const;
const CONDUCTORS = ['organisation', 'individual'] as const;
/** The largest single pre-filing extension the server accepts (a sanity bound, not a legal limit). */
const MAX_EXTENSION_DAYS = 365;

/** Actions before the agreement: consultation, consent, contact, answer, mediation, extension. */
export const BASIC_SPECS: SpecTable = {
  start_consultation: { payload: () => ({}), hint: ({ t }) => t('disputes.actions.hints.start_consultation') },
  record_consent: {
    initial: ({ detail }) => ({ party: detail.record.state?.consents.worker ? 'employer' : 'worker' }),
    // Who has already consented, so nobody records a consent twice or waits for one already given.
    hint: ({ t, detail }) => {
      const given = (['worker', 'employer'] as const).filter((p) => detail.record.state?.consents[p]);
      if (given.length === 0) return t('disputes.actions.consentNone');
      if (given.length === 2) return t('disputes.actions.consentAll');
      return t('disputes.actions.consentSoFar', {
        parties: given.map((p) => t(`disputes.agreement.signer.${p}`)).join(t('common.listSeparator')),
      });
    },
    fields: ({ t, detail }) => (
      <Form.Item name="party" label={t('disputes.actions.party')} rules={[{ required: true }]}>
        <Radio.Group
          data-testid="action-party"
          options={(['worker', 'employer'] as const).map((p) => ({
            value: p,
            label: t(`disputes.agreement.signer.${p}`),
            disabled: !!detail.record.state?.consents[p],
          }))}
        />
      </Form.Item>
    ),
    payload: (v) => ({ party: v.party }),
  },
  contact_employer: {
    initial: () => ({ channel: 'phone', reached: true }),
    // The 3 working days: a rule of online mediation for pre-filing cases, else the studio's promise.
    hint: ({ t, detail }) =>
      `${t('disputes.actions.hints.contact_employer', {
        name: detail.respondentName ?? detail.employerName ?? '',
        phone: detail.facts.employer?.contactPhone ?? '—',
        email: detail.facts.employer?.contactEmail ?? '—',
      })}${t(
        detail.kind === 'court_pre_filing'
          ? 'disputes.actions.contactOnlineRule'
          : 'disputes.actions.contactServiceStandard',
      )}`,
    fields: ({ t }) => (
      <>
        <Form.Item name="channel" label={t('disputes.actions.channel')} rules={[{ required: true }]}>
          <Select
            data-testid="action-channel"
            options={CHANNELS.map((c) => ({ value: c, label: t(`disputes.channels.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="reached" valuePropName="checked">
          <Checkbox data-testid="action-reached">{t('disputes.actions.reached')}</Checkbox>
        </Form.Item>
      </>
    ),
    payload: (v) => ({ channel: v.channel, reached: !!v.reached }),
  },
  record_employer_answer: {
    initial: () => ({ answer: 'accept' }),
    fields: ({ t }) => (
      <>
        <Form.Item name="answer" label={t('disputes.actions.answer')} rules={[{ required: true }]}>
          <Radio.Group
            options={(['accept', 'decline', 'counter'] as const).map((a) => ({
              value: a,
              label: t(`disputes.answers.${a}`),
            }))}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={['answer']}>
          {({ getFieldValue }) =>
            getFieldValue('answer') === 'counter' && (
              <Form.Item name="amount" label={t('disputes.actions.counterAmount')} rules={[yuanRule(t, true)]}>
                <Input inputMode="decimal" suffix={t('disputes.yuan')} />
              </Form.Item>
            )
          }
        </Form.Item>
        <Form.Item name="note" label={t('disputes.actions.note')}>
          <Input.TextArea rows={3} maxLength={1500} />
        </Form.Item>
      </>
    ),
    payload: (v) => {
      const note = typeof v.note === 'string' && v.note.trim() ? v.note.trim() : '';
      const fen = v.answer === 'counter' ? parseYuanToFen(v.amount as string) : null;
      // The case record is kept in Chinese, as the employer's own link records it.
      const text = fen !== null ? `对方提出金额方案：${money(fen, 'zh')}。${note}` : note;
      return { answer: v.answer, ...(text ? { note: text } : {}) };
    },
  },
  start_mediation: {
    initial: () => ({ mode: 'in_person', mediatedBy: 'organisation' }),
    fields: ({ t, detail }) => (
      <>
        <Form.Item name="mode" label={t('disputes.sessions.mode')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            data-testid="action-mode"
            options={MODES.map((m) => ({ value: m, label: t(`disputes.modes.${m}`) }))}
          />
        </Form.Item>
        {detail.kind !== 'union_mediation' && (
          <Form.Item
            name="mediatedBy"
            label={t('disputes.actions.mediatedBy')}
            extra={t('disputes.actions.mediatedByHelp')}
          >
            <Radio.Group
              data-testid="action-mediated-by"
              options={CONDUCTORS.map((m) => ({ value: m, label: t(`disputes.actions.mediatedByOption.${m}`) }))}
            />
          </Form.Item>
        )}
      </>
    ),
    payload: (v, { detail }) =>
      detail.kind === 'union_mediation' ? { mode: v.mode } : { mode: v.mode, mediatedBy: v.mediatedBy },
  },
  extend_mediation: {
    hint: ({ t, detail }) =>
      t(
        detail.kind === 'court_pre_filing'
          ? 'disputes.actions.hints.extend_mediation_pre_filing'
          : 'disputes.actions.hints.extend_mediation',
      ),
    initial: () => ({ days: 30 }),
    fields: ({ t, detail }) => (
      <>
        {detail.kind === 'court_pre_filing' && (
          <Form.Item
            name="days"
            label={t('disputes.actions.extensionDays')}
            extra={t('disputes.actions.extensionDaysHelp')}
            rules={[{ required: true, message: t('disputes.intake.required') }]}
          >
            <InputNumber min={1} max={MAX_EXTENSION_DAYS} precision={0} data-testid="action-extension-days" />
          </Form.Item>
        )}
        <BothConsent t={t} />
      </>
    ),
    payload: (v, { detail }) => ({
      workerConsents: !!v.workerConsents,
      employerConsents: !!v.employerConsents,
      ...(detail.kind === 'court_pre_filing' ? { days: Number(v.days) } : {}),
    }),
  },
  // Recorded once (the server refuses a second time): not offered again.
  continue_mediation: {
    done: (d) => !!d.record.state?.mediationContinuedOn,
    hint: ({ t }) => t('disputes.actions.hints.continue_mediation'),
    fields: ({ t }) => <BothConsent t={t} />,
    payload: (v) => ({ workerConsents: !!v.workerConsents, employerConsents: !!v.employerConsents }),
  },
  reopen_mediation: {
    hint: ({ t }) => t('disputes.actions.hints.reopen_mediation'),
    fields: ({ t }) => <BothConsent t={t} />,
    payload: (v) => ({ workerConsents: !!v.workerConsents, employerConsents: !!v.employerConsents }),
  },
  apply_enforcement: { payload: () => ({}), hint: ({ t }) => t('disputes.actions.hints.apply_enforcement') },
  // A mixed agreement names its eligible part and amount (劳动争议调解仲裁法第十六条).
  apply_payment_order: {
    hint: ({ t }) => t('disputes.actions.hints.apply_payment_order'),
    initial: ({ detail }) => ({ claimTypes: eligibleClaims(detail) }),
    fields: ({ t, lang, detail }) =>
      isMixed(detail) && (
        <>
          <Typography.Paragraph type="secondary">{t('disputes.actions.paymentOrderHelp')}</Typography.Paragraph>
          <Form.Item
            name="claimTypes"
            label={t('disputes.actions.paymentOrderPart')}
            rules={[{ required: true, message: t('disputes.intake.required') }]}
          >
            <Checkbox.Group
              data-testid="payment-order-part"
              options={eligibleClaims(detail).map((c) => ({ value: c, label: claimLabel(c, lang) }))}
            />
          </Form.Item>
          <Form.Item name="amount" label={t('disputes.actions.paymentOrderAmount')} rules={[yuanRule(t, true)]}>
            <Input inputMode="decimal" suffix={t('disputes.yuan')} data-testid="payment-order-amount" />
          </Form.Item>
        </>
      ),
    payload: (v, { detail }) =>
      isMixed(detail) ? { claimTypes: v.claimTypes, amountFen: parseYuanToFen(v.amount as string) ?? 0 } : {},
  },
};

const eligibleClaims = (d: CaseDetail) =>
  (d.record.state?.agreement?.claimTypes ?? []).filter((c) => PAYMENT_ORDER_CLAIM_TYPES.includes(c));
const isMixed = (d: CaseDetail) => eligibleClaims(d).length < (d.record.state?.agreement?.claimTypes.length ?? 0);

export function BothConsent({ t }: { t: TFunction }) {
  return (
    <>
      <Typography.Paragraph type="secondary">{t('disputes.actions.bothConsent')}</Typography.Paragraph>
      <Form.Item
        name="workerConsents"
        valuePropName="checked"
        rules={[mustTick(t('disputes.actions.consentRequired'))]}
      >
        <Checkbox>{t('disputes.actions.workerConsents')}</Checkbox>
      </Form.Item>
      <Form.Item
        name="employerConsents"
        valuePropName="checked"
        rules={[mustTick(t('disputes.actions.consentRequired'))]}
      >
        <Checkbox>{t('disputes.actions.employerConsents')}</Checkbox>
      </Form.Item>
    </>
  );
}
