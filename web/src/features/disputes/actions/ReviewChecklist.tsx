import { Form, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { REFUSAL_GROUNDS } from '../../../../../contracts/disputes/confirmation';
import type { ActionBody } from '../types';

/** The grounds a judge must check one by one (民事诉讼法第二百零六条); "other" is not on the list. */
export const REVIEW_GROUNDS = REFUSAL_GROUNDS.filter((g) => g !== 'other');

/**
 * The judge's review: each refusal ground answered "does not apply" or "applies". A ruling needs
 * every ground answered "does not apply"; the answers are recorded with the decision.
 */
export function ReviewChecklist({ confirming }: { confirming: boolean }) {
  const { t } = useTranslation();
  const rule = {
    validator: (_: unknown, v: boolean | undefined) => {
      if (v === undefined) return Promise.reject(new Error(t('disputes.actions.reviewAnswer')));
      if (confirming && v) return Promise.reject(new Error(t('disputes.actions.reviewBlocksRuling')));
      return Promise.resolve();
    },
  };
  return (
    <div data-testid="review-checklist" style={{ marginBottom: 12 }}>
      <Typography.Text strong>{t('disputes.actions.reviewChecklist')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('disputes.actions.reviewHelp')}
      </Typography.Paragraph>
      {REVIEW_GROUNDS.map((g) => (
        <Form.Item
          key={g}
          name={['review', g]}
          label={t(`disputes.refusalGrounds.${g}`)}
          rules={[rule]}
          style={{ marginBottom: 8 }}
        >
          <Radio.Group>
            <Radio value={false}>
              <span data-testid={`review-${g}-no`}>{t('disputes.actions.reviewNo')}</span>
            </Radio>
            <Radio value={true}>
              <span data-testid={`review-${g}-yes`}>{t('disputes.actions.reviewYes')}</span>
            </Radio>
          </Radio.Group>
        </Form.Item>
      ))}
    </div>
  );
}

/** The checklist answers as the API's `review` body. */
export function reviewOf(v: Record<string, unknown>): ActionBody['review'] {
  const r = (v.review ?? {}) as Record<string, boolean | undefined>;
  return Object.fromEntries(REVIEW_GROUNDS.map((g) => [g, !!r[g]]));
}
