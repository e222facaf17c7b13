import { Alert, Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ButtonLink } from '../../components/ButtonLink.js';
import { useI18n } from '../../i18n/LanguageProvider.js';
import { fill } from '../../i18n/language.js';
import { RoleList } from './AccountHeader.js';
import { BACK_OFFICE_PATHS, visibleMenuEntries } from './BackOfficeMenu.js';
import { scopeUnits, useStaffUser } from './StaffSession.js';

export function DashboardPage() {
  const { t } = useI18n();
  const user = useStaffUser();
  const units = scopeUnits(user);
  const shortcuts = visibleMenuEntries(user.permissions).work.filter(
    (e) => e.path !== BACK_OFFICE_PATHS.dashboard,
  );

  return (
    <div className="back-office-page">
      <Typography.Title level={1} className="page-title">
        {fill(t.backOffice.welcome, { name: user.displayName })}
      </Typography.Title>
      <Typography.Paragraph className="lead">
        {units.length > 0
          ? fill(t.backOffice.welcomeUnit, { unit: units.map((u) => u.name).join(', ') })
          : t.backOffice.welcomeNoUnit}
      </Typography.Paragraph>
      {!user.totpEnabled && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={t.backOffice.totpReminder}
          action={
            <ButtonLink size="small" to={BACK_OFFICE_PATHS.totp}>
              {t.backOffice.menuTotp}
            </ButtonLink>
          }
        />
      )}
      <Row gutter={[20, 20]}>
        <Col xs={24} lg={12}>
          <Card title={t.backOffice.yourRoles}>
            {user.roles.length > 0 ? <RoleList user={user} /> : t.backOffice.welcomeNoUnit}
          </Card>
        </Col>
        {shortcuts.length > 0 && (
          <Col xs={24} lg={12}>
            <Card title={t.backOffice.quickLinks}>
              <ul className="shortcut-list">
                {shortcuts.map((e) => (
                  <li key={e.path}>
                    <Link to={e.path}>
                      {e.icon} {e.label(t)}
                    </Link>
                  </li>
                ))}
              </ul>
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}
