import { EditOutlined, LockOutlined, SafetyOutlined } from '@ant-design/icons';
import { Button, type TableColumnsType, Tag, Tooltip } from 'antd';
import type { UserSummary } from '../../../../../contracts/admin.js';
import { useI18n } from '../../../i18n/LanguageProvider.js';
import { formatDate } from '../../../lib/format.js';
import { roleLabel } from '../../../lib/roles.js';
import { useIsPhone } from '../../../lib/useIsPhone.js';
import { UserStatusTag } from './UserStatusTag.js';

function RoleTags({ roles }: { roles: UserSummary['roles'] }) {
  const { language } = useI18n();
  return (
    <div className="role-cell">
      {roles.map((r) => (
        <Tag key={`${r.role}@${r.unitId}`} className="role-tag">
          {roleLabel(r.role, language)} · {r.unitName}
        </Tag>
      ))}
    </div>
  );
}

function TotpMark({ user }: { user: UserSummary }) {
  const { t } = useI18n();
  if (!user.totpEnabled) return null;
  return (
    <Tooltip title={t.users.totpOn}>
      <SafetyOutlined aria-label={t.users.totpOn} className="icon-ok" />
    </Tooltip>
  );
}

/**
 * Table columns of the user list; on phones one summary column replaces the detail columns.
 * Without `onEdit` (read-only access) there is no action column.
 */
export function useUserColumns(onEdit?: (user: UserSummary) => void): TableColumnsType<UserSummary> {
  const { t } = useI18n();
  const isPhone = useIsPhone();

  const actionColumn: TableColumnsType<UserSummary>[number] = {
    title: t.users.actions,
    key: 'actions',
    fixed: isPhone ? undefined : 'right',
    width: 100,
    render: (_, user) => (
      <Button
        size="small"
        icon={user.locked ? <LockOutlined /> : <EditOutlined />}
        onClick={() => onEdit?.(user)}
        aria-label={`${t.common.edit}: ${user.displayName}`}
      >
        {t.common.edit}
      </Button>
    ),
  };
  const actions = onEdit ? [actionColumn] : [];

  if (isPhone) {
    return [
      {
        title: t.users.displayName,
        key: 'summary',
        render: (_, user) => (
          <div className="user-summary-cell">
            <strong>{user.displayName}</strong>
            <span className="user-summary-login">
              {user.username ?? '—'} <TotpMark user={user} />
            </span>
            <UserStatusTag user={user} />
            <RoleTags roles={user.roles} />
          </div>
        ),
      },
      ...actions,
    ];
  }

  return [
    {
      title: t.users.username,
      dataIndex: 'username',
      width: 140,
      render: (username: string | null, user) => (
        <span className="nowrap">
          {username ?? '—'} <TotpMark user={user} />
        </span>
      ),
    },
    { title: t.users.displayName, dataIndex: 'displayName', width: 180 },
    {
      title: t.users.email,
      dataIndex: 'email',
      width: 220,
      ellipsis: true,
      render: (email: string | null) => email ?? '—',
      responsive: ['xxl'],
    },
    {
      title: t.users.roles,
      dataIndex: 'roles',
      render: (roles: UserSummary['roles']) => <RoleTags roles={roles} />,
    },
    {
      title: t.users.status,
      key: 'status',
      width: 120,
      render: (_, user) => <UserStatusTag user={user} />,
    },
    {
      title: t.users.createdAt,
      dataIndex: 'createdAt',
      width: 124,
      render: (value: string) => formatDate(value),
      responsive: ['xl'],
    },
    ...actions,
  ];
}
