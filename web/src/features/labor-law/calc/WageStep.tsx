import { Button, Checkbox, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalcValues } from '../request';
import { Question } from './Question';
import { useCalcRules } from './useCalcRules';

/**
 * Step 3: the monthly wage the worker was paid, and, if it changed, from which month: double
 * wages are owed at each month's own wage and notice pay at the previous month's.
 */
export function WageStep({ shown }: { shown: boolean }) {
  const { t } = useTranslation();
  const rules = useCalcRules();
  const form = Form.useFormInstance<CalcValues>();
  const changesOn = Form.useWatch<boolean | undefined>('wageChangesOn', form);
  // The first change starts with the month of hiring and the wage typed above: the worker only adds the raise.
  const startChanges = (checked: boolean) => {
    if (!checked || (form.getFieldValue('wageChanges') as unknown[] | undefined)?.length) return;
    const hire = form.getFieldValue('hireDate') as string | undefined;
    form.setFieldValue('wageChanges', [
      { from: hire?.slice(0, 7) ?? '', wage: (form.getFieldValue('monthlyWage') as string | undefined) ?? '' },
      { from: '', wage: '' },
    ]);
  };
  return (
    <div style={{ display: shown ? 'block' : 'none' }} data-testid="calc-step-wage">
      <Question>{t('calc.wage.question')}</Question>
      <Form.Item name="monthlyWage" label={t('calc.wage.monthlyWage')} extra={t('calc.wage.help')} rules={[rules.wage]}>
        <Input
          inputMode="decimal"
          placeholder={t('calc.wage.placeholder')}
          suffix={t('calc.wage.yuan')}
          data-testid="calc-wage"
        />
      </Form.Item>
      <Form.Item name="wageChangesOn" valuePropName="checked" noStyle>
        <Checkbox
          className="yz-choice"
          data-testid="calc-wage-changes"
          onChange={(e) => startChanges(e.target.checked)}
        >
          {t('calc.wage.changed')}
        </Checkbox>
      </Form.Item>
      {changesOn && (
        <div className="yz-sub">
          <p>{t('calc.wage.changesHelp')}</p>
          <Form.List name="wageChanges">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field, i) => (
                  <Flex key={field.key} gap={8} wrap align="start" data-testid={`calc-wage-change-${i}`}>
                    <Form.Item
                      name={[field.name, 'from']}
                      label={t('calc.wage.changeFrom')}
                      rules={[{ required: true, pattern: /^\d{4}-\d{2}$/, message: t('calc.wage.monthInvalid') }]}
                    >
                      <Input type="month" data-testid={`calc-wage-change-from-${i}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'wage']} label={t('calc.wage.changeWage')} rules={[rules.wage]}>
                      <Input
                        inputMode="decimal"
                        suffix={t('calc.wage.yuan')}
                        data-testid={`calc-wage-change-wage-${i}`}
                      />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button type="link" onClick={() => remove(field.name)}>
                        {t('calc.wage.removeChange')}
                      </Button>
                    )}
                  </Flex>
                ))}
                <Button onClick={() => add({ from: '', wage: '' })} data-testid="calc-wage-change-add">
                  {t('calc.wage.addChange')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </div>
      )}
    </div>
  );
}
