import {
  AuditOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  LoginOutlined,
  MenuOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Layout, Menu } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { citizenLoginUrl } from '../../api/auth.js';
import { BrandLink } from '../../components/BrandLink.js';
import { BrandMark } from '../../components/BrandMark.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { PageLoading } from '../../components/PageLoading.js';
import { useI18n } from '../../i18n/LanguageProvider.js';
import { useIsPhone } from '../../lib/useIsPhone.js';
import { useKnownSession } from '../../session/useSession.js';

function LoginButtons({ block = false }: { block?: boolean }) {
  const { t } = useI18n();
  const user = useKnownSession()?.user;
  if (user) {
    return (
      <ButtonLink
        to={user.kind === 'citizen' ? '/cong-dan' : '/quan-tri'}
        icon={<UserOutlined />}
        block={block}
      >
        {user.displayName}
      </ButtonLink>
    );
  }
  return (
    <>
      <ButtonLink to="/dang-nhap" icon={<LoginOutlined />} block={block}>
        {t.portal.staffLogin}
      </ButtonLink>
      <Button type="primary" href={citizenLoginUrl()} icon={<SafetyCertificateOutlined />} block={block}>
        {t.portal.citizenLogin}
      </Button>
    </>
  );
}

/** Phone navigation: the portal's areas and both sign-in buttons, in a drawer. */
function PhoneNavigation() {
  const { t } = useI18n();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const items = [
    { key: '/van-ban', icon: <ReadOutlined />, label: <Link to="/van-ban">{t.portal.legalDocsTitle}</Link> },
    { key: '/dich-vu', icon: <AuditOutlined />, label: <Link to="/dich-vu">{t.portal.servicesTitle}</Link> },
    {
      key: '/tra-cuu-ho-so',
      icon: <FileSearchOutlined />,
      label: <Link to="/tra-cuu-ho-so">{t.portal.trackTitle}</Link>,
    },
    {
      key: '/xac-minh',
      icon: <FileProtectOutlined />,
      label: <Link to="/xac-minh">{t.portal.verifyTitle}</Link>,
    },
  ];
  return (
    <>
      <Button
        type="text"
        icon={<MenuOutlined />}
        aria-label={t.common.openMenu}
        aria-expanded={open}
        onClick={() => setOpen(true)}
      />
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="right"
        size={300}
        title={t.common.productName}
      >
        <Menu
          mode="inline"
          items={items}
          selectedKeys={[location.pathname]}
          onClick={() => setOpen(false)}
          className="drawer-menu"
        />
        <div className="drawer-actions">
          <LoginButtons block />
        </div>
      </Drawer>
    </>
  );
}

export function PublicHeader() {
  const isPhone = useIsPhone();
  return (
    <Layout.Header className="public-header">
      <div className="public-header-inner">
        <BrandLink />
        <div className="header-actions">
          <LanguageSwitch compact={isPhone} />
          {isPhone ? <PhoneNavigation /> : <LoginButtons />}
        </div>
      </div>
    </Layout.Header>
  );
}

export function PublicFooter() {
  const { t } = useI18n();
  return (
    <Layout.Footer className="public-footer">
      <div className="public-footer-inner">
        <div className="footer-brand">
          <BrandMark size={28} />
          <strong>{t.common.productName}</strong>
        </div>
        <p>{t.portal.footerText}</p>
        <p className="footer-small">{t.portal.footerLicense}</p>
      </div>
    </Layout.Footer>
  );
}

/** Frame of the public portal: header, page, footer. */
export function PublicLayout() {
  const { t } = useI18n();
  return (
    <Layout className="public-layout">
      <a href="#main-content" className="skip-link">
        {t.common.skipToContent}
      </a>
      <PublicHeader />
      <Layout.Content id="main-content" className="public-content" tabIndex={-1}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <PublicFooter />
    </Layout>
  );
}
