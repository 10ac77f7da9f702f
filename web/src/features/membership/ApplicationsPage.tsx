import { Button, Flex, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../app/components/PageTitle';
import { ApplicationsTable } from './ApplicationsTable';
import { BulkAnswer } from './BulkAnswer';
import './i18n';
import { QueueFilters } from './QueueFilters';
import { RejectForm } from './RejectForm';
import { useApprovalQueue } from './useApprovalQueue';

/** /membership: the region's applications to join or transfer, decided one by one or many at once. */
export default function ApplicationsPage() {
  const { t } = useTranslation();
  const queue = useApprovalQueue();
  return (
    <>
      <PageTitle title={t('membership.queue.title')} />
      <QueueFilters queue={queue} />
      {queue.bulkAnswer && <BulkAnswer answer={queue.bulkAnswer} onClose={queue.dismissBulkAnswer} />}
      <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Popconfirm
          title={t('membership.queue.approveSelectedTitle', { n: queue.selected.length })}
          description={t('membership.queue.approveJoin')}
          okText={t('membership.queue.approve')}
          cancelText={t('common.cancel')}
          okButtonProps={{ 'data-testid': 'approve-selected-confirm' }}
          onConfirm={queue.approveSelected}
          disabled={queue.selected.length === 0}
        >
          <Button
            type="primary"
            disabled={queue.selected.length === 0}
            loading={queue.approvingMany}
            data-testid="approve-selected"
          >
            {t('membership.queue.approveSelected', { n: queue.selected.length })}
          </Button>
        </Popconfirm>
        <Typography.Text type="secondary">{t('membership.queue.selectHint')}</Typography.Text>
      </Flex>
      <ApplicationsTable queue={queue} />
      <RejectForm queue={queue} />
    </>
  );
}
