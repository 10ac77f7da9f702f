import { useQuery } from '@tanstack/react-query';
import { Cascader } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regionWithin } from '../../../../contracts/regions';
import { useMe } from '../auth';
import { fetchRegionChain, regionKeys, regionTree, useRegionChildren, withParent } from '../regions';

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  disabled?: boolean;
  children?: Option[];
}

/** Pick a region code with a lazily loading province → city → county cascader. */
interface PickerProps {
  value?: string | null;
  onChange?: (code: string | null) => void;
  placeholder?: string;
  /** Set by Form.Item so the label points at the control. */
  id?: string;
}

export function RegionPicker({ value, onChange, placeholder, id }: PickerProps) {
  const { t } = useTranslation();
  const scope = useMe().regionCode;
  // Levels the user opened, and the path the user picked (which needs no walking up to show).
  const [opened, setOpened] = useState<string[]>([]);
  const [picked, setPicked] = useState<string[]>([]);

  // A value from elsewhere (the record being edited): walk up to the province, then show each level down to it.
  const walk = !!value && picked[picked.length - 1] !== value;
  const chain = useQuery({
    queryKey: regionKeys.chain(value ?? ''),
    queryFn: () => fetchRegionChain(value ?? ''),
    enabled: walk,
    staleTime: Infinity,
    retry: false,
  });
  const path = !value ? [] : walk ? (chain.data ?? []) : picked;

  const loaded = useRegionChildren([null, ...opened, ...path.slice(0, -1)]);
  const options = regionTree<Option>(loaded, (r, children, leaf) => ({
    value: r.code,
    label: r.name,
    isLeaf: leaf,
    children,
    // Ancestors of the user's scope stay open so the user can walk down to it.
    disabled: !r.inScope && !(scope && regionWithin(scope, r.code)),
  }));

  return (
    <Cascader<Option>
      id={id}
      options={options}
      value={path}
      changeOnSelect
      placeholder={placeholder ?? t('common.regionPlaceholder')}
      loadData={(selected) => {
        const target = selected[selected.length - 1];
        if (target && !target.children && !target.isLeaf) setOpened((list) => withParent(list, target.value));
      }}
      onChange={(next) => {
        const codes = next ?? [];
        setPicked(codes);
        onChange?.(codes[codes.length - 1] ?? null);
      }}
      style={{ width: '100%' }}
    />
  );
}
