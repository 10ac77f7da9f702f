import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../useDebounced';

export interface RemoteOption {
  value: string;
  label: string;
}

interface Props {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** Where the options and labels are cached: the feature's key (e.g. employerKeys.all), so a save refreshes them. */
  queryKey: QueryKey;
  /** Options matching the typed text (called with '' at first). */
  search: (q: string) => Promise<RemoteOption[]>;
  /** Label for a value that is not among the current options (e.g. when editing). */
  resolveLabel?: (id: string) => Promise<string | null>;
  placeholder?: string;
  testId?: string;
  /** Set by Form.Item so the label points at the control. */
  id?: string;
}

/** Where RemoteSelect caches the label of one value: others showing the same name share it. */
export const remoteLabelKey = (queryKey: QueryKey, id: string | null | undefined) => [...queryKey, 'label', id];

/** A single select whose options come from the API as the user types (debounced). */
export function RemoteSelect({ value, onChange, queryKey, search, resolveLabel, placeholder, testId, id }: Props) {
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed, 250);
  // The option the user picked last: its label is known without asking.
  const [picked, setPicked] = useState<RemoteOption | null>(null);

  const found = useQuery({
    queryKey: [...queryKey, 'options', q],
    queryFn: () => search(q),
    placeholderData: keepPreviousData,
  });
  const options = found.data ?? [];
  const shown = !value || picked?.value === value || options.some((o) => o.value === value);
  const label = useQuery({
    queryKey: remoteLabelKey(queryKey, value),
    queryFn: () => (value && resolveLabel ? resolveLabel(value) : null),
    enabled: !shown && !!resolveLabel,
  });

  const known = picked?.value === value ? picked : value && label.data ? { value, label: label.data } : null;
  const merged = known && !options.some((o) => o.value === known.value) ? [known, ...options] : options;
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      loading={found.isFetching}
      value={value ?? undefined}
      options={merged}
      placeholder={placeholder}
      onChange={(v: string | undefined) => {
        setPicked(merged.find((o) => o.value === v) ?? null);
        onChange?.(v ?? null);
      }}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
