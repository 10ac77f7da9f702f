import { Form, Input, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth';
import { ListPage } from '../../app/components/ListPage';
import './i18n';
import { PersonForm } from './PersonForm';
import { PEOPLE_SEARCH_API } from './queryKeys';
import { RevealId } from './RevealId';
import type { Person, PersonFilter } from './types';

/**
 * The people list. It is searched through POST /api/people/search: the search text may be a
 * resident ID or a phone, which must not travel in a URL (access logs, proxies, browser history).
 */
export default function PeoplePage() {
  const { t } = useTranslation();
  const can = useCan();
  const mayReveal = can('people:reveal_id');
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

  return (
    <ListPage<Person, PersonFilter>
      title={t('people.title')}
      path={PEOPLE_SEARCH_API}
      paging={{ via: 'body' }}
      columns={columns}
      filters={
        <Form.Item name="q">
          <Input allowClear placeholder={t('people.searchPlaceholder')} style={{ width: 280 }} />
        </Form.Item>
      }
      canEdit={can('people:manage')}
      editor={{
        createLabel: t('people.create'),
        createTestId: 'person-create',
        render: (target, close) => <PersonForm target={target} onClose={close} />,
      }}
      table={{ scrollX: 1100 }}
    />
  );
}
