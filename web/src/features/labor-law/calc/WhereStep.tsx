import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { COMMON_CITIES, cityLabel } from '../cities';
import type { CalcValues } from '../request';
import { Question } from './Question';

/** Step 1: the city of work (its local wage figures apply), or a region code for anywhere else. */
export function WhereStep({ shown }: { shown: boolean }) {
  const { t, i18n } = useTranslation();
  const city = Form.useWatch<CalcValues['city']>('city', Form.useFormInstance());
  return (
    <div style={{ display: shown ? 'block' : 'none' }} data-testid="calc-step-where">
      <Question>{t('calc.where.question')}</Question>
      <Form.Item
        name="city"
        label={t('calc.where.city')}
        rules={[{ required: true, message: t('calc.where.required') }]}
      >
        <Select
          data-testid="calc-city"
          placeholder={t('calc.where.cityPlaceholder')}
          options={[
            ...COMMON_CITIES.map((c) => ({ value: c.code, label: cityLabel(c, i18n.language === 'en') })),
            { value: 'other', label: t('calc.where.other') },
          ]}
          listHeight={320}
          virtual={false}
        />
      </Form.Item>
      {city === 'other' && (
        <Form.Item
          name="regionCode"
          label={t('calc.where.code')}
          extra={t('calc.where.codeHelp')}
          rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('calc.where.codeInvalid') }]}
        >
          <Input inputMode="numeric" maxLength={6} placeholder="442000" data-testid="calc-region-code" />
        </Form.Item>
      )}
    </div>
  );
}
