import { Button, Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportDetail, ImportKindInfo, RowError } from './types';

/** The first reasons rows were rejected, in the user's language, and the download of all of them. */
export function RejectedRows({ detail, kind }: { detail: ImportDetail; kind: ImportKindInfo | undefined }) {
  const { t, i18n } = useTranslation();
  if (detail.rejectedRows === 0) return null;
  const en = i18n.language === 'en';
  const fieldName = (key: string | null) => {
    const column = kind?.columns.find((c) => c.key === key);
    return column ? (en ? column.headerEn : column.header) : (key ?? '');
  };
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={t('imports.rejectedTitle')}
      extra={
        <Button href={`/api/imports/${detail.id}/rejected.xlsx`} data-testid="import-rejected-download">
          {t('imports.downloadRejected')}
        </Button>
      }
    >
      <Table<RowError>
        size="small"
        data-testid="import-rejected"
        rowKey={(e) => `${e.row}:${e.field ?? ''}:${e.zh}`}
        dataSource={detail.rejected}
        pagination={false}
        columns={[
          { title: t('imports.row'), dataIndex: 'row', width: 80 },
          { title: t('imports.field'), dataIndex: 'field', width: 180, render: fieldName },
          { title: t('imports.reason'), key: 'reason', render: (_: unknown, e) => (en ? e.en : e.zh) },
        ]}
      />
      {detail.rejectedRows > detail.rejected.length && (
        <Typography.Text type="secondary">
          {t('imports.firstRejected', { count: detail.rejected.length })}
        </Typography.Text>
      )}
    </Card>
  );
}
