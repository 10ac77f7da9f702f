import { Button, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { usePaged } from '../../app/usePaged';
import { IMPORTS_API } from './queryKeys';
import type { ImportRecord } from './types';

/** The kind's past imports, server-paged, newest first; a row opens its import. */
export function ImportHistory({ kind, onOpen }: { kind: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const list = usePaged<ImportRecord, { kind: string }>(IMPORTS_API, { kind }, 10);
  return (
    <Card size="small" title={t('imports.history')}>
      <Table<ImportRecord>
        size="small"
        rowKey="id"
        data-testid="import-history"
        loading={list.loading}
        dataSource={list.items}
        pagination={list.pagination}
        scroll={{ x: 800 }}
        columns={[
          { title: t('imports.file'), dataIndex: 'filename' },
          {
            title: t('imports.status'),
            dataIndex: 'status',
            width: 110,
            render: (s: ImportRecord['status']) => <Tag>{t(`imports.statuses.${s}`)}</Tag>,
          },
          { title: t('imports.total'), dataIndex: 'totalRows', width: 90 },
          { title: t('imports.rejected'), dataIndex: 'rejectedRows', width: 90 },
          { title: t('imports.createdBy'), dataIndex: 'createdByName', width: 140 },
          { title: t('imports.createdAt'), dataIndex: 'createdAt', width: 170, render: formatDateTime },
          {
            key: 'open',
            width: 80,
            render: (_: unknown, r) => (
              <Button type="link" size="small" onClick={() => onOpen(r.id)}>
                {t('imports.open')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
