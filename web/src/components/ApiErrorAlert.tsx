import { Alert, Typography } from 'antd';
import type { ReactNode } from 'react';
import { isApiError } from '../api/client.js';
import { useI18n } from '../i18n/LanguageProvider.js';

/** The server's (already localized) message, with the request id in small print for support. */
export function ApiErrorAlert({
  error,
  hint,
  className,
}: {
  error: unknown;
  hint?: ReactNode;
  className?: string;
}) {
  const { t } = useI18n();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const requestId = isApiError(error) ? error.requestId : null;
  const description =
    hint || requestId ? (
      <>
        {hint && <div>{hint}</div>}
        {requestId && (
          <Typography.Text type="secondary" className="request-id">
            {t.common.requestId}:{' '}
            <Typography.Text copyable={{ text: requestId }}>{requestId}</Typography.Text>
          </Typography.Text>
        )}
      </>
    ) : undefined;
  return (
    <Alert
      type="error"
      showIcon
      title={message}
      description={description}
      className={className}
      role="alert"
    />
  );
}
