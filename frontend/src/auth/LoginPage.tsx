import { Alert, Button, Card, Form, Input, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client';
import { homePath } from '../api/types';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { useAuth } from './AuthContext';

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage() {
  const { me, mode, restoring } = useAuth();
  const location = useLocation();
  // Without a page to go back to, each user starts on their own start page (customers: their tickets).
  const from = (location.state as { from?: string } | null)?.from;

  if (restoring) return <Spin size="large" fullscreen />;
  if (me) return <Navigate to={from ?? homePath(me)} replace />;
  if (mode === 'oidc') return <KeycloakSignIn from={from} />;
  return <LocalLoginForm from={from} />;
}

/** Keycloak mode: straight on to Keycloak's login page; shown only while redirecting or when that failed. */
function KeycloakSignIn({ from }: { from?: string }) {
  const { t } = useTranslation();
  const { loginWithProvider, signInError } = useAuth();
  const [tried, setTried] = useState(false);

  useEffect(() => {
    // after a failed attempt the user retries by hand: no redirect loop
    if (!tried && !signInError) {
      setTried(true);
      void loginWithProvider(from ?? '/tasks');
    }
  }, [tried, signInError, loginWithProvider, from]);

  return (
    <div className="login-page">
      <Card className="login-card" title={t('login.title')} extra={<LanguageSwitch />} data-testid="login-card">
        {signInError ? (
          <Alert
            type="error"
            showIcon
            message={t('login.oidcFailed', { message: signInError })}
            data-testid="login-error"
            style={{ marginBottom: 16 }}
          />
        ) : (
          <Typography.Paragraph data-testid="login-oidc-redirecting">
            <Spin size="small" /> {t('login.oidcRedirecting')}
          </Typography.Paragraph>
        )}
        <Button type="primary" block onClick={() => void loginWithProvider(from ?? '/tasks')} data-testid="login-oidc">
          {t('login.oidcSubmit')}
        </Button>
      </Card>
    </div>
  );
}

function LocalLoginForm({ from }: { from?: string }) {
  const { t } = useTranslation();
  const { login } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ username, password }: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      const user = await login(username.trim(), password);
      void navigate(from ?? homePath(user), { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setError(t('login.failed'));
      else setError(t('login.error', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const required = (field: string) => [{ required: true, message: t('validation.required', { field }) }];

  return (
    <div className="login-page">
      <Card className="login-card" title={t('login.title')} extra={<LanguageSwitch />} data-testid="login-card">
        <Form<Credentials>
          layout="vertical"
          onFinish={(values) => void submit(values)}
          requiredMark={false}
          name="login"
        >
          <Form.Item name="username" label={t('login.username')} rules={required(t('login.username'))}>
            <Input autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={required(t('login.password'))}>
            <Input.Password autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {error && (
            <Alert type="error" showIcon message={error} data-testid="login-error" style={{ marginBottom: 16 }} />
          )}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }} data-testid="login-demo-hint">
          {t('login.demoHint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
