import { Form, InputNumber, Radio, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ALARM_RULE_LIMITS,
  ALARM_RULE_METRICS,
  ALARM_RULE_METRIC_LABELS,
  ALARM_RULE_OPS,
  ALARM_RULE_OP_LABELS,
  ALARM_RULE_SEVERITIES,
  type AlarmRuleMetric,
} from '../../../../contracts/stations/alarm-rule-codes';
import { FormModal } from '../../app/components/FormModal';
import { RegionPicker } from '../../app/components/RegionPicker';
import { NEW_RULE, ruleFormValuesOf, type RuleFormValues } from './alarmRules';
import { codeText } from './labels';
import type { AlarmRulesState } from './useAlarmRules';

/** A day: the longest a reading may have to stay past the threshold. */
const MAX_MINUTES = ALARM_RULE_LIMITS.durationSec.max / 60;

/**
 * A new rule (for this station, or for every station of a region picked) or a change of one at the
 * version read; what a rule is for stays once made.
 */
export function AlarmRuleForm({ r, stationRegion }: { r: AlarmRulesState; stationRegion: string }) {
  const { t } = useTranslation();
  const editing = r.editing && r.editing !== 'new' ? r.editing : null;
  const initialValues = useMemo<RuleFormValues>(
    () => (editing ? ruleFormValuesOf(editing) : { ...NEW_RULE, regionCode: stationRegion }),
    [editing, stationRegion],
  );
  return (
    <FormModal<RuleFormValues>
      open={r.editing !== null}
      title={t(editing ? 'stations.rules.editTitle' : 'stations.rules.addTitle')}
      initialValues={initialValues}
      onCancel={r.close}
      onSubmit={r.save}
      width={520}
      testId="alarm-rule-form"
    >
      {!editing && <ScopeFields />}
      <RuleFields />
    </FormModal>
  );
}

function ScopeFields() {
  const { t } = useTranslation();
  const scope = Form.useWatch<RuleFormValues['scope'] | undefined>('scope');
  return (
    <>
      <Form.Item name="scope" label={t('stations.rules.scope')}>
        <Radio.Group
          options={[
            { value: 'station', label: t('stations.rules.scopeStationOption') },
            { value: 'region', label: t('stations.rules.scopeRegionOption') },
          ]}
        />
      </Form.Item>
      {scope === 'region' && (
        <Form.Item
          name="regionCode"
          label={t('stations.rules.region')}
          extra={t('stations.rules.regionHelp')}
          rules={[{ required: true, message: t('stations.rules.required') }]}
        >
          <RegionPicker />
        </Form.Item>
      )}
    </>
  );
}

function RuleFields() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const metric = Form.useWatch<AlarmRuleMetric | undefined>('metric');
  const unit = ALARM_RULE_METRIC_LABELS[metric ?? 'temperatureC'].unit.trim();
  const required = [{ required: true, message: t('stations.rules.required') }];
  const { threshold, hysteresis } = ALARM_RULE_LIMITS;
  return (
    <>
      <Form.Item name="metric" label={t('stations.rules.metric')} rules={required}>
        <Select
          options={ALARM_RULE_METRICS.map((m) => ({ value: m, label: codeText(ALARM_RULE_METRIC_LABELS, m, lang) }))}
          data-testid="alarm-rule-metric"
        />
      </Form.Item>
      <Form.Item name="op" label={t('stations.rules.op')} rules={required}>
        <Radio.Group
          options={ALARM_RULE_OPS.map((o) => ({ value: o, label: codeText(ALARM_RULE_OP_LABELS, o, lang) }))}
        />
      </Form.Item>
      <Form.Item name="threshold" label={t('stations.rules.threshold')} rules={required}>
        <InputNumber
          min={threshold.min}
          max={threshold.max}
          addonAfter={unit}
          style={{ width: '100%' }}
          data-testid="alarm-rule-threshold"
        />
      </Form.Item>
      <Form.Item
        name="durationMin"
        label={t('stations.rules.duration')}
        extra={t('stations.rules.durationHelp')}
        rules={required}
      >
        <InputNumber min={0} max={MAX_MINUTES} style={{ width: '100%' }} data-testid="alarm-rule-duration" />
      </Form.Item>
      <Form.Item name="hysteresis" label={t('stations.rules.hysteresis')} extra={t('stations.rules.hysteresisHelp')}>
        <InputNumber min={hysteresis.min} max={hysteresis.max} addonAfter={unit} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="severity" label={t('stations.rules.severity')} rules={required} style={{ marginBottom: 0 }}>
        <Select
          options={ALARM_RULE_SEVERITIES.map((s) => ({ value: s, label: t(`stations.alarms.severities.${s}`) }))}
        />
      </Form.Item>
    </>
  );
}
