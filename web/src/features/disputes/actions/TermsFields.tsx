import { Button, Checkbox, Form, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CLAIM_TYPES } from '../../../../../contracts/disputes/claims';
import { formatFen, parseYuanToFen } from '../../labor-law/money';
import { yuanRule } from '../intake/EmploymentSection';
import { claimLabel, langOf } from '../labels';
import { mustTick } from './spec';

/** The mediator's agreement terms: instalments (due date and amount), claim types, summary. */
export function TermsFields() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const instalments = (Form.useWatch('installments') as { amount?: string }[] | undefined) ?? [];
  const total = instalments.reduce((s, i) => s + (parseYuanToFen(i?.amount) ?? 0), 0);

  return (
    <>
      <Form.List name="installments">
        {(fields, { add, remove }) => (
          <Form.Item
            label={t('disputes.actions.instalments')}
            extra={t('disputes.actions.instalmentsTotal', { amount: formatFen(total) })}
          >
            {fields.map((f, i) => (
              <Space
                key={f.key}
                align="start"
                wrap
                style={{ display: 'flex', marginBottom: 6 }}
                data-testid={`instalment-${i}`}
              >
                <Typography.Text style={{ lineHeight: '32px' }}>
                  {t('disputes.actions.instalmentN', { n: i + 1 })}
                </Typography.Text>
                <Form.Item
                  name={[f.name, 'dueOn']}
                  rules={[{ required: true, message: t('disputes.intake.required') }]}
                  noStyle
                >
                  <Input type="date" style={{ width: 160 }} data-testid="instalment-due" />
                </Form.Item>
                <Form.Item name={[f.name, 'amount']} rules={[yuanRule(t, true)]} noStyle>
                  <Input
                    inputMode="decimal"
                    style={{ width: 150 }}
                    suffix={t('disputes.yuan')}
                    data-testid="instalment-amount"
                  />
                </Form.Item>
                <Button onClick={() => remove(f.name)} disabled={fields.length <= 1}>
                  {t('disputes.intake.remove')}
                </Button>
              </Space>
            ))}
            <Button type="dashed" onClick={() => add({})} disabled={fields.length >= 120} data-testid="instalment-add">
              {t('disputes.actions.addInstalment')}
            </Button>
          </Form.Item>
        )}
      </Form.List>
      <Form.Item
        name="claimTypes"
        label={t('disputes.agreement.claimTypes')}
        rules={[{ required: true, message: t('disputes.intake.required') }]}
      >
        <Select mode="multiple" options={CLAIM_TYPES.map((c) => ({ value: c, label: claimLabel(c, lang) }))} />
      </Form.Item>
      <Form.Item name="summary" label={t('disputes.agreement.summary')}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="terms-summary" />
      </Form.Item>
    </>
  );
}

/**
 * The mediator's signature and the seal: union mediation always seals (劳动争议调解仲裁法第十四条); a
 * court-referred mediation seals where an invited organisation conducted it, not an invited
 * individual mediator (特邀调解规定第二十四条第二款).
 */
export function SealField({ kind, mediatedBy }: { kind: string; mediatedBy?: 'organisation' | 'individual' }) {
  const { t } = useTranslation();
  const preFiling = kind === 'court_pre_filing' ? `${t('disputes.actions.sealHelpPreFiling')} ` : '';
  if (kind !== 'union_mediation' && mediatedBy === 'individual')
    return (
      <Typography.Paragraph type="secondary" data-testid="terms-no-seal">
        {preFiling}
        {t('disputes.actions.noSealHelp')}
      </Typography.Paragraph>
    );
  return (
    <Form.Item
      name="sealApplied"
      valuePropName="checked"
      rules={[mustTick(t('disputes.actions.sealRequired'))]}
      extra={
        kind === 'union_mediation'
          ? t('disputes.actions.sealHelp')
          : `${preFiling}${t('disputes.actions.sealHelpCourt')}`
      }
    >
      <Checkbox data-testid="terms-seal">{t('disputes.actions.seal')}</Checkbox>
    </Form.Item>
  );
}
