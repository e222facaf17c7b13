import { Spin } from 'antd';
import { useI18n } from '../i18n/LanguageProvider.js';

export function PageLoading() {
  const { t } = useI18n();
  return (
    <div className="page-loading" aria-busy="true">
      <Spin description={t.common.loading} />
    </div>
  );
}
