import type { TFunction } from 'i18next';
import { Checkbox, Form, Input, Radio, Select, Typography } from 'antd';
import { parseYuanToFen } from '../../labor-law/money';
import { yuanRule } from '../intake/EmploymentSection';
import { money } from '../labels';
import { mustTick, type SpecTable } from './spec';

const CHANNELS = ['phone', 'sms', 'visit', 'letter', 'video', 'online'] as const;
const MODES = ['in_person', 'phone', 'video'] as const;

/** Actions before the agreement: consultation, consent, contact, answer, mediation, extension. */
export const BASIC_SPECS: SpecTable = {
  start_consultation: { payload: () => ({}), hint: ({ t }) => t('disputes.actions.hints.start_consultation') },
  record_consent: {
    initial: ({ detail }) => ({ party: detail.record.state?.consents.worker ? 'employer' : 'worker' }),
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
    hint: ({ t, detail }) =>
      t('disputes.actions.hints.contact_employer', {
        name: detail.respondentName ?? detail.employerName ?? '',
        phone: detail.facts.employer?.contactPhone ?? '—',
        email: detail.facts.employer?.contactEmail ?? '—',
      }),
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
    initial: () => ({ mode: 'in_person' }),
    fields: ({ t }) => (
      <Form.Item name="mode" label={t('disputes.sessions.mode')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          data-testid="action-mode"
          options={MODES.map((m) => ({ value: m, label: t(`disputes.modes.${m}`) }))}
        />
      </Form.Item>
    ),
    payload: (v) => ({ mode: v.mode }),
  },
  extend_mediation: {
    hint: ({ t }) => t('disputes.actions.hints.extend_mediation'),
    fields: ({ t }) => <BothConsent t={t} />,
    payload: (v) => ({ workerConsents: !!v.workerConsents, employerConsents: !!v.employerConsents }),
  },
  reopen_mediation: {
    hint: ({ t }) => t('disputes.actions.hints.reopen_mediation'),
    fields: ({ t }) => <BothConsent t={t} />,
    payload: (v) => ({ workerConsents: !!v.workerConsents, employerConsents: !!v.employerConsents }),
  },
  apply_enforcement: { payload: () => ({}), hint: ({ t }) => t('disputes.actions.hints.apply_enforcement') },
  apply_payment_order: { payload: () => ({}), hint: ({ t }) => t('disputes.actions.hints.apply_payment_order') },
};

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
