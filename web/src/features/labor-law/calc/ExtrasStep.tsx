import { Button, Checkbox, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isCalendarDate } from '../money';
import type { CalcField, CalcValues } from '../request';
import { Question } from './Question';
import { useCalcRules } from './useCalcRules';

/** A checkbox that opens its follow-up questions underneath when ticked. */
function Extra({
  name,
  label,
  testId,
  onTick,
  children,
}: {
  name: CalcField;
  label: string;
  testId: string;
  onTick?: (checked: boolean) => void;
  children: ReactNode;
}) {
  const on = Form.useWatch<boolean | undefined>(name, Form.useFormInstance());
  return (
    <div>
      <Form.Item name={name} valuePropName="checked" noStyle>
        <Checkbox className="yz-choice" data-testid={testId} onChange={(e) => onTick?.(e.target.checked)}>
          {label}
        </Checkbox>
      </Form.Item>
      {on && <div className="yz-sub">{children}</div>}
    </div>
  );
}

/** Step 4, all optional: no written contract, overtime, annual leave, a work injury, no notice. */
export function ExtrasStep({ shown }: { shown: boolean }) {
  const { t } = useTranslation();
  const rules = useCalcRules();
  const form = Form.useFormInstance<CalcValues>();
  const situation = Form.useWatch<CalcValues['situation']>('situation', form);
  const contractSigned = Form.useWatch<CalcValues['contractSigned']>('contractSigned', form);
  const left = situation !== undefined && situation !== 'employed';

  // Leave is owed for the year work ended (or this year): offer that year instead of an empty box.
  const suggestLeaveYear = (checked: boolean) => {
    if (!checked || form.getFieldValue('leaveYear')) return;
    const end = form.getFieldValue('endDate') as string | undefined;
    form.setFieldValue('leaveYear', (left && isCalendarDate(end) ? end : rules.today).slice(0, 4));
  };

  // One empty stretch to fill in, so the worker sees at once what to enter.
  const startUnpaid = (checked: boolean) => {
    if (checked && !(form.getFieldValue('unpaid') as unknown[] | undefined)?.length) form.setFieldValue('unpaid', [{}]);
  };

  return (
    <div style={{ display: shown ? 'block' : 'none' }} data-testid="calc-step-extras">
      <Question>{t('calc.extras.question')}</Question>
      <Flex vertical gap={12}>
        <Extra name="unpaidOn" label={t('calc.extras.unpaid')} testId="calc-unpaid" onTick={startUnpaid}>
          <Typography.Paragraph type="secondary">{t('calc.extras.unpaidHelp')}</Typography.Paragraph>
          <Form.List name="unpaid">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field, i) => (
                  <Flex key={field.key} gap={8} wrap align="start" data-testid={`calc-unpaid-${i}`}>
                    <Form.Item
                      name={[field.name, 'from']}
                      label={t('calc.extras.unpaidFrom')}
                      rules={[
                        { required: true, pattern: /^\d{4}-\d{2}$/, message: t('calc.extras.unpaidMonthInvalid') },
                      ]}
                    >
                      <Input type="month" data-testid={`calc-unpaid-from-${i}`} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'to']}
                      label={t('calc.extras.unpaidTo')}
                      dependencies={[['unpaid', field.name, 'from']]}
                      rules={[
                        { required: true, pattern: /^\d{4}-\d{2}$/, message: t('calc.extras.unpaidMonthInvalid') },
                        {
                          validator: (_: unknown, to: string | undefined) => {
                            const from = form.getFieldValue(['unpaid', field.name, 'from']) as string | undefined;
                            return from && to && to < from
                              ? Promise.reject(new Error(t('calc.extras.unpaidOrder')))
                              : Promise.resolve();
                          },
                        },
                      ]}
                    >
                      <Input type="month" data-testid={`calc-unpaid-to-${i}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'amount']} label={t('calc.extras.unpaidAmount')} rules={[rules.wage]}>
                      <Input inputMode="decimal" suffix={t('calc.wage.yuan')} data-testid={`calc-unpaid-amount-${i}`} />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button type="link" onClick={() => remove(field.name)}>
                        {t('calc.extras.unpaidRemove')}
                      </Button>
                    )}
                  </Flex>
                ))}
                <Button onClick={() => add({})} data-testid="calc-unpaid-add">
                  {t('calc.extras.unpaidAdd')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Extra>

        <Extra name="noContract" label={t('calc.extras.noContract')} testId="calc-no-contract">
          <Form.Item name="contractSigned" label={t('calc.extras.contractSigned')} initialValue="never">
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'never', label: t('calc.extras.never') },
                { value: 'later', label: t('calc.extras.later') },
              ]}
            />
          </Form.Item>
          {contractSigned === 'later' && (
            <Form.Item
              name="contractSignedDate"
              label={t('calc.extras.contractSignedDate')}
              rules={[rules.date('signed')]}
            >
              <Input type="date" max={rules.today} min="1950-01-01" data-testid="calc-signed-date" />
            </Form.Item>
          )}
        </Extra>

        <Extra name="overtimeOn" label={t('calc.extras.overtime')} testId="calc-overtime">
          {(['otWorkday', 'otRestDay', 'otHoliday'] as const).map((name) => (
            <Form.Item
              key={name}
              name={name}
              label={t(`calc.extras.${name}`)}
              rules={[rules.decimal(t('calc.extras.hoursInvalid'))]}
            >
              <Input inputMode="decimal" placeholder="0" data-testid={`calc-${name}`} />
            </Form.Item>
          ))}
          <Typography.Text type="secondary">{t('calc.extras.otHelp')}</Typography.Text>
        </Extra>

        <Extra name="leaveOn" label={t('calc.extras.leave')} testId="calc-leave" onTick={suggestLeaveYear}>
          <Form.Item
            name="leaveYear"
            label={t('calc.extras.leaveYear')}
            rules={[
              { required: true, pattern: /^\s*(199[1-9]|20\d\d|2100)\s*$/, message: t('calc.extras.leaveYearInvalid') },
            ]}
          >
            <Input inputMode="numeric" maxLength={4} data-testid="calc-leave-year" />
          </Form.Item>
          <Form.Item
            name="leaveWorkYears"
            label={t('calc.extras.leaveWorkYears')}
            rules={[rules.decimal(t('calc.extras.numberInvalid'), true)]}
          >
            <Input inputMode="decimal" data-testid="calc-leave-work-years" />
          </Form.Item>
          <Form.Item
            name="leaveDaysTaken"
            label={t('calc.extras.leaveDaysTaken')}
            rules={[rules.decimal(t('calc.extras.numberInvalid'))]}
          >
            <Input inputMode="decimal" placeholder="0" data-testid="calc-leave-days-taken" />
          </Form.Item>
          <Form.Item name="leaveDeclined" valuePropName="checked" extra={t('calc.extras.leaveDeclinedHelp')}>
            <Checkbox data-testid="calc-leave-declined">{t('calc.extras.leaveDeclined')}</Checkbox>
          </Form.Item>
        </Extra>

        <Extra name="injuryOn" label={t('calc.extras.injury')} testId="calc-injury">
          <Form.Item
            name="injuryGrade"
            label={t('calc.extras.injuryGrade')}
            extra={t('calc.extras.injuryHelp')}
            rules={[{ required: true, message: t('calc.extras.required') }]}
          >
            <Select
              data-testid="calc-injury-grade"
              options={Array.from({ length: 10 }, (_, i) => ({
                value: i + 1,
                label: t('calc.extras.grade', { n: i + 1 }),
              }))}
            />
          </Form.Item>
        </Extra>

        {situation === 'art40' && (
          <Form.Item name="noNotice" valuePropName="checked" noStyle>
            <Checkbox className="yz-choice" data-testid="calc-no-notice">
              {t('calc.extras.noNotice')}
            </Checkbox>
          </Form.Item>
        )}
      </Flex>
    </div>
  );
}
