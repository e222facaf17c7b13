import { DeleteOutlined, UnlockOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { UpdateUserBodySchema, type UserSummary } from '../../../../../contracts/admin.js';
import type { Role } from '../../../../../contracts/auth.js';
import { grantRole, revokeRole, type UpdateUserBody, updateUser } from '../../../api/admin.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { useI18n } from '../../../i18n/LanguageProvider.js';
import { fill } from '../../../i18n/language.js';
import { formatDate } from '../../../lib/format.js';
import { schemaRule } from '../../../lib/formRules.js';
import { roleLabel, STAFF_ROLES } from '../../../lib/roles.js';
import { useIsPhone } from '../../../lib/useIsPhone.js';
import { UnitPicker } from '../units/UnitPicker.js';
import { UserStatusTag } from './UserStatusTag.js';

const fields = UpdateUserBodySchema.shape;

interface DetailsForm {
  displayName: string;
  email?: string;
}

function RolesSection({ user, onChanged }: { user: UserSummary; onChanged: (user: UserSummary) => void }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ role: Role; unitId: string }>();
  const grant = useMutation({
    mutationFn: ({ role, unitId }: { role: Role; unitId: string }) => grantRole(user.id, role, unitId),
    onSuccess: (updated) => {
      message.success(t.users.granted);
      form.resetFields();
      onChanged(updated);
    },
  });
  const revoke = useMutation({
    mutationFn: ({ role, unitId }: { role: Role; unitId: string }) => revokeRole(user.id, role, unitId),
    onSuccess: (updated) => {
      message.success(t.users.revoked);
      onChanged(updated);
    },
  });

  return (
    <section aria-labelledby="user-roles-title">
      <Typography.Title level={3} id="user-roles-title" className="section-title">
        {t.users.roles}
      </Typography.Title>
      <ApiErrorAlert error={revoke.error} className="form-alert" />
      {user.roles.length === 0 ? (
        <Typography.Paragraph type="secondary">{t.users.noRoles}</Typography.Paragraph>
      ) : (
        <ul className="assignment-list">
          {user.roles.map((r) => {
            const label = roleLabel(r.role, language);
            return (
              <li key={`${r.role}@${r.unitId}`} className="assignment-item">
                <span>
                  <strong>{label}</strong> · {r.unitName}
                </span>
                <Popconfirm
                  title={fill(t.users.revokeConfirm, { role: label, unit: r.unitName })}
                  okText={t.users.revoke}
                  cancelText={t.common.cancel}
                  onConfirm={() => revoke.mutateAsync({ role: r.role, unitId: r.unitId })}
                >
                  <Button size="small" danger icon={<DeleteOutlined />}>
                    {t.users.revoke}
                  </Button>
                </Popconfirm>
              </li>
            );
          })}
        </ul>
      )}
      <Typography.Title level={4} className="section-title">
        {t.users.grantTitle}
      </Typography.Title>
      <ApiErrorAlert error={grant.error} className="form-alert" />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => grant.mutate(v)}
        disabled={grant.isPending}
      >
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
        <Button htmlType="submit" loading={grant.isPending}>
          {t.users.grant}
        </Button>
      </Form>
    </section>
  );
}

/** Details, sign-in status (active / unlock) and role assignments of one user. */
export function EditUserDrawer({
  user,
  onClose,
  onChanged,
}: {
  user: UserSummary | null;
  onClose: () => void;
  onChanged: (user: UserSummary) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) => updateUser(id, body),
    onSuccess: (updated, { body }) => {
      message.success(body.unlock ? t.users.unlocked : t.users.saved);
      onChanged(updated);
    },
  });

  return (
    <Drawer
      open={user !== null}
      onClose={() => {
        update.reset();
        onClose();
      }}
      title={user ? fill(t.users.editTitle, { name: user.displayName }) : ''}
      size={isPhone ? '100%' : 520}
      destroyOnHidden
    >
      {user && (
        <>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'username', label: t.users.username, children: user.username ?? '—' },
              { key: 'status', label: t.users.status, children: <UserStatusTag user={user} /> },
              { key: 'createdAt', label: t.users.createdAt, children: formatDate(user.createdAt) },
            ]}
          />
          <ApiErrorAlert error={update.error} className="form-alert" />
          <Space wrap className="user-status-actions">
            <span className="switch-label">
              <Switch
                aria-labelledby="user-active-label"
                checked={user.active}
                loading={update.isPending}
                onChange={(active) => update.mutate({ id: user.id, body: { active } })}
              />
              <span id="user-active-label">{t.users.active}</span>
            </span>
            {user.locked && (
              <Button
                icon={<UnlockOutlined />}
                onClick={() => update.mutate({ id: user.id, body: { unlock: true } })}
                loading={update.isPending}
              >
                {t.users.unlock}
              </Button>
            )}
          </Space>
          <Divider />
          <Form<DetailsForm>
            key={user.id}
            layout="vertical"
            requiredMark={false}
            initialValues={{ displayName: user.displayName, email: user.email ?? '' }}
            disabled={update.isPending}
            onFinish={(v) =>
              update.mutate({
                id: user.id,
                body: { displayName: v.displayName.trim(), email: v.email?.trim() ? v.email.trim() : null },
              })
            }
          >
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
            <Form.Item
              name="email"
              label={t.users.email}
              rules={[schemaRule(fields.email, t.users.emailRule)]}
            >
              <Input type="email" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              {t.common.save}
            </Button>
          </Form>
          <Divider />
          <RolesSection key={user.id} user={user} onChanged={onChanged} />
        </>
      )}
    </Drawer>
  );
}
