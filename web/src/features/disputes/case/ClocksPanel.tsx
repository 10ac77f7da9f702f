import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../labor-law/money';
import { langOf } from '../labels';
import type { Clock } from '../types';

const STATUS_COLOR: Record<Clock['status'], string> = {
  running: 'blue',
  overdue: 'red',
  met: 'green',
  not_started: 'default',
  stopped: 'default',
};

type StatusKey = Clock['status'] | 'due_soon' | 'met_late' | 'service_overdue';

function statusOf(c: Clock, today: string): { key: StatusKey; color: string } {
  if (c.status === 'running' && c.remindOn && c.remindOn <= today) return { key: 'due_soon', color: 'orange' };
  // A missed service standard is the studio's own promise, never shown as a legal deadline overrun.
  if (c.status === 'overdue' && c.obligation === 'service_standard') return { key: 'service_overdue', color: 'gold' };
  if (c.status === 'met' && c.late) return { key: 'met_late', color: 'gold' };
  return { key: c.status, color: STATUS_COLOR[c.status] };
}

/**
 * Every clock of the case with its statute: started, due, days left, met or overdue. A clock that
 * is the studio's service standard (the contact clock of a union case) is tagged as such.
 */
export function ClocksPanel({ clocks }: { clocks: Clock[] }) {
  const { t, i18n } = useTranslation();
  const en = langOf(i18n.language) === 'en';
  const today = todayInChina();
  return (
    <Card title={t('disputes.clocks.title')} size="small" data-testid="clocks-panel">
      <Flex vertical gap={12}>
        {clocks.map((c) => {
          const s = statusOf(c, today);
          const left =
            c.unit === 'working_days' && c.workingDaysLeft != null
              ? t('disputes.clocks.workingDaysLeft', { n: c.workingDaysLeft })
              : c.daysLeft != null
                ? c.daysLeft < 0
                  ? t('disputes.clocks.daysOver', { n: -c.daysLeft })
                  : t('disputes.clocks.daysLeft', { n: c.daysLeft })
                : null;
          return (
            <div
              key={c.code}
              data-testid={`clock-${c.code}`}
              data-status={c.status}
              style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}
            >
              <Flex justify="space-between" align="baseline" gap={8}>
                <Typography.Text strong>{en ? c.labelEn : c.label}</Typography.Text>
                <Tag color={s.color} style={{ marginInlineEnd: 0 }} data-testid="clock-status">
                  {t(`disputes.clocks.status.${s.key}`)}
                </Tag>
              </Flex>
              {c.obligation === 'service_standard' && (
                <Tag color="default" data-testid="clock-service-standard" style={{ marginTop: 2 }}>
                  {t('disputes.clocks.serviceStandard')}
                </Tag>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} data-testid="clock-basis">
                {en ? c.basisEn : c.basis}
              </Typography.Text>
              <Flex gap={12} wrap style={{ fontSize: 13, marginTop: 2 }}>
                {c.startsOn && <span>{t('disputes.clocks.starts', { date: c.startsOn })}</span>}
                {c.dueOn && <span data-testid="clock-due">{t('disputes.clocks.due', { date: c.dueOn })}</span>}
                {left && c.status !== 'met' && c.status !== 'stopped' && (
                  <span style={{ color: c.status === 'overdue' ? '#cf1322' : undefined }}>{left}</span>
                )}
                {c.metOn && <span>{t('disputes.clocks.metOn', { date: c.metOn })}</span>}
              </Flex>
              {(c.note || c.noteEn) && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {en ? c.noteEn : c.note}
                </Typography.Text>
              )}
            </div>
          );
        })}
        {clocks.length === 0 && <Typography.Text type="secondary">{t('disputes.clocks.none')}</Typography.Text>}
      </Flex>
    </Card>
  );
}
