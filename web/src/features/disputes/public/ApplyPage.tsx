import { Alert, Button, Card, Flex, Form, Result, Steps, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { IntakeInput } from '../../../../../contracts/disputes';
import { ApiRequestError } from '../../../app/api';
import { useErrorText } from '../../../app/errors';
import '../../employers/i18n';
import '../../labor-law/calc.css';
import { disputesKeys } from '../queryKeys';
import { buildApplication, stepOfField, type ApplyValues } from './application';
import { APPLY_STEP_FIELDS, ApplySteps } from './ApplySteps';
import './i18n';
import { publicApi, type ApplicationReceipt, type StudioList } from './publicApi';
import { PageHeading } from '../../../app/components/PageHeading';

const STEP_KEYS = ['you', 'employer', 'work', 'claims'] as const;
const big = { height: 48, fontSize: 16 } as const;

/** A worker applies for mediation on the phone, without an account; the answer is the case number. */
export default function ApplyPage() {
  const { t } = useTranslation();
  const errText = useErrorText();
  const [form] = Form.useForm<ApplyValues>();
  const values = Form.useWatch([], form) ?? {};
  const [step, setStep] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<{ caseNumber: string; phone: string } | null>(null);
  const top = useRef<HTMLDivElement>(null);
  const toTop = () => top.current?.scrollIntoView?.({ block: 'start' });
  // The studios to choose from; with only one, it takes the application without asking.
  const studios =
    useQuery({
      queryKey: disputesKeys.studios,
      queryFn: () => publicApi.get<StudioList>('/studios').then((r) => r.items),
    }).data ?? [];
  const onlyStudio = studios.length === 1 ? studios[0]!.id : undefined;
  // Sending the application registers a case and texts the worker: a mutation, never repeated by itself.
  const submit = useMutation({
    mutationFn: (body: IntakeInput) => publicApi.post<ApplicationReceipt>('/apply', body),
  });

  const next = async () => {
    const last = step === STEP_KEYS.length - 1;
    try {
      await (last ? form.validateFields() : form.validateFields(APPLY_STEP_FIELDS[step]));
    } catch (err) {
      const first = (err as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0]?.name;
      const at = first ? APPLY_STEP_FIELDS.findIndex((f) => f.includes(first[0] as keyof ApplyValues)) : -1;
      if (at >= 0 && at !== step) setStep(at);
      setTimeout(
        () => document.querySelector('.yz-calc .ant-form-item-has-error')?.scrollIntoView?.({ block: 'center' }),
        0,
      );
      return;
    }
    if (!last) {
      setStep(step + 1);
      toTop();
      return;
    }
    setProblem(null);
    const all = form.getFieldsValue(true) as ApplyValues;
    submit.mutate(buildApplication({ ...all, mediationBodyId: all.mediationBodyId ?? onlyStudio }), {
      onSuccess: (r) => {
        setDone({ caseNumber: r.caseNumber, phone: all.phone?.trim() ?? '' });
        toTop();
      },
      onError: (err) => {
        const field = err instanceof ApiRequestError ? err.body.field : undefined;
        setProblem(errText(err));
        if (field) setStep(stepOfField(field));
      },
    });
  };

  if (done) {
    return (
      <div className="yz-calc" style={{ maxWidth: 640, margin: '0 auto' }} ref={top}>
        <Result
          status="success"
          title={t('disputesPublic.apply.doneTitle')}
          subTitle={
            <>
              <span style={{ display: 'block', fontSize: 15 }}>{t('disputesPublic.apply.doneNumber')}</span>
              <Typography.Text
                copyable
                strong
                style={{ fontSize: 20, color: '#c62828' }}
                data-testid="apply-case-number"
              >
                {done.caseNumber}
              </Typography.Text>
              <span style={{ display: 'block', marginTop: 12 }}>{t('disputesPublic.apply.doneHow')}</span>
            </>
          }
          extra={
            <Link to="/track" state={done}>
              <Button type="primary" style={big} data-testid="apply-track">
                {t('disputesPublic.apply.track')}
              </Button>
            </Link>
          }
        />
      </div>
    );
  }

  return (
    <div className="yz-calc" ref={top} style={{ maxWidth: 640, margin: '0 auto', scrollMarginTop: 64 }}>
      <PageHeading look={3} style={{ marginTop: 0, marginBottom: 4 }} data-testid="apply-title">
        {t('disputesPublic.apply.title')}
      </PageHeading>
      <Typography.Paragraph type="secondary" style={{ fontSize: 15 }}>
        {t('disputesPublic.apply.intro')}
      </Typography.Paragraph>
      <Steps
        current={step}
        size="small"
        responsive={false}
        titlePlacement="vertical"
        onChange={(n) => n < step && setStep(n)}
        items={STEP_KEYS.map((k) => ({ title: t(`disputesPublic.apply.steps.${k}`) }))}
        style={{ marginBottom: 16 }}
      />
      <Card styles={{ body: { padding: 16 } }}>
        <Form<ApplyValues>
          form={form}
          layout="vertical"
          size="large"
          autoComplete="off"
          requiredMark={false}
          initialValues={{ claims: [], amounts: {} }}
        >
          <ApplySteps step={step} values={values} studios={studios} />
        </Form>
        {problem && (
          <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="apply-error" />
        )}
        <Flex gap={12}>
          {step > 0 && (
            <Button style={{ ...big, flex: 1 }} onClick={() => setStep(step - 1)} data-testid="apply-back">
              {t('disputesPublic.back')}
            </Button>
          )}
          <Button
            type="primary"
            style={{ ...big, flex: 2 }}
            loading={submit.isPending}
            onClick={() => void next()}
            data-testid="apply-next"
          >
            {step === STEP_KEYS.length - 1 ? t('disputesPublic.apply.submit') : t('disputesPublic.next')}
          </Button>
        </Flex>
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 13 }}>
        {t('disputesPublic.apply.already')} <Link to="/track">{t('disputesPublic.apply.trackLink')}</Link> ·{' '}
        <Link to="/calc">{t('disputesPublic.apply.calcLink')}</Link>
      </Typography.Paragraph>
    </div>
  );
}
