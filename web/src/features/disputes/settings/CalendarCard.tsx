import { App, Button, Card, Form, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { applyFieldError, useErrorText } from '../../../app/errors';
import { useApiMutation, useApiQuery } from '../../../app/query';
import { isCalendarDate } from '../../labor-law/money';
import { disputesKeys } from '../queryKeys';
import type { CalendarOverride, CalendarOverrideBody, CalendarOverrideList } from '../types';
import './i18n';

type OverrideKind = CalendarOverrideBody['kind'];

const KINDS: readonly OverrideKind[] = ['holiday', 'workday'];

/** Holidays and make-up working days that the deadline calendar takes from the database. */
export function CalendarCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = useErrorText();
  const [form] = Form.useForm<CalendarOverrideBody>();
  const overrides = useApiQuery(disputesKeys.calendar, () =>
    api.get<CalendarOverrideList>('/api/disputes/calendar-overrides').then((d) => d.items),
  );
  const save = useApiMutation(
    (v: CalendarOverrideBody) => {
      const note = v.note?.trim();
      const body: CalendarOverrideBody = { date: v.date, kind: v.kind, ...(note ? { note } : {}) };
      return api.put('/api/disputes/calendar-overrides', body);
    },
    [disputesKeys.calendar],
  );

  const submit = (v: CalendarOverrideBody) =>
    save.mutate(v, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        form.resetFields();
      },
      onError: (err) => {
        if (!applyFieldError(form, err, text)) void message.error(text(err));
      },
    });

  const columns: TableColumnsType<CalendarOverride> = [
    { title: t('disputes.settings.calendar.date'), dataIndex: 'date', width: 130 },
    {
      title: t('disputes.settings.calendar.kind'),
      dataIndex: 'kind',
      width: 180,
      render: (k: OverrideKind) => (
        <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`disputes.settings.calendar.kinds.${k}`)}</Tag>
      ),
    },
    {
      title: t('disputes.settings.calendar.note'),
      dataIndex: 'note',
      render: (n: string | null) => n || t('common.none'),
    },
  ];

  return (
    <Card title={t('disputes.settings.calendar.title')} data-testid="calendar-card">
      <Typography.Paragraph type="secondary">
        {t('disputes.settings.calendar.hint')}
        {!canEdit && <> {t('disputes.settings.calendar.readOnly')}</>}
      </Typography.Paragraph>
      {canEdit && (
        <Form<CalendarOverrideBody>
          form={form}
          layout="inline"
          initialValues={{ kind: 'holiday' }}
          onFinish={submit}
          style={{ marginBottom: 16, rowGap: 8 }}
          data-testid="calendar-form"
        >
          <Form.Item
            name="date"
            label={t('disputes.settings.calendar.date')}
            rules={[
              {
                validator: async (_, v: string) =>
                  isCalendarDate(v)
                    ? undefined
                    : Promise.reject(new Error(t('disputes.settings.calendar.invalidDate'))),
              },
            ]}
          >
            <Input type="date" data-testid="calendar-date" />
          </Form.Item>
          <Form.Item name="kind" label={t('disputes.settings.calendar.kind')}>
            <Select<OverrideKind>
              style={{ width: 200 }}
              options={KINDS.map((k) => ({ value: k, label: t(`disputes.settings.calendar.kinds.${k}`) }))}
              data-testid="calendar-kind"
            />
          </Form.Item>
          <Form.Item name="note" label={t('disputes.settings.calendar.note')} rules={[{ max: 100 }]}>
            <Input
              placeholder={t('disputes.settings.calendar.notePlaceholder')}
              style={{ width: 260 }}
              maxLength={100}
              data-testid="calendar-note"
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="calendar-add">
              {t('disputes.settings.calendar.add')}
            </Button>
          </Form.Item>
        </Form>
      )}
      <Table<CalendarOverride>
        rowKey="date"
        size="small"
        loading={overrides.isPending}
        columns={columns}
        dataSource={overrides.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('disputes.settings.calendar.empty') }}
        data-testid="calendar-table"
      />
    </Card>
  );
}
