import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Col, Flex, Form, Input, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ApiRequestError, api } from '../../../app/api';
import { PageTitle } from '../../../app/components/PageTitle';
import { useErrorText } from '../../../app/errors';
import { todayInChina } from '../../labor-law/money';
import '../i18n';
import { disputesKeys } from '../queryKeys';
import type { CaseDetail } from '../types';
import { buildIntake, formPathFor, type IntakeValues } from './build';
import { ConstructionSection } from './ConstructionSection';
import { EmploymentSection } from './EmploymentSection';
import { PartiesSection } from './PartiesSection';
import { Section } from './Section';

const INITIAL: Partial<IntakeValues> = {
  oral: true,
  kind: 'court_pre_filing',
  workerCount: 1,
  representatives: [],
  employment: { wageStructure: 'monthly', workingHours: 'standard', contractSigned: false },
  claims: [{ type: 'wage_arrears' }],
  isConstruction: false,
  construction: { parties: [], crewBossReachable: true, developerPaidProjectFunds: 'unknown' },
};

const valueAt = (obj: unknown, path: (string | number)[]): unknown =>
  path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);

/** Counter intake by a mediator: the element-based form; the case page opens once it is registered. */
export default function IntakePage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const errText = useErrorText();
  const navigate = useNavigate();
  const [form] = Form.useForm<IntakeValues>();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  // The new case opens from the answer (no second read); the case lists now include it.
  const register = useMutation({
    mutationFn: ({ values, acceptUsccWarning }: { values: IntakeValues; acceptUsccWarning: boolean }) =>
      api.post<CaseDetail>('/api/disputes', { ...buildIntake(values), acceptUsccWarning }),
    onSuccess: (created) => {
      queryClient.setQueryData(disputesKeys.case(created.id), created);
      for (const queryKey of disputesKeys.lists) void queryClient.invalidateQueries({ queryKey });
    },
  });

  const submit = async (values: IntakeValues, acceptUsccWarning = false) => {
    setProblem(null);
    try {
      const created = await register.mutateAsync({ values, acceptUsccWarning });
      void message.success(t('disputes.intake.registered', { number: created.caseNumber }));
      void navigate(`/disputes/${created.id}`);
    } catch (err) {
      // A USCC failing only its check character: kept if the mediator compared it with the licence.
      if (err instanceof ApiRequestError && err.body.code === 'CONFIRMATION_REQUIRED' && !acceptUsccWarning) {
        void modal.confirm({
          title: t('disputes.intake.usccWarningTitle'),
          content: errText(err),
          okText: t('disputes.intake.usccWarningKeep'),
          cancelText: t('common.cancel'),
          okButtonProps: { 'data-testid': 'intake-uscc-keep' },
          onOk: () => submit(values, true),
        });
        return;
      }
      const path = err instanceof ApiRequestError ? formPathFor(err.body.field) : null;
      if (path && valueAt(form.getFieldsValue(true), path) !== undefined) {
        form.setFields([{ name: path as never, errors: [errText(err)] }]);
        form.scrollToField(path, { block: 'center' });
      } else {
        setProblem(errText(err));
      }
    }
  };

  return (
    <div style={{ maxWidth: 1100 }}>
      <PageTitle title={t('disputes.intake.title')} extra={<Link to="/disputes">{t('disputes.backToList')}</Link>} />
      <Form<IntakeValues>
        form={form}
        layout="vertical"
        autoComplete="off"
        initialValues={{ ...INITIAL, appliedOn: todayInChina() }}
        onFinish={() => void submit(form.getFieldsValue(true) as IntakeValues)}
        onFinishFailed={({ errorFields }) =>
          errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center' })
        }
        data-testid="intake-form"
        scrollToFirstError={false}
      >
        <Flex vertical gap={16}>
          <PartiesSection />
          <EmploymentSection />
          <ConstructionSection />
          <Section title={t('disputes.intake.narrativeSection')}>
            <Form.Item
              name="narrative"
              label={t('disputes.intake.narrative')}
              rules={[{ required: true, whitespace: true, min: 5, message: t('disputes.intake.narrativeRequired') }]}
            >
              <Input.TextArea rows={4} maxLength={5000} showCount data-testid="intake-narrative" />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="mediatorRequestsJudge" valuePropName="checked">
                  <Checkbox>{t('disputes.intake.requestJudge')}</Checkbox>
                </Form.Item>
              </Col>
            </Row>
          </Section>
          {problem && <Alert type="error" showIcon title={problem} data-testid="intake-error" />}
          <Flex gap={8} justify="flex-end">
            <Button onClick={() => void navigate('/disputes')}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="intake-submit">
              {t('disputes.intake.submit')}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </div>
  );
}
