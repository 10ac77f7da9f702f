import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';

export interface RemoteOption {
  value: string;
  label: string;
}

interface Props {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** Options matching the typed text (called with '' on open). */
  search: (q: string) => Promise<RemoteOption[]>;
  /** Label for a value that is not among the current options (e.g. when editing). */
  resolveLabel?: (id: string) => Promise<string | null>;
  placeholder?: string;
  testId?: string;
  /** Set by Form.Item so the label points at the control. */
  id?: string;
}

/** A single select whose options come from the API as the user types (debounced). */
export function RemoteSelect({ value, onChange, search, resolveLabel, placeholder, testId, id }: Props) {
  const [options, setOptions] = useState<RemoteOption[]>([]);
  const [known, setKnown] = useState<RemoteOption | null>(null);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const run = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setLoading(true);
      search(q)
        .then(setOptions)
        .catch(() => setOptions([]))
        .finally(() => setLoading(false));
    }, 250);
  };

  useEffect(() => {
    run('');
    return () => clearTimeout(timer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!value || !resolveLabel || known?.value === value) return;
    let live = true;
    resolveLabel(value)
      .then((label) => live && label && setKnown({ value, label }))
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const merged = known && !options.some((o) => o.value === known.value) ? [known, ...options] : options;
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: run }}
      allowClear
      loading={loading}
      value={value ?? undefined}
      options={merged}
      placeholder={placeholder}
      onChange={(v: string | undefined) => {
        const picked = merged.find((o) => o.value === v);
        if (picked) setKnown(picked);
        onChange?.(v ?? null);
      }}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
