import { describe, expect, it } from 'vitest';
import { hoursText } from './labels';
import { createBody, formValuesOf, updateBody, type StationFormValues } from './stationForm';
import type { StationListItem } from './types';

const values: StationFormValues = {
  code: ' hf-bh-001 ',
  name: ' 滨湖驿站 ',
  address: '合肥市包河区徽州大道 1 号',
  lat: 31.74,
  lng: 117.3,
  regionCode: '340111',
  operatorName: '  ',
  open24h: false,
  opensAt: '07:00',
  closesAt: '22:00',
  areaM2: undefined,
  facilities: ['microwave'],
  standards: undefined,
  status: 'open',
};

const station: StationListItem = {
  id: 'a',
  code: 'HF-BH-001',
  name: '滨湖驿站',
  address: '合肥市包河区徽州大道 1 号',
  lat: 31.74,
  lng: 117.3,
  datum: 'GCJ-02',
  regionCode: '340111',
  regionName: '包河区',
  hostOrganizationId: '7d0a3c8e-0000-4000-8000-000000000001',
  hostOrganizationName: '包河区总工会',
  operatorName: null,
  managerAccountId: null,
  open24h: true,
  opensAt: null,
  closesAt: null,
  openNow: true,
  areaM2: 30,
  facilities: [],
  standards: ['sign'],
  status: 'open',
  version: 3,
  pageUrl: 'https://example.test/s/HF-BH-001',
};

describe('the station form', () => {
  it('creates with the code in upper case, blanks as null and nothing ticked as empty lists', () => {
    expect(createBody(values)).toMatchObject({
      code: 'HF-BH-001',
      name: '滨湖驿站',
      operatorName: null,
      opensAt: '07:00',
      closesAt: '22:00',
      areaM2: null,
      facilities: ['microwave'],
      standards: [],
      hostOrganizationId: null,
    });
  });

  it('sends no times for a station open 24 hours, even if some were typed before the switch', () => {
    const body = createBody({ ...values, open24h: true });
    expect(body).toMatchObject({ open24h: true, opensAt: null, closesAt: null });
  });

  it('changes at the version read and keeps the host union the form does not show', () => {
    const body = updateBody({ ...formValuesOf(station), name: '滨湖幸福驿站' }, station);
    expect(body).toMatchObject({ expectedVersion: 3, hostOrganizationId: station.hostOrganizationId });
    expect(body).not.toHaveProperty('code');
  });

  it('reads the hours as the sign does, past midnight too', () => {
    expect(hoursText({ open24h: false, opensAt: '22:00', closesAt: '06:00' }, 'zh')).toBe('22:00–次日06:00');
    expect(hoursText({ open24h: true, opensAt: null, closesAt: null }, 'en')).toBe('Open 24 hours');
  });
});
