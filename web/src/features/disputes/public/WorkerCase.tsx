import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../app/errors';
import { punctuationOf } from '../../../app/format';
import { claimLabel, closeReasonLabel, langOf, money, referralLabel } from '../labels';
import { publicApi, type WorkerSignBody, type WorkerView } from './publicApi';
import { WorkerDocuments, WorkerEvidence } from './WorkerFiles';
import { WorkerSessions } from './WorkerSessions';
import { WorkerWarnings } from './WorkerWarnings';

const big = { height: 48, fontSize: 16 } as const;

/** Signing on the phone: a fresh SMS code, typed back, signs the agreement as the worker. */
function SignBox({
  token,
  termsHash,
  onChange,
}: {
  token: string;
  termsHash: string;
  onChange: (v: WorkerView) => void;
}) {
  const { t } = useTranslation();
  const errText = useErrorText();
  const [code, setCode] = useState('');
  // Both spend something once (an SMS sent, a code checked): mutations, never retried or repeated.
  const requestCode = useMutation({ mutationFn: () => publicApi.tracked('POST', '/track/sign-code', token) });
  const sign = useMutation({
    mutationFn: (body: WorkerSignBody) => publicApi.tracked<WorkerView>('POST', '/track/sign', token, body),
    onSuccess: onChange,
  });
  const busy = requestCode.isPending || sign.isPending;
  const failed = sign.error ?? requestCode.error;
  const problem = failed ? errText(failed) : null;
  return (
    <Card styles={{ body: { padding: 16, background: '#fff5f5' } }} data-testid="track-sign">
      <Typography.Paragraph strong style={{ fontSize: 16 }}>
        {t('disputesPublic.track.signTitle')}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('disputesPublic.track.signHint')}</Typography.Paragraph>
      {!requestCode.isSuccess ? (
        <Button
          type="primary"
          block
          style={big}
          loading={busy}
          onClick={() => requestCode.mutate()}
          data-testid="track-sign-start"
        >
          {t('disputesPublic.track.signStart')}
        </Button>
      ) : (
        <Flex vertical gap={12}>
          <Input
            size="large"
            maxLength={6}
            inputMode="numeric"
            autoComplete="one-time-code"
            placeholder={t('disputesPublic.track.code')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            data-testid="track-sign-code"
          />
          <Button
            type="primary"
            block
            style={big}
            loading={busy}
            disabled={!/^\d{6}$/.test(code.trim())}
            onClick={() => sign.mutate({ code: code.trim(), termsHash })}
            data-testid="track-sign-confirm"
          >
            {t('disputesPublic.track.signConfirm')}
          </Button>
        </Flex>
      )}
      {problem && (
        <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} data-testid="track-sign-error" />
      )}
    </Card>
  );
}

/**
 * The worker's case: the deadlines to act on now, steps with plain descriptions, the sessions, the
 * clocks that concern them, agreement and payments, the papers to download and the evidence sent
 * from the phone.
 */
export function WorkerCase({
  view: v,
  token,
  onChange,
}: {
  view: WorkerView;
  token: string;
  onChange: (v: WorkerView) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const punct = punctuationOf(lang);
  const en = lang === 'en';
  const current = v.steps.findIndex((s) => s.current);
  const total = v.agreement?.installments.reduce((s, i) => s + i.amountFen, 0) ?? 0;

  return (
    <Flex vertical gap={12} data-testid="track-case" data-stage={v.stage}>
      <Card styles={{ body: { padding: 16 } }}>
        <Typography.Text type="secondary">{t('disputesPublic.track.caseNumber')}</Typography.Text>
        <Typography.Title level={4} style={{ margin: '2px 0 4px' }} data-testid="track-number">
          {v.caseNumber}
        </Typography.Title>
        <Typography.Text>
          {v.workerName} {v.phoneMasked ? `· ${v.phoneMasked}` : ''}
        </Typography.Text>
      </Card>
      <WorkerWarnings warnings={v.warnings} />
      {v.canSign && v.termsHash && <SignBox token={token} termsHash={v.termsHash} onChange={onChange} />}
      <WorkerSessions sessions={v.sessions} />
      <WorkerDocuments token={token} />
      <Card title={t('disputesPublic.track.progress')} styles={{ body: { padding: 16 } }}>
        <Steps
          orientation="vertical"
          size="small"
          current={current}
          status={
            v.stage === 'closed_failed' || v.stage === 'confirmation_refused'
              ? 'error'
              : v.stage === 'performed'
                ? 'finish'
                : 'process'
          }
          items={v.steps.map((s) => ({
            title: <span data-testid={s.current ? 'track-current-step' : undefined}>{en ? s.labelEn : s.label}</span>,
            content: s.current ? (en ? s.descriptionEn : s.description) : undefined,
          }))}
          data-testid="track-steps"
        />
        {v.closedReason && (
          <Alert
            type="info"
            showIcon
            title={`${closeReasonLabel(v.closedReason, lang)}${v.referral ? ` · ${referralLabel(v.referral, lang)}` : ''}`}
          />
        )}
      </Card>
      {v.nextSteps.length > 0 && (
        <Card
          title={t('disputesPublic.track.nextSteps')}
          styles={{ body: { padding: 16 } }}
          data-testid="track-next-steps"
        >
          <Flex vertical gap={10}>
            {v.nextSteps.map((s) => (
              <div key={s.code} data-testid={`track-next-${s.code}`}>
                <Typography.Text style={{ display: 'block' }}>{en ? s.textEn : s.text}</Typography.Text>
                {s.byOn && <Tag color="orange">{t('disputesPublic.track.byOn', { date: s.byOn })}</Tag>}
              </div>
            ))}
          </Flex>
        </Card>
      )}
      {v.clocks.length > 0 && (
        <Card title={t('disputesPublic.track.deadlines')} styles={{ body: { padding: 16 } }}>
          <Flex vertical gap={10}>
            {v.clocks.map((c) => (
              <div key={c.code} data-testid={`track-clock-${c.code}`}>
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong>{en ? c.labelEn : c.label}</Typography.Text>
                  <Tag color={c.status === 'overdue' ? 'red' : c.status === 'met' ? 'green' : 'blue'}>
                    {t(`disputes.clocks.status.${c.status}`)}
                  </Tag>
                </Flex>
                {c.dueOn && (
                  <Typography.Text style={{ display: 'block' }}>
                    {t('disputes.clocks.due', { date: c.dueOn })}
                    {c.daysLeft != null && c.status === 'running'
                      ? ` · ${t('disputes.clocks.daysLeft', { n: c.daysLeft })}`
                      : ''}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {lang === 'en' ? c.basisEn : c.basis}
                </Typography.Text>
              </div>
            ))}
          </Flex>
        </Card>
      )}
      {v.agreement && (
        <Card
          title={t('disputesPublic.track.agreement')}
          styles={{ body: { padding: 16 } }}
          data-testid="track-agreement"
        >
          <Typography.Paragraph>
            {t('disputesPublic.track.agreementTotal', { amount: money(total, lang) })}
            {punct.bracket(v.agreement.claimTypes.map((c) => claimLabel(c, lang)).join(punct.list))}
          </Typography.Paragraph>
          {v.agreement.summary && <Typography.Paragraph type="secondary">{v.agreement.summary}</Typography.Paragraph>}
          <Flex vertical gap={6}>
            {(v.payments.length
              ? v.payments
              : v.agreement.installments.map((i, k) => ({
                  id: String(k),
                  seq: k + 1,
                  dueOn: i.dueOn,
                  amountFen: i.amountFen,
                  paidOn: null,
                  paidFen: 0,
                }))
            ).map((p) => (
              <Flex key={p.id} justify="space-between" wrap gap={4} data-testid="track-payment">
                <span>{t('disputesPublic.track.instalment', { n: p.seq, date: p.dueOn })}</span>
                <span>
                  {money(p.amountFen, lang)}{' '}
                  {p.paidOn ? (
                    <Tag color="green">{t('disputesPublic.track.paid', { date: p.paidOn })}</Tag>
                  ) : (
                    <Tag>{t('disputesPublic.track.unpaid')}</Tag>
                  )}
                </span>
              </Flex>
            ))}
          </Flex>
          {v.signatures && (
            <Flex gap={4} wrap style={{ marginTop: 12 }}>
              {(['worker', 'employer', 'mediator'] as const).map((k) => (
                <Tag key={k} color={v.signatures![k] ? 'green' : 'default'} data-testid={`track-signature-${k}`}>
                  {t(`disputes.agreement.signer.${k}`)} {v.signatures![k] ? '✓' : t('disputes.agreement.unsigned')}
                </Tag>
              ))}
            </Flex>
          )}
        </Card>
      )}
      <WorkerEvidence token={token} />
    </Flex>
  );
}
