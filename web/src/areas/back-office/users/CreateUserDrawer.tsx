import { useMutation } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import {
  type CreateUserBody,
  CreateUserBodySchema,
  type UserSummary,
} from '../../../../../contracts/admin.js';
import { createUser } from '../../../api/admin.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { useI18n } from '../../../i18n/LanguageProvider.js';
import { fill } from '../../../i18n/language.js';
import { schemaRule } from '../../../lib/formRules.js';
import { roleLabel, STAFF_ROLES } from '../../../lib/roles.js';
import { useIsPhone } from '../../../lib/useIsPhone.js';
import { UnitPicker } from '../units/UnitPicker.js';

const fields = CreateUserBodySchema.shape;

type CreateUserForm = Omit<CreateUserBody, 'email'> & { email?: string };

export function CreateUserDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (user: UserSummary) => void;
}) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<CreateUserForm>();
  const mutation = useMutation({
    mutationFn: (body: CreateUserBody) => createUser(body),
    onSuccess: (user) => {
      message.success(fill(t.users.created, { name: user.displayName }));
      form.resetFields();
      mutation.reset();
      onCreated(user);
    },
  });

  const submit = (values: CreateUserForm) => {
    const email = values.email?.trim();
    mutation.mutate({
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      password: values.password,
      role: values.role,
      unitId: values.unitId,
      ...(email ? { email } : {}),
    });
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t.users.createTitle}
      size={isPhone ? '100%' : 480}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t.common.cancel}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={mutation.isPending}>
            {t.common.create}
          </Button>
        </Space>
      }
    >
      <ApiErrorAlert error={mutation.error} className="form-alert" />
      <Form<CreateUserForm>
        form={form}
        layout="vertical"
        requiredMark
        onFinish={submit}
        disabled={mutation.isPending}
        autoComplete="off"
      >
        <Form.Item
          name="username"
          label={t.users.username}
          extra={t.users.usernameRule}
          rules={[
            { required: true, message: t.common.required },
            schemaRule(fields.username, t.users.usernameRule),
          ]}
        >
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t.users.displayName}
          rules={[
            { required: true, whitespace: true, message: t.common.required },
            schemaRule(fields.displayName, t.users.displayNameRule),
          ]}
        >
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="email" label={t.users.email} rules={[schemaRule(fields.email, t.users.emailRule)]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t.users.initialPassword}
          extra={t.users.initialPasswordHelp}
          rules={[
            { required: true, message: t.common.required },
            schemaRule(fields.password, t.users.passwordRule),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        <Form.Item name="role" label={t.users.role} rules={[{ required: true, message: t.common.required }]}>
          <Select options={STAFF_ROLES.map((r) => ({ value: r, label: roleLabel(r, language) }))} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t.users.unit}
          rules={[{ required: true, message: t.common.required }]}
        >
          <UnitPicker />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
