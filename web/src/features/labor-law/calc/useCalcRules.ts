import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseDecimal, parseYuanToFen, todayInChina } from '../money';
import { dateProblem, type CalcValues } from '../request';

/** Validation rules shared by the calculator's steps, worded for the user's language. */
export function useCalcRules() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<CalcValues>();
  const today = todayInChina();

  const date = (kind: 'hire' | 'end' | 'signed') => ({
    validator: (_: unknown, value: string | undefined) => {
      const p = dateProblem(kind, value, form.getFieldsValue(true) as CalcValues, today);
      return p
        ? Promise.reject(new Error(t(p === 'required' ? 'calc.dates.required' : `calc.dates.${p}`)))
        : Promise.resolve();
    },
  });

  const decimal = (message: string, required = false) => ({
    validator: (_: unknown, value: string | undefined) => {
      if (!value?.trim()) return required ? Promise.reject(new Error(t('calc.extras.required'))) : Promise.resolve();
      return parseDecimal(value) === null ? Promise.reject(new Error(message)) : Promise.resolve();
    },
  });

  const wage = {
    validator: (_: unknown, value: string | undefined) => {
      if (!value?.trim()) return Promise.reject(new Error(t('calc.wage.required')));
      const fen = parseYuanToFen(value);
      if (fen === null) return Promise.reject(new Error(t('calc.wage.invalid')));
      return fen === 0 ? Promise.reject(new Error(t('calc.wage.zero'))) : Promise.resolve();
    },
  };

  return { today, date, decimal, wage };
}
