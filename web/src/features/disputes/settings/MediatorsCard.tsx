import { Button, Card, Flex, Form, Select, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLAIM_TYPE_LABELS, type ClaimType } from '../../../../../contracts/disputes/claims';
import { SECTOR_VALUES } from '../../../../../contracts/disputes/sectors';
import { api, type Page } from '../../../app/api';
import { useCan, useMe } from '../../../app/auth';
import { FormModal } from '../../../app/components/FormModal';
import { RemoteSelect } from '../../../app/components/RemoteSelect';
import { useShowError } from '../../../app/errors';
import { claimLabel, langOf } from '../labels';
import '../../employers/i18n';
import './i18n';

export interface Mediator {
  id: string;
  name: string;
  expertise: string[];
  available: boolean;
  conflictEmployerIds: string[];
  activeCases: number;
}

interface Profile {
  expertise: string[];
  available: boolean;
  conflictEmployerIds: string[];
}

const CLAIM_TYPES = Object.keys(CLAIM_TYPE_LABELS) as ClaimType[];

const profileOf = (m: Mediator): Profile => ({
  expertise: m.expertise,
  available: m.available,
  conflictEmployerIds: m.conflictEmployerIds,
});

const searchEmployers = (q: string) =>
  api
    .get<Page<{ id: string; name: string }>>('/api/employers', { q: q || undefined, pageSize: 20 })
    .then((d) => d.items.map((e) => ({ value: e.id, label: e.name })));
const employerName = (id: string) => api.get<{ name: string }>(`/api/employers/${id}`).then((e) => e.name);

/** The declared conflicts as tags (closable unless `locked`), plus a search to add one more employer. */
function ConflictsInput({
  value = [],
  onChange,
  locked = [],
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  locked?: readonly string[];
}) {
  const { t } = useTranslation();
  const [names, setNames] = useState<Record<string, string>>({});
  const [picked, setPicked] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    for (const id of value) {
      if (names[id]) continue;
      employerName(id)
        .then((name) => live && setNames((n) => ({ ...n, [id]: name })))
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  return (
    <Flex vertical gap={8}>
      {value.length > 0 && (
        <Flex wrap gap={4} data-testid="conflict-tags">
          {value.map((id) => (
            <Tag key={id} closable={!locked.includes(id)} onClose={() => onChange?.(value.filter((v) => v !== id))}>
              {names[id] ?? id.slice(0, 8)}
            </Tag>
          ))}
        </Flex>
      )}
      <Flex gap={8}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <RemoteSelect
            value={picked}
            onChange={setPicked}
            search={searchEmployers}
            resolveLabel={employerName}
            placeholder={t('disputes.settings.mediators.conflictPlaceholder')}
            testId="conflict-select"
          />
        </div>
        <Button
          disabled={!picked || value.includes(picked)}
          onClick={() => {
            if (!picked) return;
            onChange?.([...value, picked]);
            setPicked(null);
          }}
          data-testid="conflict-add"
        >
          {t('disputes.settings.mediators.addConflict')}
        </Button>
      </Flex>
    </Flex>
  );
}

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
  const showError = useShowError();
  const [items, setItems] = useState<Mediator[] | null>(null);
  const [editing, setEditing] = useState<Mediator | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = () =>
    api
      .get<{ items: Mediator[] }>('/api/disputes/mediators')
      .then((d) => setItems(d.items))
      .catch((err) => {
        showError(err);
        setItems([]);
      });

  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const save = (id: string, profile: Profile) => api.put(`/api/disputes/mediators/${id}/profile`, profile);

  const toggle = async (m: Mediator, available: boolean) => {
    setBusy(m.id);
    try {
      await save(m.id, { ...profileOf(m), available });
      setItems((list) => list?.map((x) => (x.id === m.id ? { ...x, available } : x)) ?? null);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(null);
    }
  };

  const expertiseLabel = (code: string) =>
    i18n.exists(`employers.industries.${code}`) ? t(`employers.industries.${code}`) : claimLabel(code, lang);
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
          loading={busy === m.id}
          onChange={(v) => void toggle(m, v)}
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
        loading={!items}
        columns={columns}
        dataSource={items ?? []}
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
          await save(editing.id, profile);
          setEditing(null);
          await load();
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
