import { Alert, Button, Card, Checkbox, Flex, Form, Input, Radio, Select, Steps, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaborLawResponse } from '../../../../contracts/labor-law';
import { ApiRequestError, api } from '../../app/api';
import { useErrorText } from '../../app/errors';
import { useIsMobile } from '../../app/layout/useIsMobile';
import { CalcResult } from './CalcResult';
import { COMMON_CITIES, cityLabel } from './cities';
import './calc.css';
import './i18n';
import { isCalendarDate, parseDecimal, parseYuanToFen, todayInChina } from './money';
import {
  SITUATIONS,
  STEP_FIELDS,
  buildRequest,
  dateProblem,
  fieldMessage,
  formFieldFor,
  stepOf,
  type CalcField,
  type CalcValues,
} from './request';

type Lang = 'zh' | 'en';

export interface Computed {
  response: LaborLawResponse;
  values: CalcValues;
  lang: Lang;
}

const bigButton = { height: 48, fontSize: 16 } as const;
const STEP_KEYS = ['where', 'dates', 'wage', 'extras'] as const;

/** A question heading for one step. */
function Question({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={5} style={{ marginTop: 0, marginBottom: 16 }}>
      {children}
    </Typography.Title>
  );
}

/**
 * What a worker is owed: a four-step form in plain words, then each item with its statute and
 * arithmetic. Open without signing in (phone first); signed-in users reach it from the menu.
 */
export default function CalcPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const mobile = useIsMobile();
  const errText = useErrorText();
  const [form] = Form.useForm<CalcValues>();
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [computed, setComputed] = useState<Computed | null>(null);
  const today = todayInChina();
  const topRef = useRef<HTMLDivElement>(null);

  const city = Form.useWatch('city', form);
  const situation = Form.useWatch('situation', form);
  const noContract = Form.useWatch('noContract', form);
  const contractSigned = Form.useWatch('contractSigned', form);
  const overtimeOn = Form.useWatch('overtimeOn', form);
  const leaveOn = Form.useWatch('leaveOn', form);
  const injuryOn = Form.useWatch('injuryOn', form);
  const left = situation !== undefined && situation !== 'employed';

  const toTop = () => topRef.current?.scrollIntoView?.({ block: 'start' });

  const calculate = useCallback(
    async (values: CalcValues, inLang: Lang) => {
      setBusy(true);
      setProblem(null);
      try {
        const response = await api.post<LaborLawResponse>(
          `/api/labor-law/calculate?lang=${inLang}`,
          buildRequest(values),
        );
        setComputed({ response, values, lang: inLang });
        toTop();
      } catch (err) {
        const field = err instanceof ApiRequestError ? formFieldFor(err.body.field, values) : null;
        setComputed(null);
        if (field && err instanceof ApiRequestError) {
          setStep(stepOf(field));
          form.setFields([{ name: field, errors: [fieldMessage(err.body, inLang)] }]);
          setTimeout(() => form.scrollToField(field, { block: 'center' }), 0);
        } else {
          setProblem(errText(err));
        }
      } finally {
        setBusy(false);
      }
    },
    [form, errText],
  );

  // The explanations come from the server in one language: ask again when the language changes.
  const latest = useRef({ computed, calculate });
  latest.current = { computed, calculate };
  useEffect(() => {
    const { computed: shown, calculate: run } = latest.current;
    if (shown && shown.lang !== lang) void run(shown.values, lang);
  }, [lang]);

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
    if (step < STEP_FIELDS.length - 1) {
      setStep(step + 1);
      toTop();
      return;
    }
    // Check every step once more (a server error may have sent the user back to an earlier one).
    try {
      await form.validateFields();
    } catch (err) {
      const first = (err as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0]?.name[0];
      if (typeof first === 'string') setStep(stepOf(first as CalcField));
      return;
    }
    await calculate(form.getFieldsValue(true) as CalcValues, lang);
  };

  const dateRule = (kind: 'hire' | 'end' | 'signed') => ({
    validator: (_: unknown, value: string | undefined) => {
      const p = dateProblem(kind, value, form.getFieldsValue(true) as CalcValues, today);
      return p
        ? Promise.reject(new Error(t(p === 'required' ? 'calc.dates.required' : `calc.dates.${p}`)))
        : Promise.resolve();
    },
  });
  const decimalRule = (message: string, required = false) => ({
    validator: (_: unknown, value: string | undefined) => {
      if (!value?.trim()) return required ? Promise.reject(new Error(t('calc.extras.required'))) : Promise.resolve();
      return parseDecimal(value) === null ? Promise.reject(new Error(message)) : Promise.resolve();
    },
  });

  const restart = () => {
    form.resetFields();
    setComputed(null);
    setProblem(null);
    setStep(0);
    toTop();
  };

  const stepStyle = (i: number) => ({ display: i === step ? 'block' : 'none' });

  return (
    <div className="yz-calc" ref={topRef} style={{ maxWidth: 640, margin: '0 auto', scrollMarginTop: 64 }}>
      {computed ? (
        <CalcResult
          computed={computed}
          busy={busy}
          onEdit={() => {
            setComputed(null);
            setStep(STEP_FIELDS.length - 1);
            toTop();
          }}
          onRestart={restart}
        />
      ) : (
        <>
          <Typography.Title level={3} style={{ marginTop: mobile ? 4 : 0, marginBottom: 4 }} data-testid="calc-title">
            {t('calc.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ fontSize: 15 }}>
            {t('calc.intro')}
          </Typography.Paragraph>
          <Steps
            className="yz-no-print"
            current={step}
            size="small"
            responsive={false}
            titlePlacement="vertical"
            onChange={(n) => n < step && setStep(n)}
            items={STEP_KEYS.map((k) => ({ title: t(`calc.steps.${k}`) }))}
            style={{ marginBottom: 16 }}
          />
          <Card styles={{ body: { padding: mobile ? 16 : 24 } }}>
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }} data-testid="calc-step">
              {t('calc.stepOf', { n: step + 1, total: STEP_KEYS.length })}
            </Typography.Text>
            <Form<CalcValues> form={form} layout="vertical" size="large" autoComplete="off" requiredMark={false}>
              {/* ① where */}
              <div style={stepStyle(0)} data-testid="calc-step-where">
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
                      ...COMMON_CITIES.map((c) => ({ value: c.code, label: cityLabel(c, lang === 'en') })),
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

              {/* ② dates and what happened */}
              <div style={stepStyle(1)} data-testid="calc-step-dates">
                <Question>{t('calc.dates.question')}</Question>
                <Form.Item name="hireDate" label={t('calc.dates.hireDate')} rules={[dateRule('hire')]}>
                  <Input type="date" max={today} min="1950-01-01" data-testid="calc-hire-date" />
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
                {left && (
                  <Form.Item
                    name="endDate"
                    label={t('calc.dates.endDate')}
                    dependencies={['hireDate']}
                    rules={[dateRule('end')]}
                  >
                    <Input type="date" min="1950-01-01" data-testid="calc-end-date" />
                  </Form.Item>
                )}
              </div>

              {/* ③ wage */}
              <div style={stepStyle(2)} data-testid="calc-step-wage">
                <Question>{t('calc.wage.question')}</Question>
                <Form.Item
                  name="monthlyWage"
                  label={t('calc.wage.monthlyWage')}
                  extra={t('calc.wage.help')}
                  rules={[
                    {
                      validator: (_, value: string | undefined) => {
                        if (!value?.trim()) return Promise.reject(new Error(t('calc.wage.required')));
                        const fen = parseYuanToFen(value);
                        if (fen === null) return Promise.reject(new Error(t('calc.wage.invalid')));
                        return fen === 0 ? Promise.reject(new Error(t('calc.wage.zero'))) : Promise.resolve();
                      },
                    },
                  ]}
                >
                  <Input
                    inputMode="decimal"
                    placeholder={t('calc.wage.placeholder')}
                    suffix={t('calc.wage.yuan')}
                    data-testid="calc-wage"
                  />
                </Form.Item>
              </div>

              {/* ④ optional extras */}
              <div style={stepStyle(3)} data-testid="calc-step-extras">
                <Question>{t('calc.extras.question')}</Question>
                <Flex vertical gap={12}>
                  <div>
                    <Form.Item name="noContract" valuePropName="checked" noStyle>
                      <Checkbox className="yz-choice" data-testid="calc-no-contract">
                        {t('calc.extras.noContract')}
                      </Checkbox>
                    </Form.Item>
                    {noContract && (
                      <div className="yz-sub">
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
                            rules={[dateRule('signed')]}
                          >
                            <Input type="date" max={today} min="1950-01-01" data-testid="calc-signed-date" />
                          </Form.Item>
                        )}
                      </div>
                    )}
                  </div>

                  <div>
                    <Form.Item name="overtimeOn" valuePropName="checked" noStyle>
                      <Checkbox className="yz-choice" data-testid="calc-overtime">
                        {t('calc.extras.overtime')}
                      </Checkbox>
                    </Form.Item>
                    {overtimeOn && (
                      <div className="yz-sub">
                        {(['otWorkday', 'otRestDay', 'otHoliday'] as const).map((name) => (
                          <Form.Item
                            key={name}
                            name={name}
                            label={t(`calc.extras.${name}`)}
                            rules={[decimalRule(t('calc.extras.hoursInvalid'))]}
                          >
                            <Input inputMode="decimal" placeholder="0" data-testid={`calc-${name}`} />
                          </Form.Item>
                        ))}
                        <Typography.Text type="secondary">{t('calc.extras.otHelp')}</Typography.Text>
                      </div>
                    )}
                  </div>

                  <div>
                    <Form.Item name="leaveOn" valuePropName="checked" noStyle>
                      <Checkbox
                        className="yz-choice"
                        data-testid="calc-leave"
                        onChange={(e) => {
                          if (!e.target.checked || form.getFieldValue('leaveYear')) return;
                          const end = form.getFieldValue('endDate') as string | undefined;
                          form.setFieldValue('leaveYear', (left && isCalendarDate(end) ? end! : today).slice(0, 4));
                        }}
                      >
                        {t('calc.extras.leave')}
                      </Checkbox>
                    </Form.Item>
                    {leaveOn && (
                      <div className="yz-sub">
                        <Form.Item
                          name="leaveYear"
                          label={t('calc.extras.leaveYear')}
                          rules={[
                            {
                              required: true,
                              pattern: /^\s*(199[1-9]|20\d\d|2100)\s*$/,
                              message: t('calc.extras.leaveYearInvalid'),
                            },
                          ]}
                        >
                          <Input inputMode="numeric" maxLength={4} data-testid="calc-leave-year" />
                        </Form.Item>
                        <Form.Item
                          name="leaveWorkYears"
                          label={t('calc.extras.leaveWorkYears')}
                          rules={[decimalRule(t('calc.extras.numberInvalid'), true)]}
                        >
                          <Input inputMode="decimal" data-testid="calc-leave-work-years" />
                        </Form.Item>
                        <Form.Item
                          name="leaveDaysTaken"
                          label={t('calc.extras.leaveDaysTaken')}
                          rules={[decimalRule(t('calc.extras.numberInvalid'))]}
                        >
                          <Input inputMode="decimal" placeholder="0" data-testid="calc-leave-days-taken" />
                        </Form.Item>
                      </div>
                    )}
                  </div>

                  <div>
                    <Form.Item name="injuryOn" valuePropName="checked" noStyle>
                      <Checkbox className="yz-choice" data-testid="calc-injury">
                        {t('calc.extras.injury')}
                      </Checkbox>
                    </Form.Item>
                    {injuryOn && (
                      <div className="yz-sub">
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
                      </div>
                    )}
                  </div>

                  {situation === 'art40' && (
                    <Form.Item name="noNotice" valuePropName="checked" noStyle>
                      <Checkbox className="yz-choice" data-testid="calc-no-notice">
                        {t('calc.extras.noNotice')}
                      </Checkbox>
                    </Form.Item>
                  )}
                </Flex>
              </div>

              {problem && (
                <Alert type="error" showIcon title={problem} style={{ marginTop: 16 }} data-testid="calc-error" />
              )}
              <Flex gap={12} style={{ marginTop: 24 }}>
                {step > 0 && (
                  <Button
                    style={{ ...bigButton, flex: 1 }}
                    onClick={() => {
                      setStep(step - 1);
                      toTop();
                    }}
                    data-testid="calc-prev"
                  >
                    {t('calc.prev')}
                  </Button>
                )}
                <Button
                  type="primary"
                  loading={busy}
                  onClick={() => void next()}
                  style={{ ...bigButton, flex: 2 }}
                  data-testid="calc-next"
                >
                  {step === STEP_FIELDS.length - 1 ? t('calc.submit') : t('calc.next')}
                </Button>
              </Flex>
            </Form>
          </Card>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
            {t('calc.disclaimer')}
            {lang === 'en' && <> {t('calc.disclaimerEn')}</>}
          </Typography.Paragraph>
        </>
      )}
    </div>
  );
}
