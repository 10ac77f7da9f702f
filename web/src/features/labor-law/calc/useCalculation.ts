import { Form } from 'antd';
import { keepPreviousData, skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaborLawResponse } from '../../../../../contracts/labor-law';
import { ApiRequestError, api, withQuery } from '../../../app/api';
import { useErrorText } from '../../../app/errors';
import { laborLawKeys } from '../queryKeys';
import {
  STEP_FIELDS,
  buildRequest,
  fieldMessage,
  formFieldFor,
  stepOf,
  type CalcField,
  type CalcValues,
} from '../request';
import type { CalculationQuery, Lang } from '../types';

export interface Computed {
  response: LaborLawResponse;
  values: CalcValues;
  lang: Lang;
}

export const LAST_STEP = STEP_FIELDS.length - 1;

function calculationQuery(values: CalcValues, lang: Lang) {
  const request = buildRequest(values);
  return {
    queryKey: laborLawKeys.calculation(request, lang),
    queryFn: async (): Promise<Computed> => {
      const query: CalculationQuery = { lang };
      const response = await api.post<LaborLawResponse>(withQuery('/api/labor-law/calculate', query), request);
      return { response, values, lang };
    },
  };
}

/**
 * The calculator's state and its one call: which step is shown, what was asked, and the answer.
 * The answer is a query keyed by the request and the language, so switching the language asks
 * again (the explanations come from the server in one language) while the old answer stays shown.
 */
export function useCalculation() {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const errText = useErrorText();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CalcValues>();
  const [step, setStep] = useState(0);
  const [asked, setAsked] = useState<CalcValues | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const topRef = useRef<HTMLDivElement>(null);

  const answer = useQuery({
    ...(asked ? calculationQuery(asked, lang) : { queryKey: laborLawKeys.calculation(null, lang), queryFn: skipToken }),
    placeholderData: keepPreviousData,
  });
  const computed = asked && !answer.isError ? (answer.data ?? null) : null;
  const shownProblem = problem ?? (asked && answer.error ? errText(answer.error) : null);

  const toTop = () => topRef.current?.scrollIntoView?.({ block: 'start' });
  const goTo = (n: number) => {
    setStep(n);
    toTop();
  };

  /** Asks the server; a refusal naming a field sends the user to that field's step. */
  const calculate = async (values: CalcValues) => {
    setSubmitting(true);
    setProblem(null);
    try {
      await queryClient.fetchQuery(calculationQuery(values, lang));
      setAsked(values);
      toTop();
    } catch (err) {
      setAsked(null);
      const field = err instanceof ApiRequestError ? formFieldFor(err.body.field, values) : null;
      if (field && err instanceof ApiRequestError) {
        setStep(stepOf(field));
        form.setFields([{ name: field, errors: [fieldMessage(err.body, lang)] }]);
        setTimeout(() => form.scrollToField(field, { block: 'center' }), 0);
      } else {
        setProblem(errText(err));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const next = async () => {
    try {
      await form.validateFields([...STEP_FIELDS[step]!] as CalcField[]);
    } catch {
      setTimeout(
        () => document.querySelector('.yz-calc .ant-form-item-has-error')?.scrollIntoView({ block: 'center' }),
        0,
      );
      return;
    }
    if (step < LAST_STEP) return goTo(step + 1);
    // Check every step once more (a server error may have sent the user back to an earlier one).
    try {
      await form.validateFields();
    } catch (err) {
      const first = (err as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0]?.name[0];
      if (typeof first === 'string') setStep(stepOf(first as CalcField));
      return;
    }
    await calculate(form.getFieldsValue(true) as CalcValues);
  };

  /** Back from the answer to the last step, with everything still filled in. */
  const edit = () => {
    setAsked(null);
    setProblem(null);
    goTo(LAST_STEP);
  };

  const restart = () => {
    form.resetFields();
    setAsked(null);
    setProblem(null);
    goTo(0);
  };

  return {
    form,
    lang,
    step,
    topRef,
    computed,
    problem: shownProblem,
    busy: submitting || answer.isFetching,
    goTo,
    next,
    edit,
    restart,
  };
}
