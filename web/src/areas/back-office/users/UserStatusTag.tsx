import { Tag } from 'antd';
import type { UserSummary } from '../../../../../contracts/admin.js';
import { useI18n } from '../../../i18n/LanguageProvider.js';

/** hoạt động / khoá (disabled by an administrator) / tạm khoá (locked after failed sign-ins). */
export function UserStatusTag({ user }: { user: Pick<UserSummary, 'active' | 'locked'> }) {
  const { t } = useI18n();
  if (!user.active) return <Tag color="default">{t.users.statusDisabled}</Tag>;
  if (user.locked) return <Tag color="orange">{t.users.statusLocked}</Tag>;
  return <Tag color="green">{t.users.statusActive}</Tag>;
}
