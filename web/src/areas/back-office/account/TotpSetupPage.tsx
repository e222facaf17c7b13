import { CheckCircleFilled } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Result, Typography } from 'antd';
import { confirmTotp, startTotpSetup } from '../../../api/auth.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { useI18n } from '../../../i18n/LanguageProvider.js';
import { SESSION_QUERY_KEY } from '../../../session/queryClient.js';
import { sessionRestriction, useStaffUser } from '../StaffSession.js';

/** Shows only data: URLs of images, so a wrong answer cannot point the page elsewhere. */
const isImageDataUrl = (value: string) => /^data:image\/(png|svg\+xml|gif|jpeg);base64,/.test(value);

export function TotpSetupPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useStaffUser();
  const queryClient = useQueryClient();
  const setup = useMutation({ mutationFn: startTotpSetup });
  const confirm = useMutation({
    mutationFn: (code: string) => confirmTotp(code),
    onSuccess: async () => {
      message.success(t.account.totpDone);
      setup.reset();
      await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    },
  });

  const secret = setup.data;
  return (
    <div className="back-office-page narrow">
      <Typography.Title level={1} className="page-title">
        {t.account.totpTitle}
      </Typography.Title>
      {sessionRestriction(user) === 'mfa_enrollment' && (
        <Alert type="warning" showIcon title={t.account.totpRequired} className="form-alert" />
      )}
      <Typography.Paragraph>{t.account.totpIntro}</Typography.Paragraph>
      {user.totpEnabled && !secret ? (
        <Card>
          <Result status="success" icon={<CheckCircleFilled />} title={t.account.totpEnabled} />
        </Card>
      ) : !secret ? (
        <Card>
          <ApiErrorAlert error={setup.error} className="form-alert" />
          <Button type="primary" onClick={() => setup.mutate()} loading={setup.isPending}>
            {t.account.totpStart}
          </Button>
        </Card>
      ) : (
        <Card>
          <Typography.Paragraph>{t.account.totpScan}</Typography.Paragraph>
          {isImageDataUrl(secret.qrDataUrl) && (
            <img
              src={secret.qrDataUrl}
              alt={t.account.totpQrAlt}
              className="totp-qr"
              width={200}
              height={200}
            />
          )}
          <Typography.Paragraph>
            {t.account.totpSecret}:{' '}
            <Typography.Text code copyable className="totp-secret">
              {secret.secret}
            </Typography.Text>
          </Typography.Paragraph>
          <ApiErrorAlert error={confirm.error} className="form-alert" />
          <Form<{ code: string }>
            layout="vertical"
            requiredMark={false}
            disabled={confirm.isPending}
            onFinish={({ code }) => confirm.mutate(code.trim())}
          >
            <Form.Item
              name="code"
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
                placeholder="000000"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={confirm.isPending}>
              {t.account.totpConfirm}
            </Button>
          </Form>
        </Card>
      )}
    </div>
  );
}
