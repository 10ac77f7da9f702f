import { useQueryClient } from '@tanstack/react-query';
import { Form, Input, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AREA_KINDS, AREA_KIND_LABELS, type AreaKind } from '../../../../../contracts/membership/codes';
import { AREA_MAX_ITEMS } from '../../../../../contracts/membership/grid-limits';
import { ApiRequestError, api } from '../../../app/api';
import { FormModal } from '../../../app/components/FormModal';
import { RegionPicker } from '../../../app/components/RegionPicker';
import { RemoteSelect } from '../../../app/components/RemoteSelect';
import { useApiMutation } from '../../../app/query';
import { codeText } from './labels';
import {
  organizationName,
  organizationPickerKey,
  organiserName,
  organiserPickerKey,
  searchOrganisers,
  searchOrganizations,
} from './pickers';
import { AREAS_API, areaPath, gridKeys } from './queryKeys';
import type { Area, AreaInput } from './types';

interface Values {
  name: string;
  kind: AreaKind;
  items: string[];
  organizationId: string;
  regionCode?: string | null;
  organiserId?: string | null;
}

const bodyOf = (v: Values): AreaInput => ({
  name: v.name,
  kind: v.kind,
  items: v.items.map((i) => i.trim()).filter(Boolean),
  organizationId: v.organizationId,
  regionCode: v.regionCode ?? undefined,
  organiserId: v.organiserId ?? null,
});

/** Adds an area of the grid or changes one at the version read. */
export function AreaForm({ target, onClose }: { target: Area | 'new' | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const editing = target && target !== 'new' ? target : null;
  const initialValues = useMemo<Partial<Values>>(
    () =>
      editing
        ? {
            name: editing.name,
            kind: editing.kind,
            items: editing.items,
            organizationId: editing.organizationId,
            regionCode: editing.regionCode,
            organiserId: editing.organiserId,
          }
        : { kind: 'regions', items: [] },
    [editing],
  );
  const required = [{ required: true, message: t('membershipGrid.required') }];
  const send = useApiMutation(
    (v: Values) =>
      editing
        ? api.put<Area>(areaPath(editing.id), { ...bodyOf(v), version: editing.version })
        : api.post<Area>(AREAS_API, bodyOf(v)),
    [gridKeys.all],
  );
  const save = async (v: Values) => {
    try {
      await send.mutateAsync(v);
    } catch (err) {
      if (err instanceof ApiRequestError && err.body.field === 'version')
        await queryClient.invalidateQueries({ queryKey: gridKeys.all });
      throw err;
    }
    onClose();
  };
  return (
    <FormModal<Values>
      open={target !== null}
      title={t(editing ? 'membershipGrid.areas.edit' : 'membershipGrid.areas.create')}
      initialValues={initialValues}
      onCancel={onClose}
      onSubmit={save}
      testId="area-form"
    >
      <Form.Item name="name" label={t('membershipGrid.areas.name')} rules={required}>
        <Input maxLength={64} data-testid="area-name" />
      </Form.Item>
      <Form.Item name="kind" label={t('membershipGrid.areas.kind')} rules={required}>
        <Select options={AREA_KINDS.map((k) => ({ value: k, label: codeText(AREA_KIND_LABELS, k, i18n.language) }))} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.kind !== b.kind}>
        {({ getFieldValue }) => (
          <Form.Item
            name="items"
            label={t('membershipGrid.areas.items')}
            extra={t(`membershipGrid.areas.itemsHint.${(getFieldValue('kind') as AreaKind | undefined) ?? 'regions'}`)}
            rules={required}
          >
            <Select
              mode="tags"
              maxCount={AREA_MAX_ITEMS}
              open={false}
              tokenSeparators={[',', '，', ' ']}
              data-testid="area-items"
            />
          </Form.Item>
        )}
      </Form.Item>
      <Form.Item name="organizationId" label={t('membershipGrid.areas.organization')} rules={required}>
        <RemoteSelect
          queryKey={organizationPickerKey}
          search={searchOrganizations}
          resolveLabel={organizationName}
          testId="area-organization"
        />
      </Form.Item>
      <Form.Item name="regionCode" label={t('membershipGrid.areas.region')}>
        <RegionPicker />
      </Form.Item>
      <Form.Item name="organiserId" label={t('membershipGrid.areas.organiser')}>
        <RemoteSelect
          queryKey={organiserPickerKey}
          search={searchOrganisers}
          resolveLabel={organiserName}
          testId="area-organiser"
        />
      </Form.Item>
    </FormModal>
  );
}
