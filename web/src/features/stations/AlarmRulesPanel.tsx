import { App, Button, Card, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { ALARM_RULE_METRIC_LABELS, ALARM_RULE_OP_LABELS } from '../../../../contracts/stations/alarm-rule-codes';
import type { AlarmRule } from '../../../../contracts/stations/rules';
import { useMe } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { AlarmRuleForm } from './AlarmRuleForm';
import { durationOf, mayChangeRule } from './alarmRules';
import { codeText } from './labels';
import { SEVERITY_COLORS } from './live';
import type { Station } from './types';
import { useAlarmRules, type AlarmRulesState } from './useAlarmRules';

/**
 * The threshold alarm rules that apply to the station: its own and those of the regions it lies in,
 * each enabled or not. Who keeps stations makes a rule for this station or for a region, changes one
 * of their region's rules and turns it off or on; a higher region's rule is shown, not changed.
 */
export function AlarmRulesPanel({ station, canManage }: { station: Station; canManage: boolean }) {
  const { t } = useTranslation();
  const r = useAlarmRules(station.code);
  const userRegion = useMe().regionCode;
  const mayChange = (rule: AlarmRule) => mayChangeRule(rule, station.regionCode, userRegion, canManage);
  const columns = useColumns(r, mayChange, canManage);
  return (
    <Card
      title={t('stations.rules.title')}
      extra={
        canManage && (
          <Button size="small" type="primary" onClick={r.openCreate} data-testid="alarm-rule-add">
            {t('stations.rules.add')}
          </Button>
        )
      }
      data-testid="alarm-rules-panel"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('stations.rules.hint')}
      </Typography.Paragraph>
      <Table<AlarmRule>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        loading={r.loading}
        dataSource={r.rules}
        columns={columns}
        locale={{ emptyText: t('stations.rules.empty') }}
        onRow={(rule) =>
          ({
            'data-testid': 'alarm-rule-row',
            'data-rule-id': rule.id,
            'data-enabled': String(rule.enabled),
            'data-version': rule.version,
          }) as object
        }
      />
      {canManage && <AlarmRuleForm r={r} stationRegion={station.regionCode} />}
    </Card>
  );
}

function useColumns(
  r: AlarmRulesState,
  mayChange: (rule: AlarmRule) => boolean,
  canManage: boolean,
): TableColumnsType<AlarmRule> {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const showError = useShowError();

  const toggle = async (rule: AlarmRule) => {
    try {
      const after = await r.toggle(rule);
      void message.success(t(after.enabled ? 'stations.rules.turnedOn' : 'stations.rules.turnedOff'));
    } catch (err) {
      showError(err);
    }
  };
  const condition = (rule: AlarmRule) => {
    const { unit } = ALARM_RULE_METRIC_LABELS[rule.metric];
    const duration = durationOf(rule.durationSec);
    const parts = [
      `${codeText(ALARM_RULE_METRIC_LABELS, rule.metric, lang)} ${codeText(ALARM_RULE_OP_LABELS, rule.op, lang)} ${rule.threshold}${unit}`,
      duration.unit === 'atOnce'
        ? t('stations.rules.atOnce')
        : t('stations.rules.lasting', { duration: t(`stations.rules.${duration.unit}`, { count: duration.count }) }),
    ];
    if (rule.hysteresis > 0) parts.push(t('stations.rules.clearsAt', { value: rule.hysteresis, unit }));
    return parts.join(' · ');
  };

  return [
    {
      key: 'scope',
      title: t('stations.rules.scope'),
      render: (_, rule) =>
        rule.stationCode ? (
          <Tag style={{ margin: 0 }}>{t('stations.rules.scopeStation')}</Tag>
        ) : (
          <Tag color="blue" style={{ margin: 0 }}>
            {t('stations.rules.scopeRegion', { region: rule.regionName ?? rule.regionCode })}
          </Tag>
        ),
    },
    {
      key: 'condition',
      title: t('stations.rules.condition'),
      render: (_, rule) => <span data-testid="alarm-rule-condition">{condition(rule)}</span>,
    },
    {
      key: 'severity',
      title: t('stations.rules.severity'),
      render: (_, rule) => (
        <Tag color={SEVERITY_COLORS[rule.severity]} style={{ margin: 0 }}>
          {t(`stations.alarms.severities.${rule.severity}`)}
        </Tag>
      ),
    },
    {
      key: 'enabled',
      title: t('stations.rules.enabled'),
      render: (_, rule) =>
        mayChange(rule) ? (
          <Switch
            size="small"
            checked={rule.enabled}
            loading={r.toggling === rule.id}
            onChange={() => void toggle(rule)}
            aria-label={t(rule.enabled ? 'stations.rules.turnOff' : 'stations.rules.turnOn')}
            data-testid="alarm-rule-toggle"
          />
        ) : (
          <Tag color={rule.enabled ? 'success' : 'default'} style={{ margin: 0 }}>
            {t(rule.enabled ? 'stations.rules.on' : 'stations.rules.off')}
          </Tag>
        ),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('stations.rules.actions'),
            render: (_: unknown, rule: AlarmRule) =>
              mayChange(rule) ? (
                <Button size="small" onClick={() => r.openEdit(rule)} data-testid="alarm-rule-edit">
                  {t('stations.rules.edit')}
                </Button>
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('stations.rules.readOnly')}
                </Typography.Text>
              ),
          },
        ]
      : []),
  ];
}
