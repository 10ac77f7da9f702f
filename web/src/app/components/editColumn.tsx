import { Button } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';

/** The trailing "edit" column of an admin table, shown only to those who may change rows. */
export function editColumn<T>(t: TFunction, onEdit: (row: T) => void): ColumnType<T> {
  return {
    title: t('common.actions'),
    key: 'actions',
    width: 90,
    render: (_: unknown, row: T) => (
      <Button type="link" size="small" onClick={() => onEdit(row)}>
        {t('common.edit')}
      </Button>
    ),
  };
}
