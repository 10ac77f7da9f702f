import { Alert, Button, Card, Form, Input, Modal, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEVICE_KINDS, DEVICE_KIND_LABELS } from '../../../../contracts/stations/codes';
import { applyFieldError, useErrorText, useShowError } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { codeText } from './labels';
import type { Device, DeviceCreated, DeviceInput } from './types';
import type { StationState } from './useStation';

const SERIAL = /^[A-Za-z0-9_-]{4,64}$/;

/** The station's door terminals; who keeps stations adds one here and is shown its secret once. */
export function DevicesPanel({ s, canManage }: { s: StationState; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const none = t('common.none');
  const columns: TableColumnsType<Device> = [
    {
      title: t('stations.devices.serial'),
      dataIndex: 'serial',
      width: 180,
      render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
    },
    {
      title: t('stations.devices.kind'),
      dataIndex: 'kind',
      width: 200,
      render: (v: Device['kind']) => codeText(DEVICE_KIND_LABELS, v, lang),
    },
    {
      title: t('stations.devices.enabled'),
      dataIndex: 'enabled',
      width: 90,
      render: (v: boolean) =>
        v ? <Tag color="success">{t('stations.devices.on')}</Tag> : <Tag>{t('stations.devices.off')}</Tag>,
    },
    {
      title: t('stations.devices.lastSeenAt'),
      dataIndex: 'lastSeenAt',
      width: 150,
      render: (v: string | null) => (v ? formatDateTime(v) : t('stations.devices.never')),
    },
    {
      title: t('stations.devices.pendingCommands'),
      dataIndex: 'pendingCommands',
      width: 110,
      align: 'right',
      render: (v: number) => v || none,
    },
  ];
  return (
    <Card title={t('stations.devices.title')}>
      {canManage && <AddDevice s={s} />}
      <Table<Device>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={s.devices}
        loading={s.devicesLoading}
        pagination={false}
        scroll={{ x: 730 }}
        locale={{ emptyText: t('stations.devices.empty') }}
        data-testid="station-devices"
      />
    </Card>
  );
}

/** The add form (serial, kind) and, once added, the modal with the secret: the only time it is shown. */
function AddDevice({ s }: { s: StationState }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<DeviceInput>();
  const errorText = useErrorText();
  const showError = useShowError();
  const [created, setCreated] = useState<DeviceCreated | null>(null);

  const add = async (v: DeviceInput) => {
    try {
      setCreated(await s.addDevice.mutateAsync({ serial: v.serial.trim(), kind: v.kind }));
      form.resetFields();
    } catch (err) {
      if (!applyFieldError(form, err, errorText)) showError(err);
    }
  };

  return (
    <>
      <Form<DeviceInput>
        form={form}
        name="station-device"
        layout="inline"
        initialValues={{ kind: 'door_adms' }}
        onFinish={(v) => void add(v)}
        style={{ marginBottom: 16, rowGap: 8 }}
        data-testid="station-device-form"
      >
        <Form.Item
          name="serial"
          rules={[
            { required: true, whitespace: true, message: t('stations.required') },
            { pattern: SERIAL, message: t('stations.devices.serialFormat') },
          ]}
        >
          <Input
            placeholder={t('stations.devices.serial')}
            aria-label={t('stations.devices.serial')}
            maxLength={64}
            style={{ width: 200, fontFamily: 'monospace' }}
          />
        </Form.Item>
        <Form.Item name="kind" rules={[{ required: true, message: t('stations.required') }]}>
          <Select
            aria-label={t('stations.devices.kind')}
            style={{ width: 220 }}
            options={DEVICE_KINDS.map((k) => ({ value: k, label: codeText(DEVICE_KIND_LABELS, k, i18n.language) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={s.addDevice.isPending} data-testid="station-device-add">
            {t('stations.devices.add')}
          </Button>
        </Form.Item>
      </Form>
      <SecretModal device={created} onClose={() => setCreated(null)} />
    </>
  );
}

/** The new terminal's secret, with a copy button; closing forgets it (the server never answers it again). */
function SecretModal({ device, onClose }: { device: DeviceCreated | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={device !== null}
      title={t('stations.devices.secretTitle')}
      onCancel={onClose}
      // Only the button closes it: a stray click beside the window must not lose the secret.
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="station-device-secret-done">
          {t('stations.devices.secretDone')}
        </Button>
      }
      data-testid="station-device-secret-modal"
    >
      <Alert type="warning" showIcon title={t('stations.devices.secretWarning')} style={{ marginBottom: 16 }} />
      {device && (
        <>
          <Typography.Paragraph>{t('stations.devices.secretFor', { serial: device.serial })}</Typography.Paragraph>
          <Typography.Paragraph
            code
            copyable={{
              text: device.secret,
              tooltips: [t('stations.devices.copy'), t('stations.devices.copied')],
            }}
            style={{ wordBreak: 'break-all', fontSize: 16 }}
            data-testid="station-device-secret"
          >
            {device.secret}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
