import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { AUTH_LIMITS } from '@qloop/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useForgetSession, useLogin, useSession } from '../../api/session';
import { LanguageSwitch } from '../../components/language-switch';
import { LogoMark } from '../../components/logo';

interface Values {
  username: string;
  password: string;
}

/** /login: centred card over a quiet branded background, as buyers of enterprise software expect. */
export default function LoginPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as { from?: string; signedOut?: boolean } | null;
  const from = state?.from ?? '/';
  const signedOut = state?.signedOut === true;
  const forget = useForgetSession();

  // arriving from "sign out": the server session is gone, now drop the client's copy
  useEffect(() => {
    if (signedOut) forget();
  }, [signedOut, forget]);

  if (session && !signedOut) return <Navigate to={from} replace />;

  const errorText = (() => {
    const e = login.error;
    if (!e) return null;
    if (!(e instanceof ApiError)) return t('errors.unknown');
    switch (e.code) {
      case 'INVALID_CREDENTIALS':
        return t('auth.invalidCredentials');
      case 'ACCOUNT_LOCKED':
        return t('auth.locked', { count: AUTH_LIMITS.lockoutThreshold, minutes: AUTH_LIMITS.lockoutMinutes });
      case 'ACCOUNT_DISABLED':
        return t('auth.disabled');
      case 'NETWORK':
        return t('errors.network');
      default:
        return e.message;
    }
  })();

  const submit = (v: Values) =>
    login.mutate(v, { onSuccess: () => void navigate(from, { replace: true, state: null }) });

  return (
    <div className="qloop-login">
      <header className="qloop-login-top">
        <LanguageSwitch light />
      </header>
      <main className="qloop-login-main">
        <div className="qloop-login-brand">
          <LogoMark size={44} />
          <div>
            <div className="qloop-login-name">Qloop</div>
            <div className="qloop-login-title">{t('app.title')}</div>
          </div>
        </div>
        <Typography.Paragraph type="secondary" className="qloop-login-slogan">
          {t('app.slogan')}
        </Typography.Paragraph>
        <Card className="qloop-login-card" variant="borderless">
          <Typography.Title level={5} style={{ marginTop: 0, marginBottom: 20, textAlign: 'center' }}>
            {t('auth.loginTitle')}
          </Typography.Title>
          {errorText && (
            <Alert
              type="error"
              showIcon
              title={errorText}
              style={{ marginBottom: 20 }}
              data-testid="login-error"
            />
          )}
          <Form<Values> layout="vertical" size="large" onFinish={submit} requiredMark={false} autoComplete="on">
            <Form.Item name="username" rules={[{ required: true, message: t('auth.usernamePlaceholder') }]}>
              <Input
                prefix={<UserOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />}
                placeholder={t('auth.usernamePlaceholder')}
                autoComplete="username"
                autoFocus
                id="login-username"
              />
            </Form.Item>
            <Form.Item name="password" rules={[{ required: true, message: t('auth.passwordPlaceholder') }]}>
              <Input.Password
                prefix={<LockOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />}
                placeholder={t('auth.passwordPlaceholder')}
                autoComplete="current-password"
                id="login-password"
              />
            </Form.Item>
            <Form.Item style={{ marginBottom: 0 }}>
              <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
                {t('auth.submit')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
      </main>
      <footer className="qloop-login-footer">
        <div>{t('auth.features')}</div>
        <div>
          <Link to="/portal" data-testid="portal-link">
            {t('auth.portalLink')}
          </Link>
        </div>
        <div>{t('app.footer', { year: new Date().getFullYear() })}</div>
      </footer>
    </div>
  );
}
