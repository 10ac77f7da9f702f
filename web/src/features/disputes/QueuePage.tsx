import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../app/components/PageTitle';
import { usePaged } from '../../app/usePaged';
import { useCaseColumns } from './CaseListPage';
import './i18n';
import type { CaseListItem } from './types';

/** Judges and clerks: agreements waiting for judicial confirmation; the judge decides on the case page. */
export default function QueuePage() {
  const { t } = useTranslation();
  const list = usePaged<CaseListItem, { stage: string }>('/api/disputes', { stage: 'confirmation_applied' });
  const columns = useCaseColumns();
  return (
    <>
      <PageTitle title={t('disputes.queue.title')} />
      <Typography.Paragraph type="secondary">{t('disputes.queue.hint')}</Typography.Paragraph>
      <Table<CaseListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
        scroll={{ x: 1300 }}
        data-testid="queue-table"
      />
    </>
  );
}
