import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Question } from './Question';
import { useCalcRules } from './useCalcRules';

/** Step 3: the monthly wage the worker was paid. */
export function WageStep({ shown }: { shown: boolean }) {
  const { t } = useTranslation();
  const rules = useCalcRules();
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
    </div>
  );
}
