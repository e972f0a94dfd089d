/**
 * Sign-in for console roles. Errors are translated by code (wrong password, throttled, hub down, not a console
 * role); a session that ended elsewhere is explained once, so nobody wonders why they are back here.
 */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './login.css';
import { errorMessage } from '../i18n/error-message.js';
import { LanguageSwitch } from '../i18n/LanguageSwitch.js';
import { ProductMark } from '../base/ProductMark.js';
import { ConnectionBadge } from './ConnectionBadge.js';
import { useSessionStore } from './session-store.js';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation(['session', 'shell']);
  const login = useSessionStore((state) => state.login);
  const endedReason = useSessionStore((state) => state.endedReason);
  const startError = useSessionStore((state) => state.startError);
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  // The badge has no push feed before sign-in; one look at the link tells whether signing in can work at all.
  useEffect(() => void useSessionStore.getState().refreshConnection(), []);

  const submit = async ({ username, password }: LoginValues): Promise<void> => {
    setSubmitting(true);
    setError(null);
    try {
      await login(username, password);
    } catch (failure) {
      setError(failure);
      setSubmitting(false);
      void useSessionStore.getState().refreshConnection();
    }
  };

  const shownError = error ?? startError;
  return (
    <div className="login-page">
      <div className="login-toolbar">
        <LanguageSwitch />
      </div>
      <Card className="login-card" variant="outlined">
        <div className="login-brand">
          <ProductMark size={44} />
          <div>
            <Typography.Title level={3} className="login-product">
              {t('shell:app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('shell:app.tagline')}</Typography.Text>
          </div>
        </div>
        <Typography.Title level={5}>{t('session:login.title')}</Typography.Title>
        <Typography.Paragraph type="secondary" className="login-subtitle">
          {t('session:login.subtitle')}
        </Typography.Paragraph>
        {shownError ? (
          <Alert
            type="error"
            showIcon
            className="login-alert"
            title={<span data-testid="login-error">{errorMessage(shownError)}</span>}
          />
        ) : endedReason ? (
          <Alert
            type={endedReason === 'logout' ? 'info' : 'warning'}
            showIcon
            className="login-alert"
            title={<span data-testid="login-notice">{t(`session:sessionEnded.${endedReason}`)}</span>}
          />
        ) : null}
        <Form<LoginValues>
          layout="vertical"
          size="large"
          requiredMark={false}
          onFinish={(values) => void submit(values)}
          disabled={submitting}
        >
          <Form.Item
            name="username"
            label={t('session:login.username')}
            rules={[{ required: true, whitespace: true, message: t('session:login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('session:login.password')}
            rules={[{ required: true, message: t('session:login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            {submitting ? t('session:login.submitting') : t('session:login.submit')}
          </Button>
        </Form>
        <div className="login-footer">
          <ConnectionBadge />
          <Typography.Text type="secondary">{t('session:login.gridWorkerHint')}</Typography.Text>
        </div>
      </Card>
    </div>
  );
}
