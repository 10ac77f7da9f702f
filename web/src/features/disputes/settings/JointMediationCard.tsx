import { Alert, App, Button, Card, Form, Input, InputNumber, Skeleton, Switch, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useErrorText } from '../../../app/errors';
import { useApiQuery } from '../../../app/query';
import { fenToYuanInput, parseYuanToFen } from '../../labor-law/money';
import { disputesKeys } from '../queryKeys';
import type { JointConfig } from '../types';
import './i18n';

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
  const text = useErrorText();
  const queryClient = useQueryClient();
  const { data: config } = useApiQuery(disputesKeys.jointMediation, () =>
    api.get<JointConfig>('/api/disputes/settings/joint-mediation'),
  );
  // The server answers with what it stored: that becomes the cached settings, nothing is asked again.
  const save = useMutation({
    mutationFn: (body: JointConfig) => api.put<JointConfig>('/api/disputes/settings/joint-mediation', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(disputesKeys.jointMediation, saved);
      void message.success(t('common.saved'));
    },
    onError: (err) => void message.error(text(err)),
  });

  const submit = (v: Values) => {
    const minClaimFen = parseYuanToFen(v.minClaimYuan);
    if (minClaimFen !== null)
      save.mutate({ minWorkers: v.minWorkers, minClaimFen, onMediatorRequest: v.onMediatorRequest });
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
        // Mounted once the settings have loaded, so they are its initial values.
        <Form<Values>
          layout="vertical"
          initialValues={toValues(config)}
          disabled={!canEdit}
          onFinish={submit}
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
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="joint-save">
              {t('common.save')}
            </Button>
          )}
        </Form>
      )}
    </Card>
  );
}
