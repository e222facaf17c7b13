import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Collapse, Table, Typography } from 'antd';
import { useState } from 'react';
import {
  type AuditChainReport,
  type AuditFilter,
  type AuditRow,
  listAudit,
  verifyAuditChain,
} from '../../../api/audit.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { useI18n } from '../../../i18n/LanguageProvider.js';
import { fill } from '../../../i18n/language.js';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions.js';
import { useIsPhone } from '../../../lib/useIsPhone.js';
import { useStaffUser } from '../StaffSession.js';
import { AuditFilters } from './AuditFilters.js';
import { AuditRowDetails, useAuditColumns } from './auditColumns.js';

const AUDIT_KEY = 'audit';
const PAGE_SIZE = 50;

function ChainReport({ report, onClose }: { report: AuditChainReport; onClose: () => void }) {
  const { t } = useI18n();
  const counts = { checked: report.checked, total: report.total };
  return report.ok ? (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      title={t.audit.verifyOk}
      description={fill(t.audit.verifyOkText, counts)}
      className="form-alert"
    />
  ) : (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      role="alert"
      title={t.audit.verifyBad}
      description={fill(t.audit.verifyBadText, {
        ...counts,
        seq: report.firstBad?.seq ?? '?',
        reason: report.firstBad?.reason ?? '?',
      })}
      className="form-alert"
    />
  );
}

/**
 * The audit log, newest first, in pages of {@link PAGE_SIZE} loaded on demand.
 * Every load is itself recorded by the server as a read of personal data.
 */
export function AuditPage() {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const canVerify = hasPermission(useStaffUser().permissions, PERMISSIONS.auditVerify);
  const [filter, setFilter] = useState<AuditFilter>({});

  const log = useInfiniteQuery({
    queryKey: [AUDIT_KEY, filter],
    queryFn: ({ pageParam, signal }) =>
      listAudit({ ...filter, beforeSeq: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.length < PAGE_SIZE ? undefined : last[last.length - 1]?.seq),
  });
  const verify = useMutation({ mutationFn: verifyAuditChain });

  const rows = log.data?.pages.flat() ?? [];
  const filters = (
    <AuditFilters
      onApply={(next) => {
        // The same filters again: fetch the newest entries instead of showing the cached ones.
        if (JSON.stringify(next) === JSON.stringify(filter)) void log.refetch();
        else setFilter(next);
      }}
    />
  );
  const columns = useAuditColumns();

  return (
    <div className="back-office-page">
      <div className="page-heading">
        <Typography.Title level={1} className="page-title">
          {t.audit.title}
        </Typography.Title>
        {canVerify && (
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
          >
            {t.audit.verify}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t.audit.intro}</Typography.Paragraph>
      <ApiErrorAlert error={verify.error} className="form-alert" />
      {verify.data && <ChainReport report={verify.data} onClose={() => verify.reset()} />}
      {isPhone ? (
        <Collapse
          className="audit-filter-card"
          items={[{ key: 'filters', label: t.audit.filters, children: filters }]}
        />
      ) : (
        <Card className="audit-filter-card">{filters}</Card>
      )}
      <ApiErrorAlert error={log.error} className="form-alert" />
      <Table<AuditRow>
        rowKey="seq"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={log.isFetching && !log.isFetchingNextPage}
        pagination={false}
        scroll={isPhone ? undefined : { x: 960 }}
        locale={{ emptyText: t.audit.empty }}
        expandable={{ expandedRowRender: (row) => <AuditRowDetails row={row} /> }}
      />
      {rows.length > 0 && (
        <div className="load-more">
          <Typography.Text type="secondary">
            {fill(log.hasNextPage ? t.audit.shown : t.audit.allShown, { count: rows.length })}
          </Typography.Text>
          {log.hasNextPage && (
            <Button loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
              {t.audit.loadMore}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
