import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import type { LoginBody } from '../../../../contracts/auth';
import { useAuth } from '../../app/auth';
import { useErrorText } from '../../app/errors';
import { LangSwitch } from '../../app/layout/LangSwitch';
import { landingPath } from '../../app/menu';
import './i18n';

export default function LoginPage() {
  const { t } = useTranslation();
  const { login, expired } = useAuth();
  const text = useErrorText();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;

  const onFinish = async (v: LoginBody) => {
    setBusy(true);
    setError(null);
    try {
      const me = await login(v.username.trim(), v.password);
      void navigate(from && from !== '/login' ? from : landingPath(me), { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #fff5f5 0%, #f5f5f5 60%)',
        boxSizing: 'border-box',
      }}
    >
      <div style={{ position: 'absolute', top: 12, right: 12 }}>
        <LangSwitch />
      </div>
      <div style={{ textAlign: 'center', marginBottom: 24 }}>
        <Typography.Title level={1} style={{ margin: 0, color: '#c62828', letterSpacing: 4 }}>
          {t('app.name')} <span style={{ fontSize: 24, color: '#595959', letterSpacing: 0 }}>{t('app.nameEn')}</span>
        </Typography.Title>
        <Typography.Text type="secondary" style={{ fontSize: 16 }}>
          {t('app.subtitle')}
        </Typography.Text>
      </div>
      <Card style={{ width: '100%', maxWidth: 380 }} title={t('auth.title')}>
        {(error !== null || expired) && (
          <Alert
            type={error ? 'error' : 'warning'}
            showIcon
            style={{ marginBottom: 16 }}
            title={error ? text(error) : t('auth.sessionExpired')}
            data-testid="login-error"
          />
        )}
        <Form<LoginBody> layout="vertical" size="large" onFinish={(v) => void onFinish(v)} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
      <Link
        to="/calc"
        data-testid="login-calc-link"
        style={{
          display: 'block',
          width: '100%',
          maxWidth: 380,
          marginTop: 16,
          boxSizing: 'border-box',
          minHeight: 48,
          padding: '8px 16px',
          textAlign: 'center',
          background: '#fff',
          border: '1px solid #ffccc7',
          borderRadius: 8,
          color: '#c62828',
        }}
      >
        <strong style={{ fontSize: 16 }}>{t('auth.calcLink')}</strong>
        <span style={{ display: 'block', fontSize: 12, color: '#595959' }}>{t('auth.calcLinkHint')}</span>
      </Link>
      <Typography.Text type="secondary" style={{ marginTop: 24, fontSize: 12, textAlign: 'center' }}>
        {t('auth.footer')}
      </Typography.Text>
    </div>
  );
}
