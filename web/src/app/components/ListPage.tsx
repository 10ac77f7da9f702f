import { Button, Form, Space, Table, type TableColumnsType, type TableProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page, Query } from '../api';
import { cleanFilter, usePaged, type PagedOptions } from '../usePaged';
import { PageTitle } from './PageTitle';

/** The create button and the row's edit link of a list, and the form they open. */
export interface ListEditor<T> {
  createLabel: string;
  createTestId: string;
  /** The edit link's test id in each row (default row-edit). */
  editTestId?: string;
  /**
   * The form for a new record ('new') or a row (null: closed). Its save is a mutation that
   * invalidates the list's path, so the table shows the change; it calls `close` once saved.
   */
  render: (target: T | 'new' | null, close: () => void) => ReactNode;
}

export interface ListPageProps<T, F extends Query, V extends object, D extends Page<T>> {
  title: string;
  /** The list's API path: what usePaged asks, and the query key its pages are cached under. */
  path: string;
  columns: TableColumnsType<T>;
  /** The search form's fields, one Form.Item each; without them there is no search form. */
  filters?: ReactNode;
  /** The form's values as the list's query; by default texts are trimmed and blanks left out. */
  toFilter?: (values: V) => F;
  initialFilter?: F;
  /** Search as soon as a field changes (one picker), instead of with a search button. */
  searchOnChange?: boolean;
  /** A reset button that empties the form and shows the whole list again. */
  resettable?: boolean;
  searchTestId?: string;
  paging?: PagedOptions;
  /** May the user create and edit: a permission, or what the list's answer says. Default: yes. */
  canEdit?: boolean | ((data: D | null) => boolean);
  editor?: ListEditor<T>;
  /** More links in a row's action cell (accounts: reset the password). */
  rowActions?: (row: T) => ReactNode;
  /** Shown between the title and the search form: a hint, or a read-only notice once the list has loaded. */
  notice?: (data: D | null, canEdit: boolean) => ReactNode;
  table?: { testId?: string; scrollX?: number; expandable?: TableProps<T>['expandable'] };
}

/**
 * An admin list: the title (with the create button when the user may), the search form, the
 * server-paged table (usePaged) with an edit link per row, and the edit form. A page using it
 * is its columns, its filter fields and its form.
 */
export function ListPage<
  T extends { id: string | number },
  F extends Query = Query,
  V extends object = F,
  D extends Page<T> = Page<T>,
>({
  title,
  path,
  columns,
  filters,
  toFilter = cleanFilter<F>,
  initialFilter,
  searchOnChange = false,
  resettable = false,
  searchTestId = 'list-search',
  paging,
  canEdit = true,
  editor,
  rowActions,
  notice,
  table = {},
}: ListPageProps<T, F, V, D>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  // A list without a starting filter asks for everything.
  const startFilter = initialFilter ?? cleanFilter<F>({});
  const list = usePaged<T, F, D>(path, startFilter, 20, paging);
  const [target, setTarget] = useState<T | 'new' | null>(null);
  const mayEdit = typeof canEdit === 'function' ? canEdit(list.data) : canEdit;

  const actions: TableColumnsType<T> =
    mayEdit && (editor || rowActions)
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: rowActions ? 170 : 90,
            render: (_: unknown, row: T) => (
              <Space size={0}>
                {editor && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setTarget(row)}
                    data-testid={editor.editTestId ?? 'row-edit'}
                  >
                    {t('common.edit')}
                  </Button>
                )}
                {rowActions?.(row)}
              </Space>
            ),
          },
        ]
      : [];

  return (
    <>
      <PageTitle
        title={title}
        extra={
          mayEdit &&
          editor && (
            <Button type="primary" data-testid={editor.createTestId} onClick={() => setTarget('new')}>
              {editor.createLabel}
            </Button>
          )
        }
      />
      {notice?.(list.data, mayEdit)}
      {filters && (
        <Form<V>
          form={form}
          name="list-search"
          layout="inline"
          onFinish={(values) => list.search(toFilter(values))}
          onValuesChange={searchOnChange ? (_, values) => list.search(toFilter(values)) : undefined}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          {filters}
          {!searchOnChange && (
            <Form.Item>
              <Button type="primary" htmlType="submit" data-testid={searchTestId}>
                {t('common.search')}
              </Button>
            </Form.Item>
          )}
          {resettable && (
            <Form.Item>
              <Button
                onClick={() => {
                  form.resetFields();
                  list.search(startFilter);
                }}
                data-testid="list-reset"
              >
                {t('common.reset')}
              </Button>
            </Form.Item>
          )}
        </Form>
      )}
      <Table<T>
        rowKey="id"
        size="middle"
        columns={[...columns, ...actions]}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
        scroll={table.scrollX ? { x: table.scrollX } : undefined}
        expandable={table.expandable}
        data-testid={table.testId}
      />
      {editor?.render(target, () => setTarget(null))}
    </>
  );
}
