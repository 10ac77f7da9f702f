import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMON_CITIES, cityByCode, cityLabel } from './cities';

interface Props {
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  testId?: string;
}

/** Pick a common city or type any 6-digit region code (no regions API needed). */
export function RegionCodeSelect({ value, onChange, placeholder, style, testId }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [search, setSearch] = useState('');
  const options = COMMON_CITIES.map((c) => ({ value: c.code, label: `${cityLabel(c, en)} ${c.code}` }));
  const typed = search.trim();
  if (/^\d{6}$/.test(typed) && !cityByCode(typed))
    options.unshift({ value: typed, label: t('laborParams.useCode', { code: typed }) });
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: value });
  return (
    <Select
      allowClear
      value={value}
      onChange={(v: string | undefined) => {
        setSearch('');
        onChange?.(v);
      }}
      showSearch={{ onSearch: setSearch, searchValue: search, optionFilterProp: 'label' }}
      options={options}
      placeholder={placeholder}
      style={style}
      data-testid={testId}
    />
  );
}
