import { Alert, App, Button, Card, Form, Input, InputNumber, Skeleton, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useErrorText, useShowError } from '../../../app/errors';
import { fenToYuanInput, parseYuanToFen } from '../../labor-law/money';
import './i18n';

export interface JointConfig {
  minWorkers: number;
  minClaimFen: number;
  onMediatorRequest: boolean;
}

interface Values {
  minWorkers: number;
  minClaimYuan: string;
  onMediatorRequest: boolean;
}

const toValues = (c: JointConfig): Values => ({
  minWorkers: c.minWorkers,
  minClaimYuan: fenToYuanInput(c.minClaimFen),
  onMediatorRequest: c.onMediatorRequest,
});

/** When a case should get a judge alongside the union mediator; only administrators change it. */
export function JointMediationCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const text = useErrorText();
  const [form] = Form.useForm<Values>();
  const [config, setConfig] = useState<JointConfig | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .get<JointConfig>('/api/disputes/settings/joint-mediation')
      .then((c) => live && setConfig(c))
      .catch((err) => live && showError(err));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (config) form.setFieldsValue(toValues(config));
  }, [config, form]);

  const submit = async (v: Values) => {
    const minClaimFen = parseYuanToFen(v.minClaimYuan);
    if (minClaimFen === null) return;
    setSaving(true);
    try {
      const saved = await api.put<JointConfig>('/api/disputes/settings/joint-mediation', {
        minWorkers: v.minWorkers,
        minClaimFen,
        onMediatorRequest: v.onMediatorRequest,
      });
      setConfig(saved);
      void message.success(t('common.saved'));
    } catch (err) {
      void message.error(text(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('disputes.settings.joint.title')} data-testid="joint-card">
      <Typography.Paragraph type="secondary">{t('disputes.settings.joint.hint')}</Typography.Paragraph>
      {!canEdit && (
        <Alert
          type="info"
          showIcon
          title={t('disputes.settings.joint.readOnly')}
          style={{ marginBottom: 16 }}
          data-testid="joint-readonly"
        />
      )}
      {!config ? (
        <Skeleton active />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          disabled={!canEdit}
          onFinish={(v) => void submit(v)}
          style={{ maxWidth: 420 }}
          data-testid="joint-form"
        >
          <Form.Item
            name="minWorkers"
            label={t('disputes.settings.joint.minWorkers')}
            rules={[{ required: true, message: t('disputes.settings.joint.required') }]}
          >
            <InputNumber
              min={0}
              max={10_000}
              precision={0}
              suffix={t('disputes.settings.joint.minWorkersSuffix')}
              style={{ width: '100%' }}
              data-testid="joint-min-workers"
            />
          </Form.Item>
          <Form.Item
            name="minClaimYuan"
            label={t('disputes.settings.joint.minClaim')}
            rules={[
              {
                validator: async (_, v: string) =>
                  parseYuanToFen(v) === null
                    ? Promise.reject(new Error(t('disputes.settings.joint.invalidAmount')))
                    : undefined,
              },
            ]}
          >
            <Input inputMode="decimal" suffix={t('disputes.yuan')} data-testid="joint-min-claim" />
          </Form.Item>
          <Form.Item
            name="onMediatorRequest"
            label={t('disputes.settings.joint.onMediatorRequest')}
            valuePropName="checked"
          >
            <Switch data-testid="joint-on-request" />
          </Form.Item>
          {canEdit && (
            <Button type="primary" htmlType="submit" loading={saving} data-testid="joint-save">
              {t('common.save')}
            </Button>
          )}
        </Form>
      )}
    </Card>
  );
}
