import {
  AuditOutlined,
  CalendarOutlined,
  ClusterOutlined,
  DashboardOutlined,
  IdcardOutlined,
  KeyOutlined,
  SafetyOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useI18n } from '../../i18n/LanguageProvider.js';
import type { Messages } from '../../i18n/language.js';
import { hasAnyPermission, PERMISSIONS, type Permission } from '../../lib/permissions.js';

export const BACK_OFFICE_PATHS = {
  dashboard: '/quan-tri',
  users: '/quan-tri/nguoi-dung',
  units: '/quan-tri/don-vi',
  holidays: '/quan-tri/ngay-nghi',
  roles: '/quan-tri/vai-tro',
  audit: '/quan-tri/nhat-ky',
  changePassword: '/quan-tri/doi-mat-khau',
  totp: '/quan-tri/xac-thuc-hai-lop',
} as const;

interface MenuEntry {
  path: string;
  icon: ReactNode;
  label: (t: Messages) => string;
  /** Shown when the user has any of these; always shown when absent. */
  anyOf?: readonly Permission[];
}

const WORK_ENTRIES: MenuEntry[] = [
  {
    path: BACK_OFFICE_PATHS.dashboard,
    icon: <DashboardOutlined />,
    label: (t) => t.backOffice.menuDashboard,
  },
  {
    path: BACK_OFFICE_PATHS.users,
    icon: <TeamOutlined />,
    label: (t) => t.backOffice.menuUsers,
    anyOf: [PERMISSIONS.usersRead, PERMISSIONS.usersManage],
  },
  {
    path: BACK_OFFICE_PATHS.units,
    icon: <ClusterOutlined />,
    label: (t) => t.backOffice.menuUnits,
    anyOf: [PERMISSIONS.unitsRead],
  },
  {
    path: BACK_OFFICE_PATHS.holidays,
    icon: <CalendarOutlined />,
    label: (t) => t.backOffice.menuHolidays,
    anyOf: [PERMISSIONS.calendarRead, PERMISSIONS.calendarManage],
  },
  {
    path: BACK_OFFICE_PATHS.roles,
    icon: <IdcardOutlined />,
    label: (t) => t.backOffice.menuRoles,
    anyOf: [PERMISSIONS.usersRead, PERMISSIONS.usersManage],
  },
  {
    path: BACK_OFFICE_PATHS.audit,
    icon: <AuditOutlined />,
    label: (t) => t.backOffice.menuAudit,
    anyOf: [PERMISSIONS.auditRead],
  },
];

const ACCOUNT_ENTRIES: MenuEntry[] = [
  {
    path: BACK_OFFICE_PATHS.changePassword,
    icon: <KeyOutlined />,
    label: (t) => t.backOffice.menuChangePassword,
  },
  { path: BACK_OFFICE_PATHS.totp, icon: <SafetyOutlined />, label: (t) => t.backOffice.menuTotp },
];

/** The back-office pages this user may open (work pages first, then their account). */
export function visibleMenuEntries(permissions: readonly string[]): {
  work: MenuEntry[];
  account: MenuEntry[];
} {
  return {
    work: WORK_ENTRIES.filter((e) => !e.anyOf || hasAnyPermission(permissions, e.anyOf)),
    account: ACCOUNT_ENTRIES,
  };
}

/** Menu key of the entry a path belongs to (longest matching prefix). */
export function selectedMenuKey(pathname: string): string {
  const all = [...WORK_ENTRIES, ...ACCOUNT_ENTRIES].map((e) => e.path).sort((a, b) => b.length - a.length);
  const normalized = pathname.replace(/\/+$/, '') || '/';
  return all.find((p) => normalized === p || normalized.startsWith(`${p}/`)) ?? BACK_OFFICE_PATHS.dashboard;
}

export function BackOfficeMenu({
  permissions,
  onNavigate,
}: {
  permissions: readonly string[];
  onNavigate?: () => void;
}) {
  const { t } = useI18n();
  const location = useLocation();
  const { work, account } = visibleMenuEntries(permissions);
  const toItem = (e: MenuEntry) => ({
    key: e.path,
    icon: e.icon,
    label: <Link to={e.path}>{e.label(t)}</Link>,
  });
  const items: MenuProps['items'] = [
    ...work.map(toItem),
    { type: 'group', key: 'account', label: t.backOffice.menuAccount, children: account.map(toItem) },
  ];
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selectedMenuKey(location.pathname)]}
      onClick={onNavigate}
      className="back-office-menu"
      aria-label={t.backOffice.title}
    />
  );
}
