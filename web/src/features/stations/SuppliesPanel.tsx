import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { SUPPLY_UNITS } from '../../../../contracts/stations/codes';
import type { SupplyItem, SupplyItemInput, SupplyMove, SupplyMoveKind } from '../../../../contracts/stations/supplies';
import { ApiRequestError } from '../../app/api';
import { applyFieldError, useErrorText, useShowError } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { DonorPicker } from './DonorPicker';
import { useSupplies, type MoveValues, type SuppliesState } from './useSupplies';

const KIND_COLORS: Record<SupplyMoveKind, string> = { donation: 'green', consumed: 'orange', adjusted: 'blue' };

/** A signed quantity as the stock saw it: consumption is taken off. */
const signed = (kind: SupplyMoveKind, quantity: number) =>
  kind === 'consumed' ? `-${quantity}` : quantity > 0 ? `+${quantity}` : String(quantity);

/**
 * The station's supplies: the items with their stock and a tag when low, the forms to record a
 * donation, a consumption (the station's manager too) or an adjustment, and the records paged with
 * the thank-you to each donor.
 */
export function SuppliesPanel({ code, canManage }: { code: string; canManage: boolean }) {
  const { t } = useTranslation();
  const s = useSupplies(code);
  const moveButton = (item: SupplyItem, kind: SupplyMoveKind, testId?: string) => (
    <Button size="small" onClick={() => s.openMove(item, kind)} data-testid={testId}>
      {t(`stations.supplies.${kind === 'donation' ? 'donate' : kind === 'consumed' ? 'consume' : 'adjust'}`)}
    </Button>
  );
  return (
    <Card
      title={t('stations.supplies.title')}
      extra={
        canManage && (
          <Button size="small" type="primary" onClick={s.openCreate} data-testid="supply-add">
            {t('stations.supplies.add')}
          </Button>
        )
      }
      data-testid="supplies-panel"
    >
      <Table<SupplyItem>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        loading={s.loading && s.items.length === 0}
        dataSource={s.items}
        locale={{ emptyText: t('stations.supplies.empty') }}
        onRow={(item) => ({ 'data-testid': 'supply-row', 'data-low': String(item.low) }) as object}
        columns={[
          { key: 'name', title: t('stations.supplies.name'), dataIndex: 'name' },
          {
            key: 'stock',
            title: t('stations.supplies.stock'),
            render: (_, item) => (
              <Flex gap={4} align="center">
                <span>
                  {item.stock} {item.unit}
                </span>
                <Tag color={item.low ? 'red' : 'green'} style={{ margin: 0 }}>
                  {t(item.low ? 'stations.supplies.low' : 'stations.supplies.enough')}
                </Tag>
              </Flex>
            ),
          },
          {
            key: 'lowAt',
            title: t('stations.supplies.lowAt'),
            render: (_, item) => `${item.lowAt} ${item.unit}`,
          },
          {
            key: 'lastMove',
            title: t('stations.supplies.lastMove'),
            render: (_, item) =>
              item.lastMove
                ? `${t(`stations.supplies.kinds.${item.lastMove.kind}`)} ${signed(item.lastMove.kind, item.lastMove.quantity)} · ${formatDateTime(item.lastMove.at)}`
                : t('stations.supplies.none'),
          },
          {
            key: 'actions',
            title: t('stations.supplies.actions'),
            render: (_, item) => (
              <Flex gap={4} wrap>
                {moveButton(item, 'consumed', 'supply-consume')}
                {canManage && moveButton(item, 'donation', 'supply-donate')}
                {canManage && moveButton(item, 'adjusted', 'supply-adjust')}
              </Flex>
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('stations.supplies.moves')}
      </Typography.Title>
      <MovesTable s={s} canManage={canManage} />
      {s.creating && <CreateModal s={s} />}
      {s.moving && <MoveModal key={`${s.moving.item.id}-${s.moving.kind}`} s={s} code={code} />}
      {s.thanking && <ThankModal key={s.thanking.id} s={s} />}
    </Card>
  );
}

function MovesTable({ s, canManage }: { s: SuppliesState; canManage: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<SupplyMove>
      size="small"
      rowKey="id"
      scroll={{ x: 'max-content' }}
      loading={s.movesLoading}
      dataSource={s.moves}
      pagination={{ ...s.movesPagination, showSizeChanger: false }}
      locale={{ emptyText: t('stations.supplies.movesEmpty') }}
      onRow={() => ({ 'data-testid': 'supply-move' }) as object}
      columns={[
        { key: 'at', title: t('stations.supplies.at'), render: (_, m) => formatDateTime(m.at) },
        { key: 'item', title: t('stations.supplies.name'), dataIndex: 'itemName' },
        {
          key: 'kind',
          title: t('stations.supplies.quantity'),
          render: (_, m) => (
            <Flex gap={4} align="center">
              <Tag color={KIND_COLORS[m.kind]} style={{ margin: 0 }}>
                {t(`stations.supplies.kinds.${m.kind}`)}
              </Tag>
              {signed(m.kind, m.quantity)} {m.unit}
            </Flex>
          ),
        },
        { key: 'donor', title: t('stations.supplies.donor'), render: (_, m) => m.donorName ?? '' },
        {
          key: 'thank',
          title: t('stations.supplies.thank'),
          render: (_, m) =>
            m.kind !== 'donation' ? null : m.thankedAt ? (
              <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                {t('stations.supplies.thanked')}：{m.thankNote}
              </Typography.Text>
            ) : (
              canManage && (
                <Button size="small" onClick={() => s.openThank(m)} data-testid="supply-thank">
                  {t('stations.supplies.thank')}
                </Button>
              )
            ),
        },
        { key: 'by', title: t('stations.supplies.recordedBy'), render: (_, m) => m.recordedBy ?? '' },
      ]}
    />
  );
}

/** Sends the form; a field error goes on its field, a 409 shows the server's message and closes. */
function useSubmit<V>(form: FormInstance, send: (values: V) => Promise<unknown>, close: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const showError = useShowError();
  return async (values: V) => {
    try {
      await send(values);
      void message.success(t('stations.supplies.saved'));
      close();
    } catch (err) {
      if (applyFieldError(form, err, errorText)) return;
      showError(err);
      if (err instanceof ApiRequestError && err.status === 409) close();
    }
  };
}

const required = (message: string) => [{ required: true, message }];

function CreateModal({ s }: { s: SuppliesState }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SupplyItemInput>();
  const submit = useSubmit<SupplyItemInput>(form, s.create, s.closeCreate);
  return (
    <Modal
      open
      width={440}
      title={t('stations.supplies.addTitle')}
      okText={t('stations.supplies.save')}
      okButtonProps={{ 'data-testid': 'supply-save' }}
      confirmLoading={s.sending}
      onOk={() => form.submit()}
      onCancel={s.closeCreate}
    >
      <Form<SupplyItemInput>
        form={form}
        name="station-supply-create"
        layout="vertical"
        initialValues={{ unit: SUPPLY_UNITS[0], lowAt: 10 }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="name" label={t('stations.supplies.name')} rules={required(t('stations.supplies.required'))}>
          <Input maxLength={32} data-testid="supply-name" />
        </Form.Item>
        <Form.Item name="unit" label={t('stations.supplies.unit')} rules={required(t('stations.supplies.required'))}>
          <Select options={SUPPLY_UNITS.map((u) => ({ value: u, label: u }))} />
        </Form.Item>
        <Form.Item
          name="lowAt"
          label={t('stations.supplies.lowAt')}
          extra={t('stations.supplies.lowAtHelp')}
          rules={required(t('stations.supplies.required'))}
        >
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="stock" label={t('stations.supplies.startStock')} style={{ marginBottom: 0 }}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A donation, consumption or adjustment of one item, at the version shown. */
function MoveModal({ s, code }: { s: SuppliesState; code: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MoveValues>();
  const { item, kind } = s.moving!;
  const send = (v: MoveValues) =>
    s.sendMove({
      quantity: v.quantity,
      donorAccountId: v.donorAccountId?.trim() || undefined,
      donorName: v.donorName?.trim() || undefined,
      note: v.note?.trim() || undefined,
    });
  const submit = useSubmit<MoveValues>(form, send, s.closeMove);
  const action = kind === 'donation' ? 'donate' : kind === 'consumed' ? 'consume' : 'adjust';
  return (
    <Modal
      open
      width={440}
      title={`${t(`stations.supplies.${action}`)} · ${item.name}`}
      okText={t('stations.supplies.save')}
      okButtonProps={{ 'data-testid': 'supply-save' }}
      confirmLoading={s.sending}
      onOk={() => form.submit()}
      onCancel={s.closeMove}
    >
      <Typography.Paragraph type="secondary">
        {t('stations.supplies.stock')}：{item.stock} {item.unit}
      </Typography.Paragraph>
      <Form<MoveValues> form={form} name="station-supply-move" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="quantity"
          label={t(kind === 'adjusted' ? 'stations.supplies.adjustQuantity' : 'stations.supplies.quantity')}
          rules={required(t('stations.supplies.required'))}
        >
          <InputNumber
            min={kind === 'adjusted' ? undefined : 1}
            precision={0}
            addonAfter={item.unit}
            style={{ width: '100%' }}
            data-testid="supply-quantity"
          />
        </Form.Item>
        {kind === 'donation' && (
          <>
            <Form.Item
              name="donorName"
              label={t('stations.supplies.donorName')}
              extra={t('stations.supplies.donorHelp')}
            >
              <Input maxLength={64} data-testid="supply-donor-name" />
            </Form.Item>
            <Form.Item name="donorAccountId" label={t('stations.supplies.donorAccount')}>
              <DonorPicker code={code} />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('stations.supplies.note')} style={{ marginBottom: 0 }}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ThankModal({ s }: { s: SuppliesState }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const submit = useSubmit<{ note: string }>(form, (v) => s.sendThank(v.note), s.closeThank);
  const move = s.thanking!;
  return (
    <Modal
      open
      width={440}
      title={t('stations.supplies.thankTitle')}
      okText={t('stations.supplies.thank')}
      okButtonProps={{ 'data-testid': 'supply-save' }}
      confirmLoading={s.sending}
      onOk={() => form.submit()}
      onCancel={s.closeThank}
    >
      <Typography.Paragraph>
        {move.donorName} · {move.itemName} {move.quantity} {move.unit} · {formatDateTime(move.at)}
      </Typography.Paragraph>
      <Form<{ note: string }>
        form={form}
        name="station-supply-thank"
        layout="vertical"
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="note"
          label={t('stations.supplies.thankNote')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('stations.supplies.thankRequired') }]}
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
