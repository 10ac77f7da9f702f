import { Form, Input, Radio } from 'antd';
import { COURT_OUTCOME_REQUESTS } from '../../../../../contracts/disputes/confirmation';
import { termsInitial, termsPayload } from './agreement-specs';
import { BothConsent } from './basic-specs';
import type { SpecTable } from './spec';
import { TermsFields } from './TermsFields';

const required = (message: string) => [{ required: true, message }];

/**
 * The court's side after an agreement, besides confirmation: amending a refused agreement
 * (民事诉讼法第二百零六条), and for post-filing cases the agreement's submission to the court and the
 * court's mediation document or withdrawal ruling (特邀调解规定第二十条).
 */
export const COURT_PATH_SPECS: SpecTable = {
  amend_agreement: {
    width: 720,
    hint: ({ t }) => t('disputes.actions.hints.amend_agreement'),
    initial: ({ detail }) => termsInitial(detail),
    fields: ({ t }) => (
      <>
        <TermsFields />
        <BothConsent t={t} />
      </>
    ),
    payload: (v) => ({
      terms: termsPayload(v),
      workerConsents: !!v.workerConsents,
      employerConsents: !!v.employerConsents,
    }),
  },
  submit_agreement_to_court: {
    hint: ({ t }) => t('disputes.actions.hints.submit_agreement_to_court'),
    initial: () => ({ requested: 'mediation_document' }),
    fields: ({ t }) => (
      <>
        <Form.Item
          name="requested"
          label={t('disputes.actions.requested')}
          rules={required(t('disputes.intake.required'))}
        >
          <Radio.Group
            options={COURT_OUTCOME_REQUESTS.map((r) => ({ value: r, label: t(`disputes.actions.courtOutcome.${r}`) }))}
          />
        </Form.Item>
      </>
    ),
    payload: (v) => ({ requested: v.requested }),
  },
  record_mediation_document: {
    hint: ({ t }) => t('disputes.actions.hints.record_mediation_document'),
    initial: ({ today }) => ({ issuedOn: today, servedWorker: today, servedEmployer: today }),
    fields: ({ t }) => (
      <>
        <Form.Item
          name="documentNo"
          label={t('disputes.actions.documentNo')}
          rules={required(t('disputes.intake.required'))}
        >
          <Input maxLength={64} data-testid="document-no" />
        </Form.Item>
        <Form.Item
          name="issuedOn"
          label={t('disputes.actions.issuedOn')}
          rules={required(t('disputes.intake.required'))}
        >
          <Input type="date" data-testid="document-issued" />
        </Form.Item>
        <Form.Item
          name="servedWorker"
          label={t('disputes.actions.servedWorker')}
          rules={required(t('disputes.intake.required'))}
        >
          <Input type="date" data-testid="document-served-worker" />
        </Form.Item>
        <Form.Item
          name="servedEmployer"
          label={t('disputes.actions.servedEmployer')}
          extra={t('disputes.actions.servedHelp')}
          rules={required(t('disputes.intake.required'))}
        >
          <Input type="date" data-testid="document-served-employer" />
        </Form.Item>
      </>
    ),
    payload: (v) => ({
      documentNo: typeof v.documentNo === 'string' ? v.documentNo.trim() : '',
      issuedOn: v.issuedOn,
      servedOn: { worker: v.servedWorker, employer: v.servedEmployer },
    }),
  },
  record_withdrawal: {
    hint: ({ t }) => t('disputes.actions.hints.record_withdrawal'),
    initial: ({ today }) => ({ ruledOn: today }),
    fields: ({ t }) => (
      <>
        <Form.Item
          name="rulingNo"
          label={t('disputes.actions.withdrawalNo')}
          rules={required(t('disputes.intake.required'))}
        >
          <Input maxLength={64} data-testid="withdrawal-no" />
        </Form.Item>
        <Form.Item name="ruledOn" label={t('disputes.actions.ruledOn')} rules={required(t('disputes.intake.required'))}>
          <Input type="date" />
        </Form.Item>
      </>
    ),
    payload: (v) => ({ rulingNo: typeof v.rulingNo === 'string' ? v.rulingNo.trim() : '', ruledOn: v.ruledOn }),
  },
};
