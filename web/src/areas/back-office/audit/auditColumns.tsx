import { type TableColumnsType, Descriptions, Tag, Tooltip, Typography } from 'antd';
import type { AuditRow } from '../../../api/audit.js';
import { useI18n } from '../../../i18n/LanguageProvider.js';
import { formatDateTime } from '../../../lib/format.js';
import { useIsPhone } from '../../../lib/useIsPhone.js';

/** Long ids and hashes cut to their start; the full text stays one click away (copy). */
export function shorten(value: string, keep = 12): string {
  return value.length > keep + 2 ? `${value.slice(0, keep)}…` : value;
}

function ShortCode({ value, keep }: { value: string | null; keep?: number }) {
  const { t } = useI18n();
  if (!value) return <>{t.common.none}</>;
  return (
    <Typography.Text code copyable={{ text: value }} className="audit-code">
      {shorten(value, keep)}
    </Typography.Text>
  );
}

function PersonalDataTag() {
  const { t } = useI18n();
  return (
    <Tooltip title={t.audit.personalDataHint}>
      <Tag color="magenta">{t.audit.personalData}</Tag>
    </Tooltip>
  );
}

function TimeCell({ row }: { row: AuditRow }) {
  return (
    <>
      <div className="nowrap">{formatDateTime(row.at)}</div>
      <Typography.Text type="secondary" className="day-basis">
        #{row.seq}
      </Typography.Text>
    </>
  );
}

function ActionCell({ row }: { row: AuditRow }) {
  return (
    <div className="audit-action-cell">
      <Typography.Text code className="audit-action">
        {row.action}
      </Typography.Text>
      {row.personal_data && <PersonalDataTag />}
    </div>
  );
}

function ActorCell({ row }: { row: AuditRow }) {
  const { t } = useI18n();
  const kinds: Record<string, string> = t.audit.actorKinds;
  const kind = row.actor_kind ?? (row.actor_id ? null : 'anonymous');
  return (
    <>
      {kind && <div>{Object.hasOwn(kinds, kind) ? kinds[kind] : kind}</div>}
      {row.actor_id && (
        <Typography.Text type="secondary" className="day-basis">
          {shorten(row.actor_id, 8)}
        </Typography.Text>
      )}
    </>
  );
}

function ObjectCell({ row }: { row: AuditRow }) {
  const { t } = useI18n();
  if (!row.object_type && !row.object_id) return <>{t.common.none}</>;
  return (
    <>
      <div>{row.object_type ?? t.common.none}</div>
      {row.object_id && (
        <Typography.Text type="secondary" className="day-basis" title={row.object_id}>
          {shorten(row.object_id, 16)}
        </Typography.Text>
      )}
    </>
  );
}

/** The columns of the audit table; phones get one summary column. */
export function useAuditColumns(): TableColumnsType<AuditRow> {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  if (isPhone) {
    return [
      {
        title: t.audit.entry,
        key: 'summary',
        render: (_, row) => (
          <div className="day-summary-cell">
            <TimeCell row={row} />
            <ActionCell row={row} />
            <ActorCell row={row} />
            {row.purpose && <div>{row.purpose}</div>}
          </div>
        ),
      },
    ];
  }
  return [
    { title: t.audit.at, key: 'at', width: 170, render: (_, row) => <TimeCell row={row} /> },
    { title: t.audit.action, key: 'action', width: 230, render: (_, row) => <ActionCell row={row} /> },
    { title: t.audit.actor, key: 'actor', width: 150, render: (_, row) => <ActorCell row={row} /> },
    {
      title: t.audit.unit,
      dataIndex: 'unit_id',
      width: 90,
      render: (unit: string | null) => unit ?? t.common.none,
    },
    { title: t.audit.object, key: 'object', width: 170, render: (_, row) => <ObjectCell row={row} /> },
    {
      title: t.audit.purpose,
      dataIndex: 'purpose',
      render: (purpose: string | null) => purpose ?? t.common.none,
    },
  ];
}

/** Everything else about one entry: ids, the hashes that chain it, and its details as JSON. */
export function AuditRowDetails({ row }: { row: AuditRow }) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      layout={isPhone ? 'vertical' : 'horizontal'}
      className="audit-details"
      items={[
        { key: 'seq', label: t.audit.seq, children: row.seq },
        { key: 'unit', label: t.audit.unit, children: row.unit_id ?? t.common.none },
        { key: 'actor', label: t.audit.actorId, children: <ShortCode value={row.actor_id} keep={36} /> },
        { key: 'objectType', label: t.audit.objectType, children: row.object_type ?? t.common.none },
        {
          key: 'object',
          label: t.audit.objectId,
          children: <ShortCode value={row.object_id} keep={36} />,
        },
        {
          key: 'request',
          label: t.audit.requestId,
          children: <ShortCode value={row.request_id} keep={36} />,
        },
        { key: 'ip', label: t.audit.ip, children: row.ip ?? t.common.none },
        { key: 'hash', label: t.audit.hash, children: <ShortCode value={row.hash} /> },
        { key: 'prev', label: t.audit.prevHash, children: <ShortCode value={row.prev_hash} /> },
        {
          key: 'details',
          label: t.audit.details,
          children: row.details ? (
            <pre className="audit-json">{JSON.stringify(row.details, null, 2)}</pre>
          ) : (
            t.audit.noDetails
          ),
        },
      ]}
    />
  );
}
