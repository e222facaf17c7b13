import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Result, Skeleton, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { isApiError } from '../../api/client.js';
import {
  formatVerificationCode,
  type PublicSummary,
  type VerifyResult,
  verifyDocument,
} from '../../api/verify.js';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.js';
import { useI18n } from '../../i18n/LanguageProvider.js';
import { fill, type Messages } from '../../i18n/language.js';
import { formatDate } from '../../lib/format.js';
import { useIsPhone } from '../../lib/useIsPhone.js';
import { VerifyCodeForm } from './VerifyCodeForm.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A summary value as text; ISO dates become dd/mm/yyyy. */
function summaryValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return ISO_DATE.test(value) ? formatDate(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Rows of the public summary: the document's public fields, numbers, place and date, signer. */
function summaryRows(summary: VerifyResult['publicSummary'], t: Messages) {
  const s = summary as PublicSummary;
  if (!Array.isArray(s.fields)) {
    return Object.entries(summary ?? {}).map(([key, value]) => ({
      key,
      label: key,
      children: summaryValue(value),
    }));
  }
  const rows = s.fields.map((f, i) => ({
    key: `field-${i}`,
    label: f.label,
    children: summaryValue(f.value),
  }));
  if (s.placeDate) rows.push({ key: 'placeDate', label: t.verify.placeDate, children: s.placeDate });
  const signer = [s.signedBy?.onBehalf, s.signedBy?.post, s.signedBy?.name].filter(Boolean).join(' — ');
  if (signer) rows.push({ key: 'signedBy', label: t.verify.signedBy, children: signer });
  return rows;
}

function VerifyOutcome({ result }: { result: VerifyResult }) {
  const { t } = useI18n();
  const genuine = result.status === 'genuine';
  const summary = summaryRows(result.publicSummary, t);
  const numberLines = (result.publicSummary as PublicSummary).numberLines ?? [];
  const isPhone = useIsPhone();
  const layout = isPhone ? 'vertical' : 'horizontal';
  return (
    <Card className="verify-result">
      <Result
        status={genuine ? 'success' : 'error'}
        icon={genuine ? <CheckCircleFilled /> : <CloseCircleFilled />}
        title={genuine ? t.verify.genuineTitle : t.verify.revokedTitle}
        subTitle={
          genuine ? (
            t.verify.genuineText
          ) : (
            <>
              <Typography.Text type="danger" strong>
                {fill(t.verify.revokedText, { date: formatDate(result.revokedAt) })}
              </Typography.Text>
              {result.revokeReason && (
                <>
                  <br />
                  {t.verify.revokeReason}: <Typography.Text strong>{result.revokeReason}</Typography.Text>
                </>
              )}
            </>
          )
        }
      />
      <Descriptions
        bordered
        column={1}
        layout={layout}
        size="small"
        items={[
          ...(result.code
            ? [{ key: 'code', label: t.verify.codeLabel, children: formatVerificationCode(result.code) }]
            : []),
          { key: 'docType', label: t.verify.docType, children: result.docType },
          { key: 'title', label: t.verify.title, children: result.title },
          { key: 'issuer', label: t.verify.issuer, children: result.issuerName ?? result.issuerUnitId },
          { key: 'issuedAt', label: t.verify.issuedAt, children: formatDate(result.issuedAt) },
        ]}
      />
      {summary.length > 0 && (
        <>
          <Typography.Title level={3} className="section-title">
            {t.verify.summary}
          </Typography.Title>
          {numberLines.length > 0 && <Typography.Paragraph>{numberLines.join(' · ')}</Typography.Paragraph>}
          <Descriptions bordered column={1} layout={layout} size="small" items={summary} />
        </>
      )}
    </Card>
  );
}

function VerifyLookup({ code }: { code: string }) {
  const { t } = useI18n();
  const query = useQuery({
    queryKey: ['verify', code],
    queryFn: ({ signal }) => verifyDocument(code, signal),
  });
  if (query.isPending) return <Skeleton active />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <Card>
          <Result
            status="warning"
            icon={<QuestionCircleFilled />}
            title={t.verify.notFoundTitle}
            subTitle={fill(t.verify.notFoundText, { code })}
          />
        </Card>
      );
    }
    return <ApiErrorAlert error={query.error} />;
  }
  return <VerifyOutcome result={query.data} />;
}

export function VerifyPage() {
  const { t } = useI18n();
  const { code } = useParams();
  return (
    <div className="page-container narrow">
      <Typography.Title level={1} className="page-title">
        {code ? t.verify.pageTitle : t.portal.verifyTitle}
      </Typography.Title>
      {code && <VerifyLookup key={code} code={code} />}
      <Card className="verify-again" title={code ? t.verify.checkAnother : undefined}>
        {!code && <Typography.Paragraph type="secondary">{t.portal.verifyText}</Typography.Paragraph>}
        <VerifyCodeForm key={code} />
      </Card>
    </div>
  );
}
