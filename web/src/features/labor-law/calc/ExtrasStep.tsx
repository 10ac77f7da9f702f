import { Checkbox, Flex, Form, Input, Radio, Select, Typography } from 'antd';
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

  return (
    <div style={{ display: shown ? 'block' : 'none' }} data-testid="calc-step-extras">
      <Question>{t('calc.extras.question')}</Question>
      <Flex vertical gap={12}>
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
