import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { type PasswordChangeBody, changePassword } from '../../../api/auth.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { useI18n } from '../../../i18n/LanguageProvider.js';
import { SESSION_QUERY_KEY } from '../../../session/queryClient.js';
import { BACK_OFFICE_PATHS } from '../BackOfficeMenu.js';
import { useStaffUser } from '../StaffSession.js';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useStaffUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PasswordForm>();
  const mutation = useMutation({
    mutationFn: (body: PasswordChangeBody) => changePassword(body),
    onSuccess: async () => {
      message.success(t.account.passwordChanged);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
      navigate(BACK_OFFICE_PATHS.dashboard);
    },
  });

  return (
    <div className="back-office-page narrow">
      <Typography.Title level={1} className="page-title">
        {t.account.changePasswordTitle}
      </Typography.Title>
      {user.mustChangePassword && (
        <Alert type="warning" showIcon title={t.account.mustChange} className="form-alert" />
      )}
      <Card>
        <ApiErrorAlert error={mutation.error} className="form-alert" />
        <Form<PasswordForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          disabled={mutation.isPending}
          onFinish={({ currentPassword, newPassword }) => mutation.mutate({ currentPassword, newPassword })}
        >
          {/* Lets password managers tie the new password to the right account. */}
          <input
            type="text"
            name="username"
            autoComplete="username"
            value={user.username ?? ''}
            readOnly
            hidden
          />
          <Form.Item
            name="currentPassword"
            label={t.account.currentPassword}
            rules={[{ required: true, message: t.common.required }]}
          >
            <Input.Password autoComplete="current-password" maxLength={200} />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t.account.newPassword}
            extra={t.account.newPasswordHelp}
            rules={[
              { required: true, message: t.common.required },
              { min: 10, message: t.users.passwordRule },
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={200} />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t.account.confirmPassword}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t.common.required },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t.account.mismatch)),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={mutation.isPending}>
            {t.common.save}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
