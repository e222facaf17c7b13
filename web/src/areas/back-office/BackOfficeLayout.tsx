import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Result } from 'antd';
import { Suspense, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { BrandLink } from '../../components/BrandLink.js';
import { BrandMark } from '../../components/BrandMark.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { PageLoading } from '../../components/PageLoading.js';
import { useI18n } from '../../i18n/LanguageProvider.js';
import { useIsPhone } from '../../lib/useIsPhone.js';
import { useSession } from '../../session/useSession.js';
import { DesktopAccountHeader, PhoneAccountHeader } from './AccountHeader.js';
import { BACK_OFFICE_PATHS, BackOfficeMenu } from './BackOfficeMenu.js';
import { StaffUserProvider, sessionRestriction } from './StaffSession.js';

/**
 * Frame of the back office. Requires a staff session: without one it sends the
 * user to sign in; while the initial password must be changed (or an administrator must
 * turn on two-factor authentication) it only allows that page.
 */
export function BackOfficeLayout() {
  const { t } = useI18n();
  const location = useLocation();
  const session = useSession();
  const isPhone = useIsPhone();
  const [drawerOpen, setDrawerOpen] = useState(false);

  if (session.isPending) return <PageLoading />;
  if (session.isError) {
    return (
      <div className="page-container narrow">
        <ApiErrorAlert error={session.error} />
        <Button className="retry-button" onClick={() => session.refetch()}>
          {t.common.retry}
        </Button>
      </div>
    );
  }
  const user = session.data?.user;
  if (!user) {
    return <Navigate to="/dang-nhap" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  if (user.kind !== 'staff') {
    return (
      <Result
        status="403"
        title={t.common.forbiddenTitle}
        subTitle={t.backOffice.staffOnly}
        extra={<ButtonLink to="/">{t.common.backHome}</ButtonLink>}
      />
    );
  }
  const restriction = sessionRestriction(user);
  const onPasswordPage = location.pathname.startsWith(BACK_OFFICE_PATHS.changePassword);
  const onTotpPage = location.pathname.startsWith(BACK_OFFICE_PATHS.totp);
  if (restriction === 'password_change' && !onPasswordPage) {
    return <Navigate to={BACK_OFFICE_PATHS.changePassword} replace />;
  }
  if (restriction === 'mfa_enrollment' && !onTotpPage && !onPasswordPage) {
    return <Navigate to={BACK_OFFICE_PATHS.totp} replace />;
  }

  const content = (
    <Layout.Content id="main-content" className="back-office-content" tabIndex={-1}>
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </Layout.Content>
  );

  return (
    <StaffUserProvider value={user}>
      <a href="#main-content" className="skip-link">
        {t.common.skipToContent}
      </a>
      {isPhone ? (
        <Layout className="back-office-layout">
          <Layout.Header className="back-office-header">
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t.common.openMenu}
              aria-expanded={drawerOpen}
              onClick={() => setDrawerOpen(true)}
            />
            <span className="back-office-phone-brand">
              <BrandMark size={28} />
              <span className="brand-name">{t.common.productName}</span>
            </span>
            <PhoneAccountHeader user={user} />
          </Layout.Header>
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={280}
            title={t.backOffice.title}
          >
            <BackOfficeMenu permissions={user.permissions} onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
          {content}
        </Layout>
      ) : (
        <Layout className="back-office-layout">
          <Layout.Sider width={248} className="back-office-sider" theme="light">
            <div className="sider-brand">
              <BrandLink to={BACK_OFFICE_PATHS.dashboard} />
            </div>
            <BackOfficeMenu permissions={user.permissions} />
          </Layout.Sider>
          <Layout>
            <Layout.Header className="back-office-header">
              <span />
              <DesktopAccountHeader user={user} />
            </Layout.Header>
            {content}
          </Layout>
        </Layout>
      )}
    </StaffUserProvider>
  );
}
