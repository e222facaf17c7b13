import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Popover, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { Me } from '../../../../contracts/auth.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { useI18n } from '../../i18n/LanguageProvider.js';
import { roleLabel } from '../../lib/roles.js';
import { useLogout } from '../../session/useSession.js';
import { BACK_OFFICE_PATHS } from './BackOfficeMenu.js';

function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  return last.charAt(0).toUpperCase() || '?';
}

/** Every role the user holds, one line each: “Role · Unit”. */
export function RoleList({ user }: { user: Me }) {
  const { language } = useI18n();
  return (
    <ul className="role-list">
      {user.roles.map((r) => (
        <li key={`${r.role}@${r.unitId}`}>
          <strong>{roleLabel(r.role, language)}</strong> · {r.unitName}
        </li>
      ))}
    </ul>
  );
}

function useSignOut() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const logout = useLogout(() => navigate('/', { replace: true }));
  return {
    pending: logout.isPending,
    signOut: () => logout.mutate(undefined, { onError: (e) => message.error(e.message) }),
  };
}

function UserBadge({ user }: { user: Me }) {
  const { t, language } = useI18n();
  const first = user.roles[0];
  const more = user.roles.length - 1;
  return (
    <Popover
      content={<RoleList user={user} />}
      title={t.backOffice.yourRoles}
      trigger="click"
      placement="bottomRight"
    >
      <button
        type="button"
        className="user-badge"
        aria-label={`${user.displayName} — ${t.backOffice.yourRoles}`}
      >
        <Avatar className="user-avatar">{initials(user.displayName)}</Avatar>
        <span className="user-badge-text">
          <span className="user-badge-name">{user.displayName}</span>
          {first && (
            <span className="user-badge-role">
              {roleLabel(first.role, language)} · {first.unitName}
              {more > 0 && ` (+${more})`}
            </span>
          )}
        </span>
      </button>
    </Popover>
  );
}

/** Desktop header: who is signed in, at which units and roles, language, password, sign out. */
export function DesktopAccountHeader({ user }: { user: Me }) {
  const { t } = useI18n();
  const { pending, signOut } = useSignOut();
  return (
    <Space size="middle" className="account-header">
      <UserBadge user={user} />
      <LanguageSwitch />
      <ButtonLink
        to={BACK_OFFICE_PATHS.changePassword}
        icon={<KeyOutlined />}
        aria-label={t.backOffice.changePassword}
      >
        <span className="hide-below-xl">{t.backOffice.changePassword}</span>
      </ButtonLink>
      <Button icon={<LogoutOutlined />} onClick={signOut} loading={pending}>
        {t.backOffice.logout}
      </Button>
    </Space>
  );
}

/** Phone header: language and an account menu with the same actions. */
export function PhoneAccountHeader({ user }: { user: Me }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { signOut } = useSignOut();
  return (
    <Space size="small" className="account-header">
      <LanguageSwitch compact />
      <Dropdown
        trigger={['click']}
        placement="bottomRight"
        popupRender={(menu) => (
          <div className="account-dropdown">
            <div className="account-dropdown-head">
              <Typography.Text strong>{user.displayName}</Typography.Text>
              <RoleList user={user} />
            </div>
            {menu}
          </div>
        )}
        menu={{
          items: [
            { key: 'password', icon: <KeyOutlined />, label: t.backOffice.changePassword },
            { key: 'logout', icon: <LogoutOutlined />, label: t.backOffice.logout, danger: true },
          ],
          onClick: ({ key }) => (key === 'logout' ? signOut() : navigate(BACK_OFFICE_PATHS.changePassword)),
        }}
      >
        <Button type="text" shape="circle" aria-label={user.displayName} icon={<UserOutlined />} />
      </Dropdown>
    </Space>
  );
}
