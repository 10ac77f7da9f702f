import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { isCalendarDate, todayInChina } from '../../../../../contracts/dates';
import {
  RECOMMENDATION_DECISIONS,
  RECOMMENDATION_OUTCOMES,
} from '../../../../../contracts/membership/recommendation-codes';
import { FormModal } from '../../../app/components/FormModal';
import type { OutcomeInput, Recommendation, ReviewInput } from './types';

type ReviewValues = Omit<ReviewInput, 'version'>;
type OutcomeValues = Omit<OutcomeInput, 'version'>;

/** The review of a nomination (endorse or decline, with a note), at the version shown. */
export function ReviewForm(props: {
  target: Recommendation | null;
  onClose: () => void;
  onSubmit: (v: ReviewInput & { id: string }) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const target = props.target;
  return (
    <FormModal<ReviewValues>
      open={!!target}
      title={`${t('membershipInsurance.recommendations.reviewTitle')} · ${target?.name ?? ''}`}
      testId="review"
      initialValues={{ decision: 'endorse' }}
      onCancel={props.onClose}
      onSubmit={async (v) => {
        await props.onSubmit({ ...v, note: v.note.trim(), id: target!.id, version: target!.version });
        props.onClose();
      }}
    >
      <Form.Item name="decision" label={t('membershipInsurance.recommendations.decision')} rules={[{ required: true }]}>
        <Radio.Group
          data-testid="review-decision"
          options={RECOMMENDATION_DECISIONS.map((d) => ({
            value: d,
            label: t(`membershipInsurance.recommendations.decisions.${d}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('membershipInsurance.recommendations.note')}
        rules={[{ required: true, min: 2, message: t('membershipInsurance.record.required') }]}
      >
        <Input.TextArea rows={3} maxLength={200} data-testid="review-note" />
      </Form.Item>
    </FormModal>
  );
}

/** The party organization's decision on an endorsed nomination, with its date. */
export function OutcomeForm(props: {
  target: Recommendation | null;
  onClose: () => void;
  onSubmit: (v: OutcomeInput & { id: string }) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const target = props.target;
  return (
    <FormModal<OutcomeValues>
      open={!!target}
      title={`${t('membershipInsurance.recommendations.outcomeTitle')} · ${target?.name ?? ''}`}
      testId="outcome"
      initialValues={{ outcome: 'accepted', outcomeOn: todayInChina() }}
      onCancel={props.onClose}
      onSubmit={async (v) => {
        const note = v.note?.trim();
        await props.onSubmit({
          ...v,
          outcomeOn: v.outcomeOn.trim(),
          note: note || undefined,
          id: target!.id,
          version: target!.version,
        });
        props.onClose();
      }}
    >
      <Form.Item name="outcome" label={t('membershipInsurance.recommendations.outcome')} rules={[{ required: true }]}>
        <Radio.Group
          data-testid="outcome-choice"
          options={RECOMMENDATION_OUTCOMES.map((o) => ({
            value: o,
            label: t(`membershipInsurance.recommendations.outcomes.${o}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="outcomeOn"
        label={t('membershipInsurance.recommendations.outcomeOn')}
        rules={[
          {
            validator: (_: unknown, v: string | undefined) =>
              v && isCalendarDate(v.trim())
                ? Promise.resolve()
                : Promise.reject(new Error(t('membershipInsurance.record.badDate'))),
          },
        ]}
      >
        <Input placeholder={t('membershipInsurance.record.datePlaceholder')} data-testid="outcome-on" />
      </Form.Item>
      <Form.Item name="note" label={t('membershipInsurance.recommendations.note')}>
        <Input.TextArea rows={2} maxLength={200} data-testid="outcome-note" />
      </Form.Item>
    </FormModal>
  );
}
