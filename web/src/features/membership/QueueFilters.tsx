import { Button, DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  APPLICATION_KINDS,
  APPLICATION_KIND_LABELS,
  APPLICATION_STATUSES,
  APPLICATION_STATUS_LABELS,
  MEMBER_OCCUPATIONS,
  MEMBER_OCCUPATION_LABELS,
} from '../../../../contracts/membership/codes';
import { OrganizationFilter } from './OrganizationFilter';
import { QUEUE_START, type QueueFilterValues } from './filter';
import { codeOptions } from './labels';
import type { ApprovalQueue } from './useApprovalQueue';

/** The queue's search: status (pending first), kind, organization, work, the days sent, a name or number. */
export function QueueFilters({ queue }: { queue: ApprovalQueue }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Form<QueueFilterValues>
      form={queue.form}
      name="membership-queue-search"
      layout="inline"
      initialValues={QUEUE_START}
      onFinish={queue.search}
      style={{ marginBottom: 16, rowGap: 8 }}
    >
      <Form.Item name="q">
        <Input
          allowClear
          placeholder={t('membership.queue.searchPlaceholder')}
          style={{ width: 200 }}
          data-testid="queue-q"
        />
      </Form.Item>
      <Form.Item name="status">
        <Select
          allowClear
          placeholder={t('membership.queue.status')}
          style={{ width: 150 }}
          options={codeOptions(APPLICATION_STATUSES, APPLICATION_STATUS_LABELS, lang)}
          data-testid="queue-status"
        />
      </Form.Item>
      <Form.Item name="kind">
        <Select
          allowClear
          placeholder={t('membership.queue.kind')}
          style={{ width: 120 }}
          options={codeOptions(APPLICATION_KINDS, APPLICATION_KIND_LABELS, lang)}
        />
      </Form.Item>
      <Form.Item name="organizationId" style={{ width: 240, maxWidth: '100%' }}>
        <OrganizationFilter placeholder={t('membership.queue.organization')} />
      </Form.Item>
      <Form.Item name="occupation">
        <Select
          allowClear
          placeholder={t('membership.queue.occupation')}
          style={{ width: 160 }}
          options={codeOptions(MEMBER_OCCUPATIONS, MEMBER_OCCUPATION_LABELS, lang)}
        />
      </Form.Item>
      <Form.Item name="period" label={t('membership.queue.period')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" data-testid="queue-search">
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button onClick={queue.reset}>{t('common.reset')}</Button>
      </Form.Item>
    </Form>
  );
}
