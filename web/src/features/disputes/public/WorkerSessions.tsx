import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { langOf, type Lang } from '../labels';
import type { WorkerView } from './publicApi';

type Session = WorkerView['sessions'][number];

/** The day of the week of a China date, in the page's language (the date alone: no time zone applies). */
function weekdayOf(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

const STATUS_COLOR: Record<Session['status'], string> = { upcoming: 'blue', held: 'green', past: 'default' };

function SessionItem({ s, lang }: { s: Session; lang: Lang }) {
  const { t } = useTranslation();
  const upcoming = s.status === 'upcoming';
  return (
    <Flex vertical gap={4} data-testid="track-session" data-status={s.status} data-mode={s.mode}>
      <Flex justify="space-between" align="baseline" gap={8} wrap>
        <Typography.Text strong={upcoming} type={upcoming ? undefined : 'secondary'} style={{ fontSize: 16 }}>
          {s.date} {weekdayOf(s.date, lang)} {s.time}
        </Typography.Text>
        <Tag color={STATUS_COLOR[s.status]}>{t(`disputesPublic.track.sessionStatus.${s.status}`)}</Tag>
      </Flex>
      <Typography.Text type={upcoming ? undefined : 'secondary'}>
        {t(`disputesPublic.track.sessionMode.${s.mode}`)}
        {s.location ? ` · ${t('disputesPublic.track.sessionPlace', { place: s.location })}` : ''}
      </Typography.Text>
      {upcoming && s.mode === 'phone' && <Typography.Text>{t('disputesPublic.track.sessionCall')}</Typography.Text>}
      {upcoming && s.meetingUrl && (
        <>
          <Button
            type="primary"
            block
            href={s.meetingUrl}
            target="_blank"
            rel="noopener noreferrer"
            style={{ height: 48, fontSize: 16 }}
            data-testid="track-session-link"
          >
            {t('disputesPublic.track.sessionJoin')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
            {s.meetingUrl}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('disputesPublic.track.sessionLinkHint')}
          </Typography.Text>
        </>
      )}
    </Flex>
  );
}

/** The sessions the mediator arranged: when (China time), how, and where or by which link. */
export function WorkerSessions({ sessions }: { sessions: WorkerView['sessions'] }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  if (!sessions.length) return null;
  return (
    <Card title={t('disputesPublic.track.sessions')} styles={{ body: { padding: 16 } }} data-testid="track-sessions">
      <Flex vertical gap={16}>
        {sessions.map((s) => (
          <SessionItem key={`${s.scheduledAt}-${s.mode}`} s={s} lang={lang} />
        ))}
      </Flex>
    </Card>
  );
}
