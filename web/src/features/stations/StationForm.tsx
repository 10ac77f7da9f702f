import { useQueryClient } from '@tanstack/react-query';
import { Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FACILITY_LABELS,
  SIX_STANDARDS,
  SIX_STANDARD_LABELS,
  STATION_FACILITIES,
  STATION_STATUSES,
  STATION_STATUS_LABELS,
} from '../../../../contracts/stations/codes';
import { ApiRequestError, api } from '../../app/api';
import { FormModal } from '../../app/components/FormModal';
import { RegionPicker } from '../../app/components/RegionPicker';
import { useApiMutation } from '../../app/query';
import { codeText } from './labels';
import { STATIONS_API, stationKeys, stationPath } from './queryKeys';
import { createBody, formValuesOf, HH_MM, NEW_STATION, updateBody, type StationFormValues } from './stationForm';
import type { Station, StationListItem } from './types';

interface Props {
  /** null: closed; 'new': create; a station: edit it, at the version it was read at. */
  target: StationListItem | 'new' | null;
  /** Closes the form (also once it has saved). */
  onClose: () => void;
}

const STATION_CODE = /^[A-Za-z0-9][A-Za-z0-9-]{2,31}$/;

/** Creates a station or changes one; a field the server refuses shows its reason on that field. */
export function StationForm({ target, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const editing = target && target !== 'new' ? target : null;
  const initialValues = useMemo<Partial<StationFormValues>>(
    () => (editing ? formValuesOf(editing) : NEW_STATION),
    [editing],
  );
  const required = [{ required: true, message: t('stations.required') }];
  const requiredText = [{ required: true, whitespace: true, message: t('stations.required') }];
  const time = [...requiredText, { pattern: HH_MM, message: t('stations.form.timeFormat') }];

  const send = useApiMutation(
    (v: StationFormValues) =>
      editing
        ? api.put<Station>(stationPath(editing.code), updateBody(v, editing))
        : api.post<Station>(STATIONS_API, createBody(v)),
    [stationKeys.all],
  );

  const save = async (v: StationFormValues) => {
    try {
      await send.mutateAsync(v);
    } catch (err) {
      // Changed by someone else since it was read: the lists and the record are asked again, so
      // that the form opened anew starts from the station as it now is (the message says so).
      if (err instanceof ApiRequestError && err.body.field === 'expectedVersion')
        await queryClient.invalidateQueries({ queryKey: stationKeys.all });
      throw err;
    }
    onClose();
  };

  return (
    <FormModal<StationFormValues>
      open={target !== null}
      title={t(editing ? 'stations.edit' : 'stations.create')}
      initialValues={initialValues}
      onCancel={onClose}
      onSubmit={save}
      width={640}
      testId="station-form"
    >
      {!editing && (
        <Form.Item
          name="code"
          label={t('stations.code')}
          extra={t('stations.form.codeHint')}
          normalize={(v: string | undefined) => v?.toUpperCase()}
          rules={[...requiredText, { pattern: STATION_CODE, message: t('stations.form.codeFormat') }]}
        >
          <Input maxLength={32} style={{ fontFamily: 'monospace' }} autoCapitalize="characters" />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('stations.name')} rules={requiredText}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="address" label={t('stations.address')} rules={requiredText}>
        <Input maxLength={200} />
      </Form.Item>
      {/*
        No min, max or step: the field would clamp a swapped pair (117.3 → 90) before the server
        could say so, and show 31.74 with as many decimals as the step has.
      */}
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="lat"
            label={t('stations.form.lat')}
            extra={t('stations.form.coordinateHelp')}
            rules={required}
          >
            <InputNumber controls={false} inputMode="decimal" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="lng"
            label={t('stations.form.lng')}
            extra={t('stations.form.coordinateHelp')}
            rules={required}
          >
            <InputNumber controls={false} inputMode="decimal" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="regionCode" label={t('stations.region')} rules={required}>
        <RegionPicker />
      </Form.Item>
      <Form.Item name="operatorName" label={t('stations.operatorName')}>
        <Input maxLength={128} />
      </Form.Item>
      <Form.Item name="open24h" label={t('stations.form.open24h')} valuePropName="checked">
        <Switch data-testid="station-open24h" />
      </Form.Item>
      {/* The times only for a station that closes: the server refuses them next to "open 24 hours". */}
      <Form.Item noStyle shouldUpdate={(a: StationFormValues, b: StationFormValues) => a.open24h !== b.open24h}>
        {({ getFieldValue }) =>
          getFieldValue('open24h') ? null : (
            <Row gutter={16}>
              <Col xs={12}>
                <Form.Item
                  name="opensAt"
                  label={t('stations.form.opensAt')}
                  extra={t('stations.form.opensHint')}
                  rules={time}
                >
                  <Input maxLength={5} placeholder="07:00" inputMode="numeric" />
                </Form.Item>
              </Col>
              <Col xs={12}>
                <Form.Item
                  name="closesAt"
                  label={t('stations.form.closesAt')}
                  extra={t('stations.form.closesHint')}
                  rules={time}
                >
                  <Input maxLength={5} placeholder="22:00" inputMode="numeric" />
                </Form.Item>
              </Col>
            </Row>
          )
        }
      </Form.Item>
      <Form.Item name="areaM2" label={t('stations.areaM2')} extra={t('stations.form.areaHint')}>
        <InputNumber min={1} max={100_000} precision={0} inputMode="numeric" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="facilities" label={t('stations.facilities')}>
        <Checkbox.Group
          options={STATION_FACILITIES.map((f) => ({ value: f, label: codeText(FACILITY_LABELS, f, lang) }))}
        />
      </Form.Item>
      <Form.Item name="standards" label={t('stations.standards')}>
        <Checkbox.Group
          options={SIX_STANDARDS.map((s) => ({ value: s, label: codeText(SIX_STANDARD_LABELS, s, lang) }))}
        />
      </Form.Item>
      <Form.Item name="status" label={t('stations.status')} rules={required}>
        <Select
          options={STATION_STATUSES.map((s) => ({ value: s, label: codeText(STATION_STATUS_LABELS, s, lang) }))}
        />
      </Form.Item>
    </FormModal>
  );
}
