import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Result, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { EmployerAnswer } from '../../../../../contracts/disputes';
import { ApiRequestError } from '../../../app/api';
import { useErrorText } from '../../../app/errors';
import { ASKED_ONCE } from '../../../app/query';
import '../../labor-law/calc.css';
import { parseYuanToFen } from '../../labor-law/money';
import { claimLabel, langOf, money, stageLabel } from '../labels';
import { disputesKeys } from '../queryKeys';
import './i18n';
import { EmployerSignCard } from './EmployerSignCard';
import { publicApi, type EmployerSignBody, type EmployerView } from './publicApi';
import { PageHeading } from '../../../app/components/PageHeading';

const big = { height: 48, fontSize: 16 } as const;

/** The employer (or the party liable to pay) answers the mediation request and signs, by its one-time link. */
export default function EmployerLinkPage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const en = lang === 'en';
  const { message, modal } = App.useApp();
  const errText = useErrorText();
  const queryClient = useQueryClient();
  const [counterOpen, setCounterOpen] = useState(false);
  const [form] = Form.useForm<{ amount: string; note?: string }>();
  const link = `/employer/${encodeURIComponent(token)}`;
  const key = disputesKeys.employerLink(token);

  // The one-time link is read once (ASKED_ONCE); its page changes only with the employer's answers.
  const shown = useQuery({ queryKey: key, queryFn: () => publicApi.get<EmployerView>(link), ...ASKED_ONCE });
  const answer = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: object }) =>
      publicApi.post<EmployerView>(`${link}${path}`, body),
    onSuccess: (next) => {
      queryClient.setQueryData(key, next);
      void message.success(t('disputesPublic.employer.thanks'));
    },
    onError: (err) => {
      void message.error(errText(err));
      // Answered meanwhile (another tab, a colleague): show the page as it now stands.
      if (err instanceof ApiRequestError && err.status === 409) void shown.refetch();
    },
  });
  const busy = answer.isPending;
  /** Sends an answer; true when the server took it. */
  const send = (path: string, body?: object) =>
    answer.mutateAsync({ path, body }).then(
      () => true,
      () => false,
    );
  /** Accepts or declines mediation, or offers another amount. */
  const sendAnswer = (body: EmployerAnswer) => send('/answer', body);

  const view = shown.data;
  if (shown.error && !view)
    return <Result status="warning" title={errText(shown.error)} data-testid="employer-invalid" />;
  if (!view) return <Skeleton active style={{ maxWidth: 640, margin: '0 auto' }} />;
  const total = view.agreement?.installments.reduce((s, i) => s + i.amountFen, 0) ?? 0;
  /** An offer above what the worker claims is most likely a slip of the keyboard: asked once more. */
  const offer = (v: { amount: string; note?: string }) => {
    const fen = parseYuanToFen(v.amount) ?? 0;
    const go = async () => {
      if (await sendAnswer({ answer: 'counter', counterAmountFen: fen, note: v.note?.trim() || undefined }))
        setCounterOpen(false);
    };
    if (fen <= view.claimTotalFen) return void go();
    void modal.confirm({
      title: t('disputesPublic.employer.overClaimTitle'),
      content: t('disputesPublic.employer.overClaim', {
        offer: money(fen, lang),
        claim: money(view.claimTotalFen, lang),
      }),
      okText: t('disputesPublic.employer.overClaimOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'employer-over-claim-ok' },
      onOk: go,
    });
  };

  return (
    <div
      className="yz-calc"
      style={{ maxWidth: 640, margin: '0 auto' }}
      data-testid="employer-page"
      data-stage={view.stage}
      data-link-state={view.linkState}
    >
      <PageHeading look={3} style={{ marginTop: 0, marginBottom: 4 }}>
        {t('disputesPublic.employer.title')}
      </PageHeading>
      <Typography.Paragraph type="secondary" style={{ fontSize: 15 }}>
        {t('disputesPublic.employer.intro', {
          name: view.addressee,
          studio: view.studio?.name ?? t('disputesPublic.employer.theStudio'),
        })}
      </Typography.Paragraph>
      <Alert
        type={
          view.linkState === 'closed'
            ? 'info'
            : view.linkState === 'sign' || view.linkState === 'answer'
              ? 'warning'
              : 'success'
        }
        showIcon
        style={{ marginBottom: 12 }}
        title={t(`disputesPublic.employer.state.${view.linkState}`)}
        description={view.linkState === 'closed' ? t('disputesPublic.employer.closed') : undefined}
        data-testid="employer-link-state"
      />
      <Flex vertical gap={12}>
        <Card styles={{ body: { padding: 16 } }}>
          <Flex justify="space-between" wrap gap={8}>
            <Typography.Text strong data-testid="employer-case-number">
              {view.caseNumber}
            </Typography.Text>
            <Tag color="blue">{stageLabel(view.stage, lang)}</Tag>
          </Flex>
          <Typography.Paragraph style={{ margin: '8px 0 4px' }}>
            {t('disputesPublic.employer.applicant', { name: view.workerName })}
          </Typography.Paragraph>
          {view.claims.map((c, i) => (
            <Flex key={i} justify="space-between" gap={8}>
              <span>{claimLabel(c.type, lang)}</span>
              <span>{money(c.amountFen, lang)}</span>
            </Flex>
          ))}
          <Flex justify="space-between" gap={8} style={{ borderTop: '1px solid #f0f0f0', marginTop: 6, paddingTop: 6 }}>
            <Typography.Text strong>{t('disputesPublic.employer.total')}</Typography.Text>
            <Typography.Text strong style={{ color: '#c62828' }}>
              {money(view.claimTotalFen, lang)}
            </Typography.Text>
          </Flex>
          {/* The worker's own account, as typed. */}
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', whiteSpace: 'pre-wrap' }} translate="no">
            {view.narrative}
          </Typography.Paragraph>
        </Card>
        {view.liability && (
          <Card
            title={t('disputesPublic.employer.basis')}
            styles={{ body: { padding: 16 } }}
            data-testid="employer-liability"
          >
            <Typography.Paragraph
              style={{ background: '#fafafa', padding: '8px 10px', borderRadius: 6 }}
              data-testid="liability-basis"
            >
              {en ? view.liability.basis.textEn : view.liability.basis.text}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="liability-explanation">
              {en ? view.liability.explanationEn : view.liability.explanation}
            </Typography.Paragraph>
          </Card>
        )}
        {view.canAnswer ? (
          <Card title={t('disputesPublic.employer.answerTitle')} styles={{ body: { padding: 16 } }}>
            <Flex vertical gap={10}>
              <Button
                type="primary"
                style={big}
                loading={busy}
                onClick={() => void sendAnswer({ answer: 'accept' })}
                data-testid="employer-accept"
              >
                {t('disputesPublic.employer.accept')}
              </Button>
              <Button style={big} disabled={busy} onClick={() => setCounterOpen(true)} data-testid="employer-counter">
                {t('disputesPublic.employer.counter')}
              </Button>
              <Button
                danger
                style={big}
                disabled={busy}
                onClick={() => void sendAnswer({ answer: 'decline' })}
                data-testid="employer-decline"
              >
                {t('disputesPublic.employer.decline')}
              </Button>
            </Flex>
          </Card>
        ) : (
          view.answered && (
            <Alert
              type="success"
              showIcon
              title={t(`disputesPublic.employer.answered.${view.answered}`)}
              data-testid="employer-answered"
            />
          )
        )}
        {view.agreement && (
          <Card
            title={t('disputesPublic.track.agreement')}
            styles={{ body: { padding: 16 } }}
            data-testid="employer-agreement"
          >
            <Typography.Paragraph>
              {t('disputesPublic.track.agreementTotal', { amount: money(total, lang) })}
            </Typography.Paragraph>
            {view.agreement.summary && (
              <Typography.Paragraph type="secondary">{view.agreement.summary}</Typography.Paragraph>
            )}
            {view.agreement.installments.map((p, i) => (
              <Flex key={i} justify="space-between" gap={8}>
                <span>{t('disputesPublic.track.instalment', { n: i + 1, date: p.dueOn })}</span>
                <span>{money(p.amountFen, lang)}</span>
              </Flex>
            ))}
            {view.canSign && (
              <EmployerSignCard
                view={view}
                link={link}
                amount={money(total, lang)}
                busy={busy}
                onSign={(body: EmployerSignBody) => send('/sign', body)}
              />
            )}
            {view.employerSigned && (
              <Alert
                type="success"
                showIcon
                style={{ marginTop: 12 }}
                title={t('disputesPublic.employer.signed')}
                data-testid="employer-signed"
              />
            )}
          </Card>
        )}
      </Flex>
      <Modal
        open={counterOpen}
        title={t('disputesPublic.employer.counter')}
        okText={t('disputesPublic.employer.send')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onCancel={() => setCounterOpen(false)}
        onOk={() => void form.validateFields().then(offer, () => undefined)}
      >
        <Form form={form} name="employer-counter" layout="vertical">
          <Form.Item
            name="amount"
            label={t('disputesPublic.employer.amount')}
            rules={[
              {
                validator: (_, v: string | undefined) =>
                  parseYuanToFen(v)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('disputesPublic.apply.amountInvalid'))),
              },
            ]}
          >
            <Input inputMode="decimal" suffix={t('disputes.yuan')} data-testid="employer-counter-amount" />
          </Form.Item>
          <Form.Item name="note" label={t('disputesPublic.employer.note')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
