import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maskMobile } from '../../../../../contracts/identifiers';
import { useErrorText } from '../../../app/errors';
import { publicApi, type CaseToken, type TrackCodeRequest, type TrackVerify } from './publicApi';

const big = { height: 48, fontSize: 16 } as const;

/** Case number and phone → a 6-digit SMS code → the case token for this tab. */
export function TrackLogin({
  initial,
  onToken,
}: {
  initial?: { caseNumber?: string; phone?: string };
  onToken: (token: string) => void;
}) {
  const { t } = useTranslation();
  const errText = useErrorText();
  const [form] = Form.useForm<TrackCodeRequest & Partial<Pick<TrackVerify, 'code'>>>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (err) {
      setProblem(errText(err));
    } finally {
      setBusy(false);
    }
  };

  const requestCode = () =>
    run(async () => {
      const v = await form.validateFields(['caseNumber', 'phone']);
      const body: TrackCodeRequest = { caseNumber: v.caseNumber.trim(), phone: v.phone.trim() };
      await publicApi.post('/track/request-code', body);
      setSentTo(v.phone.trim());
    });
  const verify = () =>
    run(async () => {
      const v = await form.validateFields();
      const body: TrackVerify = { caseNumber: v.caseNumber.trim(), code: (v.code ?? '').trim() };
      const r = await publicApi.post<CaseToken>('/track/verify', body);
      onToken(r.caseToken);
    });

  return (
    <Card styles={{ body: { padding: 16 } }}>
      <Form form={form} layout="vertical" size="large" requiredMark={false} autoComplete="off" initialValues={initial}>
        <Form.Item
          name="caseNumber"
          label={t('disputesPublic.track.caseNumber')}
          rules={[{ required: true, whitespace: true, message: t('disputesPublic.track.caseNumberRequired') }]}
        >
          <Input
            placeholder={t('disputesPublic.track.caseNumberPlaceholder')}
            data-testid="track-case-number"
            disabled={!!sentTo}
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('disputesPublic.track.phone')}
          rules={[{ required: true, pattern: /^\s*1[3-9]\d{9}\s*$/, message: t('disputesPublic.apply.phoneInvalid') }]}
        >
          <Input maxLength={11} inputMode="tel" data-testid="track-phone" disabled={!!sentTo} />
        </Form.Item>
        {sentTo && (
          <>
            <Typography.Paragraph type="secondary" data-testid="track-code-sent">
              {t('disputesPublic.track.codeSent', { phone: maskMobile(sentTo) })}
            </Typography.Paragraph>
            <Form.Item
              name="code"
              label={t('disputesPublic.track.code')}
              rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('disputesPublic.track.codeInvalid') }]}
            >
              <Input maxLength={6} inputMode="numeric" autoComplete="one-time-code" data-testid="track-code" />
            </Form.Item>
          </>
        )}
      </Form>
      {problem && (
        <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="track-error" />
      )}
      {!sentTo ? (
        <Button
          type="primary"
          block
          style={big}
          loading={busy}
          onClick={() => void requestCode()}
          data-testid="track-request-code"
        >
          {t('disputesPublic.track.requestCode')}
        </Button>
      ) : (
        <>
          <Button
            type="primary"
            block
            style={big}
            loading={busy}
            onClick={() => void verify()}
            data-testid="track-verify"
          >
            {t('disputesPublic.track.verify')}
          </Button>
          <Button type="link" block onClick={() => setSentTo(null)} style={{ marginTop: 8 }}>
            {t('disputesPublic.track.again')}
          </Button>
        </>
      )}
    </Card>
  );
}
