import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DonorChoices } from '../../../../contracts/stations/supplies';
import { api } from '../../app/api';
import { useApiQuery } from '../../app/query';
import { stationPath } from './queryKeys';

/** The donor companies' accounts of the station's city, narrowed by the name typed. */
export const stationDonorsPath = (code: string) => `${stationPath(code)}/donors`;

/**
 * Picks a donor company's account by its name (its donation then shows on the company's own
 * page); a company without an account is named in the free-text field beside it instead.
 */
export function DonorPicker({
  code,
  value,
  onChange,
}: {
  code: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const choices = useApiQuery([stationDonorsPath(code), q], () =>
    api.get<DonorChoices>(stationDonorsPath(code), q ? { q } : {}),
  );
  return (
    <Select
      showSearch
      allowClear
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      onSearch={setQ}
      filterOption={false}
      loading={choices.isFetching}
      placeholder={t('stations.supplies.donorPick')}
      notFoundContent={choices.isFetching ? null : t('stations.supplies.donorNone')}
      options={(choices.data?.items ?? []).map((d) => ({
        value: d.id,
        label: d.regionName ? `${d.name}（${d.regionName}）` : d.name,
      }))}
      data-testid="supply-donor-account"
    />
  );
}
