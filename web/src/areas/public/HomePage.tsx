import {
  AuditOutlined,
  ArrowRightOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  LoginOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { Button, Card, Col, ConfigProvider, Row, type ThemeConfig, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { citizenLoginUrl } from '../../api/auth.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { useI18n } from '../../i18n/LanguageProvider.js';
import { VerifyCodeForm } from './VerifyCodeForm.js';

/** Buttons on the dark hero band: gold primary, outlined white secondary. */
const HERO_THEME: ThemeConfig = {
  components: {
    Button: {
      colorPrimary: '#f5c542',
      colorPrimaryHover: '#ffd766',
      colorPrimaryActive: '#e0b030',
      primaryColor: '#0f2b52',
      primaryShadow: 'none',
      defaultBg: 'transparent',
      defaultColor: '#ffffff',
      defaultBorderColor: 'rgba(255, 255, 255, 0.7)',
      defaultHoverBg: 'rgba(255, 255, 255, 0.1)',
      defaultHoverColor: '#ffffff',
      defaultHoverBorderColor: '#ffffff',
      defaultActiveBg: 'rgba(255, 255, 255, 0.16)',
      defaultActiveColor: '#ffffff',
      defaultActiveBorderColor: '#ffffff',
      defaultShadow: 'none',
    },
  },
};

function ServiceCard({
  icon,
  title,
  text,
  to,
  children,
}: {
  icon: ReactNode;
  title: string;
  text: string;
  to?: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Card className="service-card">
      <div className="service-card-icon" aria-hidden="true">
        {icon}
      </div>
      <Typography.Title level={3} className="service-card-title">
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" className="service-card-text">
        {text}
      </Typography.Paragraph>
      <div className="service-card-footer">
        {children ??
          (to && (
            <Link to={to} className="service-card-link" aria-label={`${t.portal.open}: ${title}`}>
              {t.portal.open} <ArrowRightOutlined />
            </Link>
          ))}
      </div>
    </Card>
  );
}

export function HomePage() {
  const { t } = useI18n();
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="hero-inner">
          <Typography.Title id="hero-title" className="hero-title">
            {t.portal.heroTitle}
          </Typography.Title>
          <Typography.Paragraph className="hero-text">{t.portal.heroText}</Typography.Paragraph>
          <ConfigProvider theme={HERO_THEME}>
            <div className="hero-actions">
              <Button
                size="large"
                type="primary"
                href={citizenLoginUrl()}
                icon={<SafetyCertificateOutlined />}
              >
                {t.portal.citizenLogin}
              </Button>
              <ButtonLink size="large" to="/dang-nhap" icon={<LoginOutlined />}>
                {t.portal.staffLogin}
              </ButtonLink>
            </div>
          </ConfigProvider>
        </div>
      </section>
      <section className="page-container services" aria-label={t.portal.servicesTitle}>
        <Row gutter={[20, 20]}>
          <Col xs={24} sm={12} xl={6}>
            <ServiceCard
              icon={<ReadOutlined />}
              title={t.portal.legalDocsTitle}
              text={t.portal.legalDocsText}
              to="/van-ban"
            />
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <ServiceCard
              icon={<AuditOutlined />}
              title={t.portal.servicesTitle}
              text={t.portal.servicesText}
              to="/dich-vu"
            />
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <ServiceCard
              icon={<FileSearchOutlined />}
              title={t.portal.trackTitle}
              text={t.portal.trackText}
              to="/tra-cuu-ho-so"
            />
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <ServiceCard
              icon={<FileProtectOutlined />}
              title={t.portal.verifyTitle}
              text={t.portal.verifyText}
            >
              <VerifyCodeForm />
            </ServiceCard>
          </Col>
        </Row>
      </section>
    </>
  );
}
