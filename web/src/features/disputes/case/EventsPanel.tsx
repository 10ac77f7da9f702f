import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ACTION_INFO, isActionCode } from '../../../../../contracts/disputes/actions';
import { actorLabelIn } from '../../../../../contracts/disputes/actor-labels';
import { formatDateTime } from '../../../app/format';
import { textOf } from '../../../app/i18n';
import { langOf, money, stageLabel, type Lang } from '../labels';
import type { CaseDetail, CaseEvent } from '../types';

/** A few payload fields worth showing beside an event (party, channel, answer, amount, note…). */
/** Event payloads are data: their keys are read with textOf (unchecked keys, the code as fallback). */
function payloadText(e: CaseEvent, t: (k: string) => string, lang: Lang): string {
  const p = e.payload ?? {};
  const bits: string[] = [];
  if (typeof p.party === 'string') bits.push(t(`disputes.agreement.signer.${p.party}`));
  if (typeof p.signer === 'string') bits.push(t(`disputes.agreement.signer.${p.signer}`));
  if (typeof p.channel === 'string' && e.action === 'contact_employer')
    bits.push(
      `${t(`disputes.channels.${p.channel}`)} · ${t(p.reached ? 'disputes.events.reached' : 'disputes.events.notReached')}`,
    );
  if (typeof p.answer === 'string') bits.push(t(`disputes.answers.${p.answer}`));
  if (typeof p.mode === 'string') bits.push(t(`disputes.modes.${p.mode}`));
  if (typeof p.amountFen === 'number') bits.push(money(p.amountFen, lang));
  if (typeof p.paidOn === 'string') bits.push(p.paidOn);
  if (typeof p.mediator === 'string') bits.push(p.mediator);
  if (typeof p.judge === 'string') bits.push(p.judge);
  if (typeof p.filename === 'string') bits.push(p.filename);
  if (typeof p.note === 'string') bits.push(p.note);
  if (typeof p.reason === 'string' && e.action === 'close_failed') bits.push(p.reason);
  if (e.action === 'identity_verified')
    bits.push(t(p.decision === 'same_person' ? 'disputes.identity.same' : 'disputes.identity.different'));
  return bits.join(' · ');
}

export function actionLabel(
  action: string,
  lang: Lang,
  t: (k: string) => string,
  exists: (k: string) => boolean,
): string {
  if (isActionCode(action)) return ACTION_INFO[action][lang];
  return exists(`disputes.events.actions.${action}`) ? t(`disputes.events.actions.${action}`) : action;
}

/** What happened, when (China time) and by whom, stage by stage. */
export function EventsPanel({ detail: d }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const events = [...d.events].reverse();
  return (
    <Card title={t('disputes.events.title')} size="small" data-testid="events-panel">
      <Timeline
        items={events.map((e) => ({
          color: e.toStage && e.toStage !== e.fromStage ? 'red' : 'gray',
          content: (
            <div data-testid="event-item" data-action={e.action}>
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 8 }}>
                {formatDateTime(e.at)}
              </Typography.Text>
              <Typography.Text strong>{actionLabel(e.action, lang, textOf, (k) => i18n.exists(k))}</Typography.Text>
              {e.toStage && e.fromStage !== e.toStage && (
                <Typography.Text style={{ marginInlineStart: 6 }}>→ {stageLabel(e.toStage, lang)}</Typography.Text>
              )}
              <div style={{ fontSize: 12, color: '#595959' }}>
                {actorLabelIn(e.actorLabel, lang)}
                {payloadText(e, textOf, lang) ? ` · ${payloadText(e, textOf, lang)}` : ''}
              </div>
            </div>
          ),
        }))}
      />
    </Card>
  );
}
