import { Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ART38_REASONS, SITUATIONS, type CalcValues } from '../request';
import { Question } from './Question';
import { useCalcRules } from './useCalcRules';

/** Step 2: when work began and how it stands now (still employed, or how it ended and when). */
export function DatesStep({ shown }: { shown: boolean }) {
  const { t } = useTranslation();
  const rules = useCalcRules();
  const situation = Form.useWatch<CalcValues['situation']>('situation', Form.useFormInstance());
  const left = situation !== undefined && situation !== 'employed';
  return (
    <div style={{ display: shown ? 'block' : 'none' }} data-testid="calc-step-dates">
      <Question>{t('calc.dates.question')}</Question>
      <Form.Item name="hireDate" label={t('calc.dates.hireDate')} rules={[rules.date('hire')]}>
        <Input type="date" max={rules.today} min="1950-01-01" data-testid="calc-hire-date" />
      </Form.Item>
      <Form.Item
        name="situation"
        label={t('calc.dates.situation')}
        rules={[{ required: true, message: t('calc.dates.situationRequired') }]}
      >
        <Radio.Group className="yz-choices">
          {SITUATIONS.map((s) => (
            <Radio key={s} value={s} className="yz-choice">
              <span data-testid={`calc-situation-${s}`}>{t(`calc.situations.${s}`)}</span>
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {situation === 'art38' && (
        <Form.Item
          name="art38Reason"
          label={t('calc.dates.art38Reason')}
          extra={t('calc.dates.art38ReasonHelp')}
          rules={[{ required: true, message: t('calc.dates.situationRequired') }]}
        >
          <Select
            data-testid="calc-art38-reason"
            placeholder={t('calc.dates.art38ReasonPlaceholder')}
            options={ART38_REASONS.map((r) => ({ value: r, label: t(`calc.art38Reasons.${r}`) }))}
          />
        </Form.Item>
      )}
      {left && (
        <Form.Item
          name="endDate"
          label={t('calc.dates.endDate')}
          dependencies={['hireDate']}
          rules={[rules.date('end')]}
        >
          <Input type="date" min="1950-01-01" data-testid="calc-end-date" />
        </Form.Item>
      )}
    </div>
  );
}
