import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../components/StatusPages.js';
import { lazyPage } from '../../lazyPage.js';
import { PERMISSIONS } from '../../lib/permissions.js';
import { BackOfficeLayout } from './BackOfficeLayout.js';
import { DashboardPage } from './DashboardPage.js';
import { RequirePermission } from './StaffSession.js';

const UsersPage = lazyPage(() => import('./users/UsersPage.js'), 'UsersPage');
const UnitsPage = lazyPage(() => import('./units/UnitsPage.js'), 'UnitsPage');
const HolidaysPage = lazyPage(() => import('./holidays/HolidaysPage.js'), 'HolidaysPage');
const RolesPage = lazyPage(() => import('./roles/RolesPage.js'), 'RolesPage');
const AuditPage = lazyPage(() => import('./audit/AuditPage.js'), 'AuditPage');
const ChangePasswordPage = lazyPage(() => import('./account/ChangePasswordPage.js'), 'ChangePasswordPage');
const TotpSetupPage = lazyPage(() => import('./account/TotpSetupPage.js'), 'TotpSetupPage');

/** Routes under /quan-tri. */
export function BackOfficeArea() {
  return (
    <Routes>
      <Route element={<BackOfficeLayout />}>
        <Route index element={<DashboardPage />} />
        <Route
          path="nguoi-dung"
          element={
            <RequirePermission anyOf={[PERMISSIONS.usersRead, PERMISSIONS.usersManage]}>
              <UsersPage />
            </RequirePermission>
          }
        />
        <Route
          path="don-vi"
          element={
            <RequirePermission anyOf={[PERMISSIONS.unitsRead]}>
              <UnitsPage />
            </RequirePermission>
          }
        />
        <Route
          path="ngay-nghi"
          element={
            <RequirePermission anyOf={[PERMISSIONS.calendarRead, PERMISSIONS.calendarManage]}>
              <HolidaysPage />
            </RequirePermission>
          }
        />
        <Route path="vai-tro" element={<RolesPage />} />
        <Route
          path="nhat-ky"
          element={
            <RequirePermission anyOf={[PERMISSIONS.auditRead]}>
              <AuditPage />
            </RequirePermission>
          }
        />
        <Route path="doi-mat-khau" element={<ChangePasswordPage />} />
        <Route path="xac-thuc-hai-lop" element={<TotpSetupPage />} />
        <Route path="*" element={<NotFoundPage homePath="/quan-tri" />} />
      </Route>
    </Routes>
  );
}
