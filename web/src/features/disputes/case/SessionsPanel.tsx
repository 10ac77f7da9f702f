import { Button, Card, Flex, Form, Input, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { instantOfChinaTime, timeInChina } from '../../../../../contracts/dates';
import { isStage, isTerminal } from '../../../../../contracts/disputes/stages';
import { api } from '../../../app/api';
import { FormModal } from '../../../app/components/FormModal';
import { formatDateTime } from '../../../app/format';
import type { CaseDetail, CaseSession, MinutesBody, SessionBody } from '../types';
import { useCaseChange } from './useCase';

type Mode = SessionBody['mode'];
/** The scheduling form: the session's body, its time as typed in China time ("2026-12-01T09:30"). */
type ScheduleValues = Omit<SessionBody, 'scheduledAt'> & { at: string };
/** The minutes form: when the session was held, as typed in China time. */
type MinutesValues = Omit<MinutesBody, 'heldAt'> & { heldAt?: string };

/** A time typed in China time, as the ISO instant the API takes. */
const instantOf = (typed: string) => instantOfChinaTime(typed).toISOString();

const SCHEDULE_INITIAL: Partial<ScheduleValues> = { mode: 'in_person' };

/** Mediation sessions: scheduled in person, by phone or by video, and their minutes. */
export function SessionsPanel({ detail: d, canWork }: { detail: CaseDetail; canWork: boolean }) {
  const { t } = useTranslation();
  const [scheduling, setScheduling] = useState(false);
  const [minutesFor, setMinutesFor] = useState<CaseSession | null>(null);
  const [mode, setMode] = useState<Mode>('in_person');
  // A case that has ended takes no more sessions.
  const open = !(isStage(d.stage) && isTerminal(d.stage));

  const scheduleSession = useCaseChange(d.id, (v: ScheduleValues) => {
    const body: SessionBody = {
      mode: v.mode,
      scheduledAt: instantOf(v.at),
      location: v.mode === 'video' ? undefined : v.location?.trim() || undefined,
      meetingUrl: v.mode === 'video' ? v.meetingUrl?.trim() : undefined,
    };
    return api.post<CaseDetail>(`/api/disputes/${d.id}/sessions`, body);
  });
  const recordMinutes = useCaseChange(d.id, ({ session, ...v }: MinutesValues & { session: CaseSession }) => {
    const body: MinutesBody = { minutes: v.minutes, heldAt: v.heldAt ? instantOf(v.heldAt) : undefined };
    return api.post<CaseDetail>(`/api/disputes/${d.id}/sessions/${session.id}/minutes`, body);
  });
  const schedule = async (v: ScheduleValues) => {
    await scheduleSession.mutateAsync(v);
    setScheduling(false);
  };
  const record = async (v: MinutesValues) => {
    if (!minutesFor) return;
    await recordMinutes.mutateAsync({ ...v, session: minutesFor });
    setMinutesFor(null);
  };

  return (
    <Card
      title={t('disputes.sessions.title')}
      size="small"
      data-testid="sessions-panel"
      extra={
        canWork &&
        open && (
          <Button
            size="small"
            onClick={() => {
              setMode('in_person');
              setScheduling(true);
            }}
            data-testid="session-schedule"
          >
            {t('disputes.sessions.schedule')}
          </Button>
        )
      }
    >
      <Flex vertical gap={8}>
        {d.sessions.length === 0 && <Typography.Text type="secondary">{t('disputes.sessions.none')}</Typography.Text>}
        {d.sessions.map((s, i) => (
          <div key={s.id} data-testid={`session-${i}`} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
            <Flex justify="space-between" align="center" wrap gap={8}>
              <span>
                <Tag color="blue">{t(`disputes.modes.${s.mode}`)}</Tag>
                {formatDateTime(s.scheduledAt)} {s.location ?? ''}
                {s.meetingUrl && (
                  <a href={s.meetingUrl} target="_blank" rel="noreferrer" style={{ marginInlineStart: 4 }}>
                    {t('disputes.sessions.link')}
                  </a>
                )}
              </span>
              {s.heldAt ? (
                <Tag color="green">{t('disputes.sessions.heldAt', { at: formatDateTime(s.heldAt) })}</Tag>
              ) : (
                canWork && (
                  <Button size="small" onClick={() => setMinutesFor(s)} data-testid={`session-${i}-minutes`}>
                    {t('disputes.sessions.recordMinutes')}
                  </Button>
                )
              )}
            </Flex>
            {s.minutes && (
              <Typography.Paragraph
                style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap', background: '#fafafa', padding: '4px 8px' }}
              >
                {s.minutes}
              </Typography.Paragraph>
            )}
          </div>
        ))}
      </Flex>

      <FormModal<ScheduleValues>
        open={scheduling}
        title={t('disputes.sessions.schedule')}
        initialValues={SCHEDULE_INITIAL}
        onCancel={() => setScheduling(false)}
        onSubmit={schedule}
        testId="session-form"
      >
        <Form.Item name="mode" label={t('disputes.sessions.mode')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            onChange={(e) => setMode(e.target.value as Mode)}
            options={(['in_person', 'phone', 'video'] as const).map((m) => ({
              value: m,
              label: t(`disputes.modes.${m}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="at"
          label={t('disputes.sessions.at')}
          rules={[{ required: true, message: t('disputes.intake.required') }]}
        >
          <Input type="datetime-local" data-testid="session-at" />
        </Form.Item>
        {mode === 'video' ? (
          <Form.Item
            name="meetingUrl"
            label={t('disputes.sessions.meetingUrl')}
            rules={[{ required: true, type: 'url', message: t('disputes.sessions.urlInvalid') }]}
          >
            <Input placeholder="https://" data-testid="session-url" />
          </Form.Item>
        ) : (
          <Form.Item
            name="location"
            label={t('disputes.sessions.location')}
            rules={[{ required: mode === 'in_person', whitespace: true, message: t('disputes.intake.required') }]}
          >
            <Input maxLength={200} data-testid="session-location" />
          </Form.Item>
        )}
      </FormModal>

      <FormModal<MinutesValues>
        open={!!minutesFor}
        title={t('disputes.sessions.recordMinutes')}
        // Read when the modal opens: the time of that opening, not of the page's first render.
        initialValues={{ heldAt: timeInChina() }}
        onCancel={() => setMinutesFor(null)}
        onSubmit={record}
        testId="minutes-form"
      >
        <Form.Item name="heldAt" label={t('disputes.sessions.heldAtLabel')}>
          <Input type="datetime-local" max={timeInChina()} data-testid="minutes-held-at" />
        </Form.Item>
        <Form.Item
          name="minutes"
          label={t('disputes.sessions.minutes')}
          rules={[{ required: true, whitespace: true, min: 5, message: t('disputes.sessions.minutesRequired') }]}
        >
          <Input.TextArea rows={6} maxLength={20000} data-testid="minutes-text" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
