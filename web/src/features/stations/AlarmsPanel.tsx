import {
  App,
  Badge,
  Button,
  Card,
  Divider,
  Flex,
  Form,
  Input,
  Modal,
  Pagination,
  Skeleton,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../app/api';
import { applyFieldError, useErrorText, useShowError } from '../../app/errors';
import { formatDateTime, punctuationOf } from '../../app/format';
import { langOf } from './labels';
import { actionsOf, ALARM_STATE_COLORS, SEVERITY_COLORS } from './live';
import type { Alarm, AlarmAction } from './types';
import type { StationLiveState } from './useStationLive';

interface Target {
  alarm: Alarm;
  action: AlarmAction;
}

/**
 * The station's alarms: the open ones first (active or acknowledged, newest first, live with the
 * station), each acknowledged or cleared with an optional note; below, on request, the cleared ones
 * paged on the server.
 */
export function AlarmsPanel({ live: l }: { live: StationLiveState }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<Target | null>(null);
  const act = (alarm: Alarm, action: AlarmAction) => setTarget({ alarm, action });
  return (
    <Card
      title={
        <Flex gap={8} align="center">
          {t('stations.alarms.title')}
          <Badge count={l.openAlarms.length} data-testid="alarm-open-count" />
        </Flex>
      }
      data-testid="station-alarms"
    >
      {l.live ? (
        <AlarmList alarms={l.openAlarms} empty={t('stations.alarms.none')} onAct={act} />
      ) : (
        l.liveLoading && <Skeleton active paragraph={{ rows: 2 }} />
      )}
      <Divider style={{ margin: '12px 0' }} />
      <Flex align="center" gap={8}>
        <Switch
          id="station-alarm-history"
          size="small"
          checked={l.historyShown}
          onChange={l.showHistory}
          data-testid="alarm-history"
        />
        <label htmlFor="station-alarm-history">{t('stations.alarms.history')}</label>
      </Flex>
      {l.historyShown && (
        <div data-testid="alarm-history-list" style={{ marginTop: 8 }}>
          {l.historyLoading && l.history.length === 0 ? (
            <Skeleton active paragraph={{ rows: 2 }} />
          ) : (
            <AlarmList alarms={l.history} empty={t('stations.alarms.historyEmpty')} onAct={act} />
          )}
          <Pagination
            size="small"
            align="end"
            hideOnSinglePage
            showSizeChanger={false}
            style={{ marginTop: 8 }}
            {...l.historyPaging}
          />
        </div>
      )}
      {target && (
        <ActionModal
          key={`${target.alarm.id}-${target.action}`}
          target={target}
          live={l}
          onClose={() => setTarget(null)}
        />
      )}
    </Card>
  );
}

function AlarmList(props: {
  alarms: readonly Alarm[];
  empty: string;
  onAct: (alarm: Alarm, action: AlarmAction) => void;
}) {
  if (props.alarms.length === 0) return <Typography.Text type="secondary">{props.empty}</Typography.Text>;
  return (
    <Flex vertical>
      {props.alarms.map((a) => (
        <AlarmRow key={a.id} alarm={a} onAct={(action) => props.onAct(a, action)} />
      ))}
    </Flex>
  );
}

/** One alarm: how bad, what, when and how often, where it stands, and what may be done to it. */
function AlarmRow({ alarm: a, onAct }: { alarm: Alarm; onAct: (action: AlarmAction) => void }) {
  const { t, i18n } = useTranslation();
  const { colon } = punctuationOf(i18n.language);
  const actions = actionsOf(a.state);
  const when = (label: string, at: string | null, by?: string | null) =>
    at && (
      <span>
        {label}
        {colon}
        {formatDateTime(at)}
        {by && (
          <>
            {' · '}
            <span translate="no">{by}</span>
          </>
        )}
      </span>
    );
  return (
    <Flex
      wrap
      gap={8}
      justify="space-between"
      align="flex-start"
      style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }}
      data-testid="alarm-row"
      data-alarm-id={a.id}
      data-alarm-kind={a.kind}
      data-alarm-severity={a.severity}
      data-alarm-state={a.state}
    >
      <Flex vertical gap={4} style={{ flex: '1 1 240px', minWidth: 0 }}>
        <Flex wrap gap={4} align="center">
          <Tag color={SEVERITY_COLORS[a.severity]} style={{ margin: 0 }}>
            {t(`stations.alarms.severities.${a.severity}`)}
          </Tag>
          <Tag style={{ margin: 0 }}>{t(`stations.alarms.kinds.${a.kind}`)}</Tag>
          <Tag color={ALARM_STATE_COLORS[a.state]} style={{ margin: 0 }}>
            {t(`stations.alarms.states.${a.state}`)}
          </Tag>
          {a.equipmentCode && (
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }} translate="no">
              {a.equipmentCode}
            </Typography.Text>
          )}
        </Flex>
        <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
          {a.text[langOf(i18n.language)]}
        </Typography.Text>
        <Flex wrap gap={12} style={{ fontSize: 12 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {when(t('stations.alarms.firstAt'), a.firstAt)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {when(t('stations.alarms.lastAt'), a.lastAt)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="alarm-occurrences">
            {t('stations.alarms.occurrences', { count: a.occurrences })}
          </Typography.Text>
          {a.acknowledgedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {when(t('stations.alarms.acknowledgedAt'), a.acknowledgedAt, a.acknowledgedBy)}
            </Typography.Text>
          )}
          {a.clearedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {when(t('stations.alarms.clearedAt'), a.clearedAt, a.clearedBy)}
            </Typography.Text>
          )}
        </Flex>
      </Flex>
      {actions.length > 0 && (
        <Flex gap={8} wrap>
          {actions.map((action) => (
            <Button
              key={action}
              size="small"
              type={action === 'acknowledge' ? 'primary' : 'default'}
              onClick={() => onAct(action)}
              data-testid={`alarm-${action}`}
            >
              {t(`stations.alarms.${action}`)}
            </Button>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

/**
 * The confirmation of an acknowledge or clear, with an optional note. A 409 (someone else got there
 * first) shows the server's message and closes, the alarm shown again as it is now.
 */
function ActionModal({ target, live, onClose }: { target: Target; live: StationLiveState; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const errorText = useErrorText();
  const showError = useShowError();
  const { alarm, action } = target;

  const submit = async ({ note }: { note?: string }) => {
    try {
      await live.act(action, alarm.id, note);
      void message.success(t(`stations.alarms.done.${action}`));
      onClose();
    } catch (err) {
      if (applyFieldError(form, err, errorText)) return;
      showError(err);
      if (err instanceof ApiRequestError && err.status === 409) onClose();
    }
  };

  return (
    <Modal
      open
      width={420}
      title={t(`stations.alarms.${action}Title`)}
      okText={t(`stations.alarms.${action}`)}
      okButtonProps={{ 'data-testid': 'alarm-confirm' }}
      confirmLoading={live.acting}
      onOk={() => form.submit()}
      onCancel={onClose}
      data-testid="alarm-action-modal"
    >
      <Typography.Paragraph strong style={{ overflowWrap: 'anywhere' }}>
        {alarm.text[langOf(i18n.language)]}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t(`stations.alarms.${action}Hint`)}</Typography.Paragraph>
      <Form<{ note?: string }>
        form={form}
        name="station-alarm-action"
        layout="vertical"
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="note" label={t('stations.alarms.note')} style={{ marginBottom: 0 }}>
          <Input.TextArea
            rows={2}
            maxLength={200}
            showCount
            placeholder={t('stations.alarms.notePlaceholder')}
            data-testid="alarm-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
