import { Button, Form, Input, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth';
import { editColumn } from '../../app/components/editColumn';
import { PageTitle } from '../../app/components/PageTitle';
import './i18n';
import { PersonForm } from './PersonForm';
import { RevealId } from './RevealId';
import type { Person } from './types';
import { usePeopleSearch, type PeopleFilter } from './usePeopleSearch';

export default function PeoplePage() {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('people:manage');
  const mayReveal = can('people:reveal_id');
  const list = usePeopleSearch();
  const [target, setTarget] = useState<Person | 'new' | null>(null);
  const none = t('common.none');

  const columns: TableColumnsType<Person> = [
    { title: t('people.name'), dataIndex: 'name', fixed: 'left', width: 110 },
    {
      title: t('people.residentId'),
      dataIndex: 'residentIdMasked',
      width: 260,
      render: (v: string | null, row) => <RevealId key={row.id} personId={row.id} masked={v} allowed={mayReveal} />,
    },
    { title: t('people.phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? none },
    {
      title: t('people.sex'),
      dataIndex: 'sex',
      width: 70,
      render: (v: Person['sex']) => (v ? t(`people.sexes.${v}`) : none),
    },
    { title: t('people.birthDate'), dataIndex: 'birthDate', width: 120, render: (v: string | null) => v ?? none },
    { title: t('people.region'), dataIndex: 'regionName', render: (v: string | null, r) => v ?? r.regionCode },
    { title: t('people.occupation'), dataIndex: 'occupation', width: 120, render: (v: string | null) => v ?? none },
  ];
  if (manage) columns.push(editColumn<Person>(t, setTarget));

  return (
    <>
      <PageTitle
        title={t('people.title')}
        extra={
          manage && (
            <Button type="primary" data-testid="person-create" onClick={() => setTarget('new')}>
              {t('people.create')}
            </Button>
          )
        }
      />
      <Form<PeopleFilter>
        layout="inline"
        onFinish={(v) => list.search({ q: v.q?.trim() || undefined })}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="q">
          <Input allowClear placeholder={t('people.searchPlaceholder')} style={{ width: 280 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
      </Form>
      <Table<Person>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
        scroll={{ x: 1100 }}
      />
      <PersonForm
        target={target}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          list.reload();
        }}
      />
    </>
  );
}
