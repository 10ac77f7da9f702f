import { Alert, Checkbox, Form, Input, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ReviewChecklist, reviewOf } from './ReviewChecklist';
import { CLAIM_TYPES } from '../../../../../contracts/disputes/claims';
import {
  CONFIRMATION_COURTS,
  DIRECT_SUIT_BASES,
  DIRECT_SUIT_LABELS,
  REFUSAL_GROUNDS,
} from '../../../../../contracts/disputes/confirmation';
import { CLOSE_REASONS_BY_STAGE, REFERRALS, type Stage } from '../../../../../contracts/disputes/stages';
import { claimLabel, closeReasonLabel, referralLabel } from '../labels';
import { mustTick, type SpecTable } from './spec';

// 调解组织主持调解的证明 is one of the materials (民诉法解释第三百五十四条).
const MATERIALS = ['agreement', 'identityProofs', 'contactDetails', 'mediationProof'] as const;

/** The clerk who records the ruling (书记员): printed under it by name, so asked for, never made up. */
function ClerkField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="clerkName"
      label={t('disputes.actions.clerkName')}
      extra={t('disputes.actions.clerkNameHelp')}
      rules={[{ required: true, whitespace: true, min: 2, message: t('disputes.actions.clerkNameRequired') }]}
    >
      <Input maxLength={32} data-testid="action-clerk-name" />
    </Form.Item>
  );
}

const clerkOf = (v: Record<string, unknown>) =>
  typeof v.clerkName === 'string' && v.clerkName.trim() ? { clerkName: v.clerkName.trim() } : {};

/** Judicial confirmation (apply, rule, refuse with the review checklist) and closing a failed case. */
export const COURT_SPECS: SpecTable = {
  apply_confirmation: {
    hint: ({ t }) => t('disputes.actions.hints.apply_confirmation'),
    initial: ({ detail }) => ({
      applicants: ['worker', 'employer'],
      court: detail.kind === 'union_mediation' ? 'mediation_body_basic_court' : 'inviting_court',
    }),
    fields: ({ t }) => (
      <>
        <Form.Item
          name="applicants"
          label={t('disputes.actions.applicants')}
          rules={[{ required: true, message: t('disputes.intake.required') }]}
        >
          <Checkbox.Group
            options={(['worker', 'employer'] as const).map((p) => ({
              value: p,
              label: t(`disputes.agreement.signer.${p}`),
            }))}
          />
        </Form.Item>
        <Typography.Text>{t('disputes.actions.materials')}</Typography.Text>
        {MATERIALS.map((m) => (
          <Form.Item
            key={m}
            name={['materials', m]}
            valuePropName="checked"
            rules={[mustTick(t('disputes.actions.materialRequired'))]}
            style={{ marginBottom: 4 }}
          >
            <Checkbox data-testid={`material-${m}`}>{t(`disputes.actions.material.${m}`)}</Checkbox>
          </Form.Item>
        ))}
        <Form.Item
          name="court"
          label={t('disputes.actions.confirmationCourt')}
          rules={[{ required: true }]}
          style={{ marginTop: 12 }}
        >
          <Select
            options={CONFIRMATION_COURTS.map((c) => ({ value: c, label: t(`disputes.confirmationCourts.${c}`) }))}
          />
        </Form.Item>
      </>
    ),
    payload: (v) => {
      const m = (v.materials ?? {}) as Record<string, boolean>;
      return {
        applicants: v.applicants,
        materials: {
          agreement: !!m.agreement,
          identityProofs: !!m.identityProofs,
          contactDetails: !!m.contactDetails,
          mediationProof: !!m.mediationProof,
        },
        court: v.court,
      };
    },
  },
  issue_ruling: {
    width: 640,
    hint: ({ t }) => t('disputes.actions.hints.issue_ruling'),
    fields: ({ t }) => (
      <>
        <ReviewChecklist confirming />
        <Form.Item name="rulingNo" label={t('disputes.actions.rulingNo')} extra={t('disputes.actions.rulingNoHelp')}>
          <Input maxLength={64} />
        </Form.Item>
        <ClerkField />
      </>
    ),
    review: reviewOf,
    payload: (v) => ({
      ...(typeof v.rulingNo === 'string' && v.rulingNo.trim() ? { rulingNo: v.rulingNo.trim() } : {}),
      ...clerkOf(v),
    }),
  },
  refuse_confirmation: {
    danger: true,
    width: 640,
    hint: ({ t }) => t('disputes.actions.hints.refuse_confirmation'),
    fields: ({ t }) => (
      <>
        <ReviewChecklist confirming={false} />
        <Form.Item
          noStyle
          shouldUpdate={(a: Record<string, unknown>, b: Record<string, unknown>) =>
            JSON.stringify(a.review) !== JSON.stringify(b.review)
          }
        >
          {({ getFieldValue }) => {
            const found = REFUSAL_GROUNDS.filter((g) => g === 'other' || getFieldValue(['review', g]) === true);
            return (
              <Form.Item
                name="ground"
                label={t('disputes.actions.mainGround')}
                extra={t('disputes.actions.mainGroundHelp')}
                rules={[
                  { required: true, message: t('disputes.intake.required') },
                  {
                    validator: (_, g: string | undefined) =>
                      !g || found.includes(g as never)
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('disputes.actions.groundMismatch'))),
                  },
                ]}
              >
                <Radio.Group
                  style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                  options={found.map((g) => ({ value: g, label: t(`disputes.refusalGrounds.${g}`) }))}
                />
              </Form.Item>
            );
          }}
        </Form.Item>
        <Form.Item name="note" label={t('disputes.actions.refusalNote')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <ClerkField />
      </>
    ),
    review: reviewOf,
    payload: (v) => ({
      ground: v.ground,
      ...(typeof v.note === 'string' && v.note.trim() ? { note: v.note.trim() } : {}),
      ...clerkOf(v),
    }),
  },
  close_failed: {
    danger: true,
    hint: ({ t, detail }) =>
      detail.stage === 'confirmation_refused'
        ? t('disputes.actions.hints.close_failed_after_refusal')
        : t('disputes.actions.hints.close_failed'),
    initial: ({ detail }) =>
      detail.stage === 'agreement_submitted'
        ? { reason: 'document_refused', referral: 'lawsuit' }
        : detail.stage === 'confirmation_refused'
          ? { reason: 'confirmation_refused', referral: 'arbitration', suitClaims: ['wage_arrears'] }
          : { referral: 'arbitration' },
    fields: ({ t, detail, lang }) => (
      <>
        <Form.Item
          name="reason"
          label={t('disputes.actions.closeReason')}
          rules={[{ required: true, message: t('disputes.intake.required') }]}
        >
          <Select
            data-testid="action-close-reason"
            options={(CLOSE_REASONS_BY_STAGE[detail.stage as Stage] ?? []).map((r) => ({
              value: r,
              label: closeReasonLabel(r, lang),
            }))}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={['reason']}>
          {({ getFieldValue }) => (
            <Form.Item
              name="referral"
              label={t('disputes.actions.referral')}
              rules={[{ required: getFieldValue('reason') !== 'withdrawn', message: t('disputes.intake.required') }]}
            >
              <Select
                allowClear
                data-testid="action-referral"
                options={REFERRALS.map((r) => ({ value: r, label: referralLabel(r, lang) }))}
              />
            </Form.Item>
          )}
        </Form.Item>
        <Form.Item noStyle dependencies={['referral', 'reason', 'directSuit']}>
          {({ getFieldValue }) =>
            getFieldValue('referral') === 'lawsuit' && getFieldValue('reason') !== 'document_refused' ? (
              <>
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t('disputes.actions.arbitrationFirst')}
                />
                <Form.Item
                  name="directSuit"
                  label={t('disputes.actions.directSuit')}
                  rules={[
                    {
                      required: detail.stage === 'confirmation_refused',
                      message: t('disputes.actions.directSuitRequired'),
                    },
                  ]}
                >
                  <Radio.Group
                    data-testid="direct-suit"
                    style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                    options={DIRECT_SUIT_BASES.map((b) => ({ value: b, label: DIRECT_SUIT_LABELS[b][lang] }))}
                  />
                </Form.Item>
                {getFieldValue('directSuit') === 'wage_iou' && (
                  <>
                    <Form.Item name="writtenIouFromEmployer" valuePropName="checked">
                      <Checkbox data-testid="iou-from-employer">{t('disputes.actions.iouFromEmployer')}</Checkbox>
                    </Form.Item>
                    <Form.Item name="suitClaims" label={t('disputes.actions.suitClaims')}>
                      <Select
                        mode="multiple"
                        options={CLAIM_TYPES.map((c) => ({ value: c, label: claimLabel(c, lang) }))}
                      />
                    </Form.Item>
                  </>
                )}
              </>
            ) : null
          }
        </Form.Item>
        <Form.Item name="note" label={t('disputes.actions.note')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </>
    ),
    payload: (v) => ({
      reason: v.reason,
      ...(v.referral ? { referral: v.referral } : {}),
      ...(v.referral === 'lawsuit' && v.directSuit === 'wage_iou'
        ? {
            directSuit: {
              basis: 'wage_iou',
              writtenIouFromEmployer: !!v.writtenIouFromEmployer,
              suitClaims: (v.suitClaims as string[] | undefined) ?? [],
            },
          }
        : v.referral === 'lawsuit' && v.directSuit === 'wage_agreement_not_performed'
          ? { directSuit: { basis: 'wage_agreement_not_performed' } }
          : {}),
      ...(typeof v.note === 'string' && v.note.trim() ? { note: v.note.trim() } : {}),
    }),
  },
};
