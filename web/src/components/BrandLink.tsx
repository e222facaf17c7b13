import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/LanguageProvider.js';
import { BrandMark } from './BrandMark.js';

/** Product mark and name, linking to a home page. */
export function BrandLink({ to = '/' }: { to?: string }) {
  const { t } = useI18n();
  return (
    <Link to={to} className="brand-link">
      <BrandMark />
      <span className="brand-text">
        <span className="brand-name">{t.common.productName}</span>
        <span className="brand-tagline">{t.common.productTagline}</span>
      </span>
    </Link>
  );
}
