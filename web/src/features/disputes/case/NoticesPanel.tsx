import { Alert, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { punctuationOf } from '../../../app/format';
import { chainRoleLabel, langOf, money } from '../labels';
import type { CaseDetail, Notice } from '../types';

/** What intake found: limitation and collective-case warnings, reasons for a judge, and who must pay. */
export function NoticesPanel({ detail: d }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const en = lang === 'en';
  const punct = punctuationOf(lang);
  const msg = (n: Notice) => (en ? n.messageEn : n.message);
  // The hold of an online applicant is shown, and then its decision, at the top of the page (IdentityPanel).
  const identityShown = !!d.identityCheck || !!d.facts.identityMatch?.decision;
  const warnings = (d.record.intakeWarnings ?? []).filter((w) => !(identityShown && w.code === 'identity_held'));
  const joint = d.record.jointReasons ?? [];
  const liability = d.record.liability;
  const first = liability?.contactFirst;
  const others = liability?.proposals.filter((p) => p.partyId !== first?.partyId) ?? [];
  const counter = d.record.counterOffer;
  const continuedOn = d.kind === 'union_mediation' ? d.record.state?.mediationContinuedOn : undefined;
  const fifteenDaysEnd = d.clocks.find((c) => c.code === 'mediation')?.dueOn ?? '';
  if (!warnings.length && !joint.length && !liability && !counter && !d.record.refusalNote && !continuedOn) return null;

  return (
    <Card title={t('disputes.notices.title')} size="small" data-testid="notices-panel">
      <Flex vertical gap={8}>
        {continuedOn && (
          <Alert
            type="warning"
            showIcon
            title={t('disputes.notices.continued', { date: continuedOn, due: fifteenDaysEnd })}
            data-testid="notice-arbitration-open"
          />
        )}
        {warnings.map((w) => (
          <Alert
            key={w.code}
            type={w.code === 'limitation' ? 'error' : 'warning'}
            showIcon
            title={msg(w)}
            data-testid={`notice-${w.code}`}
          />
        ))}
        {joint.length > 0 && (
          <Alert
            type="info"
            showIcon
            title={t('disputes.notices.joint')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {joint.map((j) => (
                  <li key={j.code}>{msg(j)}</li>
                ))}
              </ul>
            }
            data-testid="notice-joint"
          />
        )}
        {first && (
          <Card
            size="small"
            type="inner"
            title={t('disputes.notices.liability')}
            data-testid="liability-panel"
            styles={{ header: { background: '#fff5f5' } }}
          >
            <Flex align="center" gap={8} wrap style={{ marginBottom: 8 }}>
              <Typography.Text strong style={{ fontSize: 16 }} data-testid="liability-party">
                {first.partyName}
              </Typography.Text>
              <Tag color="red">{chainRoleLabel(first.role, lang)}</Tag>
              <Tag>{t(`disputes.notices.duty.${first.duty}`)}</Tag>
            </Flex>
            <Typography.Paragraph
              style={{ background: '#fafafa', padding: '8px 10px', borderRadius: 6, marginBottom: 8 }}
              data-testid="liability-basis"
            >
              {en ? first.basis.textEn : first.basis.text}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="liability-explanation">
              {en ? first.explanationEn : first.explanation}
            </Typography.Paragraph>
            {others.length > 0 && (
              <div style={{ marginTop: 8 }}>
                <Typography.Text type="secondary">{t('disputes.notices.alsoContact')}</Typography.Text>
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                  {others.map((p) => (
                    <li key={p.partyId}>
                      {p.partyName}
                      {punct.bracket(chainRoleLabel(p.role, lang))}
                      {punct.colon}
                      {en ? p.explanationEn : p.explanation}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {liability.warnings.map((w) => (
              <Alert
                key={w.code}
                type="warning"
                showIcon
                style={{ marginTop: 8 }}
                title={en ? w.messageEn : w.message}
              />
            ))}
          </Card>
        )}
        {counter && (
          <Alert
            type="info"
            showIcon
            title={t('disputes.notices.counterOffer', {
              amount: counter.amountFen !== null ? money(counter.amountFen, lang) : '',
            })}
            // What the employer typed, shown as typed.
            description={counter.note && <span translate="no">{counter.note}</span>}
          />
        )}
        {d.record.refusalNote && (
          <Alert
            type="error"
            showIcon
            title={t('disputes.notices.refusal')}
            description={<span translate="no">{d.record.refusalNote}</span>}
          />
        )}
      </Flex>
    </Card>
  );
}
