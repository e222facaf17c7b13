import {
  EyeOutlined,
  FolderOpenOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Col, Result, Row, Skeleton, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { citizenLoginUrl } from '../../api/auth.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { useI18n } from '../../i18n/LanguageProvider.js';
import { fill } from '../../i18n/language.js';
import { formatPersonalId } from '../../lib/format.js';
import { useLogout, useSession } from '../../session/useSession.js';

function PlaceholderCard({ icon, title, text }: { icon: ReactNode; title: string; text: string }) {
  const { t } = useI18n();
  return (
    <Card className="service-card">
      <div className="service-card-icon" aria-hidden="true">
        {icon}
      </div>
      <Typography.Title level={2} className="service-card-title">
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" className="service-card-text">
        {text}
      </Typography.Paragraph>
      <div className="service-card-footer">
        <Tag>{t.citizen.comingSoon}</Tag>
      </div>
    </Card>
  );
}

export function CitizenHomePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const session = useSession();
  const logout = useLogout(() => navigate('/'));

  if (session.isPending) {
    return (
      <div className="page-container">
        <Skeleton active />
      </div>
    );
  }
  if (session.isError) {
    return (
      <div className="page-container">
        <ApiErrorAlert error={session.error} />
      </div>
    );
  }
  const user = session.data?.user;
  if (!user) {
    return (
      <div className="page-container narrow">
        <Result
          icon={<SafetyCertificateOutlined />}
          title={t.citizen.title}
          subTitle={t.citizen.signInPrompt}
          extra={
            <Button type="primary" size="large" href={citizenLoginUrl()}>
              {t.portal.citizenLogin}
            </Button>
          }
        />
      </div>
    );
  }

  return (
    <div className="page-container">
      <div className="page-heading">
        <div>
          <Typography.Text type="secondary">{t.citizen.title}</Typography.Text>
          <Typography.Title level={1} className="page-title">
            {fill(t.citizen.greeting, { name: user.displayName })}
          </Typography.Title>
          {user.personalId && (
            <Typography.Paragraph>
              {t.citizen.personalId}:{' '}
              <strong className="personal-id">{formatPersonalId(user.personalId)}</strong>
            </Typography.Paragraph>
          )}
        </div>
        <Button
          icon={<LogoutOutlined />}
          loading={logout.isPending}
          onClick={() => logout.mutate(undefined, { onError: (e) => message.error(e.message) })}
        >
          {t.citizen.logout}
        </Button>
      </div>
      {user.kind === 'staff' && (
        <Card className="notice-card">
          {t.citizen.staffNotice} <ButtonLink to="/quan-tri">{t.citizen.goToBackOffice}</ButtonLink>
        </Card>
      )}
      <Row gutter={[20, 20]}>
        <Col xs={24} md={12}>
          <PlaceholderCard
            icon={<FolderOpenOutlined />}
            title={t.citizen.myFiles}
            text={t.citizen.myFilesText}
          />
        </Col>
        <Col xs={24} md={12}>
          <PlaceholderCard
            icon={<EyeOutlined />}
            title={t.citizen.dataUsage}
            text={t.citizen.dataUsageText}
          />
        </Col>
      </Row>
    </div>
  );
}
