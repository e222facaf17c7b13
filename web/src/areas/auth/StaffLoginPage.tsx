import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { LoginBody, SessionResponse } from '../../../../contracts/auth.js';
import { citizenLoginUrl, login } from '../../api/auth.js';
import { type ApiError, isApiError } from '../../api/client.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { useI18n } from '../../i18n/LanguageProvider.js';
import { SESSION_QUERY_KEY } from '../../session/queryClient.js';

type Step = { kind: 'password' } | { kind: 'totp'; username: string; password: string };

const BACK_OFFICE = '/quan-tri';

/** Where to go after signing in: the back-office page the user was sent away from, else its home. */
function targetAfterLogin(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith(BACK_OFFICE) ? from : BACK_OFFICE;
}

export function StaffLoginPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [error, setError] = useState<ApiError | Error | null>(null);

  const mutation = useMutation<SessionResponse, Error, LoginBody>({
    mutationFn: login,
    onSuccess: (session) => {
      queryClient.setQueryData(SESSION_QUERY_KEY, session);
      navigate(targetAfterLogin(location.state), { replace: true });
    },
    onError: (e, sent) => {
      const code = isApiError(e) ? e.code : null;
      if (code === 'TOTP_REQUIRED') {
        setError(null);
        setStep({ kind: 'totp', username: sent.username, password: sent.password });
        return;
      }
      if (code === 'INVALID_CREDENTIALS' || code === 'ACCOUNT_LOCKED') setStep({ kind: 'password' });
      setError(e);
    },
  });

  const submitPassword = (values: { username: string; password: string }) => {
    setError(null);
    mutation.mutate({ username: values.username.trim(), password: values.password });
  };

  const submitTotp = (values: { totp: string }) => {
    if (step.kind !== 'totp') return;
    setError(null);
    mutation.mutate({ username: step.username, password: step.password, totp: values.totp.trim() });
  };

  const lockedHint = isApiError(error) && error.code === 'ACCOUNT_LOCKED' ? t.login.lockedHint : undefined;

  return (
    <div className="page-container auth-page">
      <Card className="auth-card">
        {step.kind === 'password' ? (
          <>
            <Typography.Title level={1} className="auth-title">
              {t.login.title}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t.login.subtitle}</Typography.Paragraph>
            <ApiErrorAlert error={error} hint={lockedHint} className="form-alert" />
            <Form
              layout="vertical"
              requiredMark={false}
              onFinish={submitPassword}
              disabled={mutation.isPending}
            >
              <Form.Item
                name="username"
                label={t.login.username}
                rules={[{ required: true, whitespace: true, message: t.common.required }]}
              >
                <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={100} />
              </Form.Item>
              <Form.Item
                name="password"
                label={t.login.password}
                rules={[{ required: true, message: t.common.required }]}
              >
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={200} />
              </Form.Item>
              <Button type="primary" htmlType="submit" block size="large" loading={mutation.isPending}>
                {t.login.submit}
              </Button>
            </Form>
          </>
        ) : (
          <>
            <Typography.Title level={1} className="auth-title">
              <SafetyOutlined /> {t.login.totpTitle}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t.login.totpPrompt}</Typography.Paragraph>
            <ApiErrorAlert error={error} className="form-alert" />
            <Form layout="vertical" requiredMark={false} onFinish={submitTotp} disabled={mutation.isPending}>
              <Form.Item
                name="totp"
                label={t.login.totpCode}
                rules={[
                  { required: true, message: t.common.required },
                  { pattern: /^\s*\d{6}\s*$/, message: t.login.totpFormat },
                ]}
              >
                <Input
                  className="otp-input"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  autoFocus
                  placeholder="000000"
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" block size="large" loading={mutation.isPending}>
                {t.login.totpSubmit}
              </Button>
            </Form>
            <Button
              type="link"
              block
              className="auth-secondary"
              onClick={() => {
                setError(null);
                setStep({ kind: 'password' });
              }}
            >
              {t.login.backToPassword}
            </Button>
          </>
        )}
      </Card>
      <Typography.Paragraph className="auth-alt">
        <a href={citizenLoginUrl()}>{t.login.citizenInstead}</a>
      </Typography.Paragraph>
    </div>
  );
}
