import { Result } from 'antd';
import { ButtonLink } from './ButtonLink.js';
import { useI18n } from '../i18n/LanguageProvider.js';

export function NotFoundPage({ homePath = '/' }: { homePath?: string }) {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t.common.notFoundTitle}
      subTitle={t.common.notFoundText}
      extra={
        <ButtonLink to={homePath} type="primary">
          {t.common.backHome}
        </ButtonLink>
      }
    />
  );
}

export function ForbiddenResult() {
  const { t } = useI18n();
  return <Result status="403" title={t.common.forbiddenTitle} subTitle={t.common.forbiddenText} />;
}

export function UnderConstructionPage() {
  const { t } = useI18n();
  return (
    <Result
      status="info"
      title={t.common.underConstructionTitle}
      subTitle={t.common.underConstructionText}
      extra={
        <ButtonLink to="/" type="primary">
          {t.common.backHome}
        </ButtonLink>
      }
    />
  );
}
