import { UserAddOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import type { UserSummary } from '../../../../../contracts/admin.js';
import { listUsers } from '../../../api/admin.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { useI18n } from '../../../i18n/LanguageProvider.js';
import { fill } from '../../../i18n/language.js';
import { useIsPhone } from '../../../lib/useIsPhone.js';
import { CreateUserDrawer } from './CreateUserDrawer.js';
import { EditUserDrawer } from './EditUserDrawer.js';
import { useUserColumns } from './userColumns.js';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions.js';
import { useStaffUser } from '../StaffSession.js';

const USERS_KEY = 'users';

export function UsersPage() {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const queryClient = useQueryClient();
  const canManage = hasPermission(useStaffUser().permissions, PERMISSIONS.usersManage);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserSummary | null>(null);

  const query = useQuery({
    queryKey: [USERS_KEY, search, page.current, page.pageSize],
    queryFn: ({ signal }) =>
      listUsers({ q: search, limit: page.pageSize, offset: (page.current - 1) * page.pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  const refresh = () => queryClient.invalidateQueries({ queryKey: [USERS_KEY] });

  const columns = useUserColumns(canManage ? setEditing : undefined);

  return (
    <div className="back-office-page">
      <div className="page-heading">
        <Typography.Title level={1} className="page-title">
          {t.users.title}
        </Typography.Title>
        {canManage && (
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
            {t.users.add}
          </Button>
        )}
      </div>
      <div className="toolbar">
        <Input.Search
          allowClear
          aria-label={t.common.search}
          placeholder={t.users.searchPlaceholder}
          enterButton={t.common.search}
          onSearch={(value) => {
            setSearch(value.trim());
            setPage((p) => ({ ...p, current: 1 }));
          }}
          className="toolbar-search"
        />
      </div>
      <ApiErrorAlert error={query.error} className="form-alert" />
      <Table<UserSummary>
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={isPhone ? undefined : { x: 880 }}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => fill(t.users.total, { total }),
          onChange: (current, pageSize) =>
            setPage({ current: pageSize === page.pageSize ? current : 1, pageSize }),
        }}
      />
      {canManage && (
        <>
          <CreateUserDrawer
            open={creating}
            onClose={() => setCreating(false)}
            onCreated={() => {
              setCreating(false);
              void refresh();
            }}
          />
          <EditUserDrawer
            user={editing}
            onClose={() => setEditing(null)}
            onChanged={(updated) => {
              setEditing(updated);
              void refresh();
            }}
          />
        </>
      )}
    </div>
  );
}
