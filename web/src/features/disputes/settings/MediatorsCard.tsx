import { Button, Card, Flex, Form, Select, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLAIM_TYPE_LABELS, type ClaimType } from '../../../../../contracts/disputes/claims';
import { SECTOR_VALUES } from '../../../../../contracts/disputes/sectors';
import { useCan, useMe } from '../../../app/auth';
import { FormModal } from '../../../app/components/FormModal';
import { textOf } from '../../../app/i18n';
import { claimLabel, langOf } from '../labels';
import type { Mediator } from '../types';
import '../../employers/i18n';
import { ConflictsInput } from './ConflictsInput';
import './i18n';
import { profileOf, useMediators, type Profile } from './useMediators';

const CLAIM_TYPES = Object.keys(CLAIM_TYPE_LABELS) as ClaimType[];

/**
 * The studio's mediators: availability, expertise for assignment, declared conflicts. A mediator
 * edits their own row; a studio manager (disputes:manage) every row, and lifts conflicts of others.
 */
export function MediatorsCard() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const manager = useCan()('disputes:manage');
  const mayEdit = (m: Mediator) => manager || m.id === me.id;
  // The server refuses lifting a declared conflict except by a manager, for someone else.
  const lockedConflicts = (m: Mediator | null) => (m && (!manager || m.id === me.id) ? m.conflictEmployerIds : []);
  const lang = langOf(i18n.language);
  const mediators = useMediators();
  const [editing, setEditing] = useState<Mediator | null>(null);

  const expertiseLabel = (code: string) => textOf(`employers.industries.${code}`, claimLabel(code, lang));
  const expertiseOptions = [
    {
      label: t('disputes.settings.mediators.sectors'),
      options: SECTOR_VALUES.map((s) => ({ value: s, label: t(`employers.industries.${s}`) })),
    },
    {
      label: t('disputes.settings.mediators.claimTypes'),
      options: CLAIM_TYPES.map((c) => ({ value: c, label: claimLabel(c, lang) })),
    },
  ];

  const columns: TableColumnsType<Mediator> = [
    { title: t('disputes.settings.mediators.name'), dataIndex: 'name' },
    { title: t('disputes.settings.mediators.activeCases'), dataIndex: 'activeCases', align: 'right', width: 100 },
    {
      title: t('disputes.settings.mediators.available'),
      key: 'available',
      width: 90,
      render: (_, m) => (
        <Switch
          checked={m.available}
          disabled={!mayEdit(m)}
          loading={mediators.savingId === m.id}
          onChange={(v) => mediators.setAvailable(m, v)}
          data-testid={`mediator-available-${m.id}`}
        />
      ),
    },
    {
      title: t('disputes.settings.mediators.expertise'),
      key: 'expertise',
      render: (_, m) =>
        m.expertise.length === 0 ? (
          t('common.none')
        ) : (
          <Flex wrap gap={4}>
            {m.expertise.map((e) => (
              <Tag key={e} style={{ marginInlineEnd: 0 }}>
                {expertiseLabel(e)}
              </Tag>
            ))}
          </Flex>
        ),
    },
    {
      title: t('disputes.settings.mediators.conflicts'),
      key: 'conflicts',
      width: 120,
      render: (_, m) =>
        m.conflictEmployerIds.length === 0
          ? t('common.none')
          : t('disputes.settings.mediators.conflictCount', { n: m.conflictEmployerIds.length }),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, m) =>
        mayEdit(m) ? (
          <Button type="link" size="small" onClick={() => setEditing(m)} data-testid={`mediator-edit-${m.id}`}>
            {t('disputes.settings.mediators.edit')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Card title={t('disputes.settings.mediators.title')} data-testid="mediators-card">
      <Table<Mediator>
        rowKey="id"
        size="small"
        loading={mediators.loading}
        columns={columns}
        dataSource={mediators.items ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        data-testid="mediators-table"
      />
      <FormModal<Profile>
        open={!!editing}
        title={t('disputes.settings.mediators.editTitle', { name: editing?.name ?? '' })}
        initialValues={editing ? profileOf(editing) : undefined}
        onCancel={() => setEditing(null)}
        onSubmit={async (values) => {
          if (!editing) return;
          const profile: Profile = {
            expertise: values.expertise ?? [],
            available: values.available ?? true,
            conflictEmployerIds: values.conflictEmployerIds ?? [],
          };
          await mediators.saveProfile(editing.id, profile);
          setEditing(null);
        }}
        testId="mediator-form"
      >
        <Form.Item name="available" label={t('disputes.settings.mediators.available')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="expertise" label={t('disputes.settings.mediators.expertise')}>
          <Select
            mode="multiple"
            allowClear
            options={expertiseOptions}
            placeholder={t('disputes.settings.mediators.expertisePlaceholder')}
            optionFilterProp="label"
            data-testid="mediator-expertise"
          />
        </Form.Item>
        <Form.Item
          name="conflictEmployerIds"
          label={t('disputes.settings.mediators.conflicts')}
          extra={
            <Typography.Text type="secondary">
              {t('disputes.settings.mediators.conflictsHint')}
              {lockedConflicts(editing).length > 0 && <> {t('disputes.settings.mediators.conflictsLockedHint')}</>}
            </Typography.Text>
          }
        >
          <ConflictsInput locked={lockedConflicts(editing)} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
