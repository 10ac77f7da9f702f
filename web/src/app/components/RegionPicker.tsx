import { Cascader } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regionWithin } from '../../../../contracts/regions';
import { api } from '../api';
import { useMe } from '../auth';

export interface RegionItem {
  code: string;
  name: string;
  fullName: string;
  level: 'province' | 'city' | 'county';
  parentCode: string | null;
  childCount: number;
  inScope: boolean;
}

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  disabled?: boolean;
  children?: Option[];
}

/**
 * Counties are leaves; provinces and cities load their children on demand and become leaves when
 * they have none (e.g. 中山市). childCount is not relied on for this, so a wrong count can never
 * hide real children.
 */
export const isLeafRegion = (r: RegionItem) => r.level === 'county';

export const fetchRegionChildren = (parent: string | null) =>
  api.get<{ items: RegionItem[] }>('/api/regions', { parent: parent ?? undefined }).then((r) => r.items);

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
  const [options, setOptions] = useState<Option[]>([]);
  const [path, setPath] = useState<string[]>([]);
  const optionsRef = useRef<Option[]>([]);

  const toOption = (r: RegionItem): Option => ({
    value: r.code,
    label: r.name,
    isLeaf: isLeafRegion(r),
    // Ancestors of the user's scope stay open so the user can walk down to it.
    disabled: !r.inScope && !(scope && regionWithin(scope, r.code)),
  });
  const commit = (next: Option[]) => {
    optionsRef.current = next;
    setOptions(next);
  };
  const loadInto = async (target: Option) => {
    const children = (await fetchRegionChildren(target.value)).map(toOption);
    if (children.length) target.children = children;
    else target.isLeaf = true;
  };

  useEffect(() => {
    void fetchRegionChildren(null).then((items) => commit(items.map(toOption)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Show an existing value: walk up to the province, then load each level down to it.
  useEffect(() => {
    if (!value) return setPath([]);
    if (path[path.length - 1] === value) return;
    let live = true;
    void (async () => {
      const chain: string[] = [];
      for (let code: string | null = value; code && chain.length < 4;) {
        chain.unshift(code);
        code = (await api.get<RegionItem>(`/api/regions/${code}`)).parentCode;
      }
      let level = optionsRef.current.length ? optionsRef.current : (await fetchRegionChildren(null)).map(toOption);
      const root = level;
      for (const code of chain.slice(0, -1)) {
        const opt = level.find((o) => o.value === code);
        if (!opt) break;
        if (!opt.children) await loadInto(opt);
        level = opt.children ?? [];
      }
      if (live) {
        commit([...root]);
        setPath(chain);
      }
    })().catch(() => undefined);
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  return (
    <Cascader<Option>
      id={id}
      options={options}
      value={path}
      changeOnSelect
      placeholder={placeholder ?? t('common.regionPlaceholder')}
      loadData={(selected) => {
        const target = selected[selected.length - 1];
        if (!target || target.children) return;
        void loadInto(target).then(() => commit([...optionsRef.current]));
      }}
      onChange={(next) => {
        const codes = next ?? [];
        setPath(codes);
        onChange?.(codes[codes.length - 1] ?? null);
      }}
      style={{ width: '100%' }}
    />
  );
}
