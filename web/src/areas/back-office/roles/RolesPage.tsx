import { SafetyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { listRoles, type RoleInfo } from '../../../api/admin.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { useI18n } from '../../../i18n/LanguageProvider.js';
import { permissionLabel, sortPermissions } from '../../../lib/permissions.js';
import { useIsPhone } from '../../../lib/useIsPhone.js';

const ROLES_KEY = ['roles'] as const;

function PrivilegedTag() {
  const { t } = useI18n();
  return (
    <Tooltip title={t.roles.privilegedHint}>
      <Tag color="gold" icon={<SafetyOutlined />}>
        {t.roles.privileged}
      </Tag>
    </Tooltip>
  );
}

function RoleName({ role }: { role: RoleInfo }) {
  const { language } = useI18n();
  return (
    <div className="role-name-cell">
      <strong>{role.label[language] || role.role}</strong>
      <Typography.Text type="secondary" className="role-code">
        {role.role}
      </Typography.Text>
      {role.privileged && <PrivilegedTag />}
    </div>
  );
}

function PermissionTags({ permissions }: { permissions: string[] }) {
  const { t } = useI18n();
  if (permissions.length === 0)
    return <Typography.Text type="secondary">{t.roles.noPermissions}</Typography.Text>;
  return (
    <span className="tag-group">
      {sortPermissions(permissions, t.roles.permissionLabels).map((p) => (
        <Tooltip key={p} title={p}>
          <Tag color="blue">{permissionLabel(p, t.roles.permissionLabels)}</Tag>
        </Tooltip>
      ))}
    </span>
  );
}

/** Columns of the role table; on phones the permissions go under the role's name. */
function useRoleColumns(): TableColumnsType<RoleInfo> {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  if (isPhone) {
    return [
      {
        title: t.roles.role,
        key: 'summary',
        render: (_, role) => (
          <div className="day-summary-cell">
            <RoleName role={role} />
            <PermissionTags permissions={role.permissions} />
          </div>
        ),
      },
    ];
  }
  return [
    { title: t.roles.role, key: 'role', width: 260, render: (_, role) => <RoleName role={role} /> },
    {
      title: t.roles.permissions,
      dataIndex: 'permissions',
      render: (permissions: string[]) => <PermissionTags permissions={permissions} />,
    },
  ];
}

/** What each role may do: open to every staff user, so they can see what a role would give them. */
export function RolesPage() {
  const { t } = useI18n();
  const roles = useQuery({
    queryKey: ROLES_KEY,
    queryFn: ({ signal }) => listRoles(signal),
    staleTime: 5 * 60_000,
  });
  const columns = useRoleColumns();

  return (
    <div className="back-office-page">
      <Typography.Title level={1} className="page-title">
        {t.roles.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.roles.intro}</Typography.Paragraph>
      <ApiErrorAlert error={roles.error} className="form-alert" />
      <Table<RoleInfo>
        rowKey="role"
        columns={columns}
        dataSource={roles.data ?? []}
        loading={roles.isFetching}
        pagination={false}
      />
    </div>
  );
}
