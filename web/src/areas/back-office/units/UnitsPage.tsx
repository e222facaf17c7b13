import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  Row,
  Select,
  Skeleton,
  Table,
  Tag,
  Tooltip,
  Tree,
  type TreeDataNode,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { Unit } from '../../../../../contracts/admin.js';
import {
  fetchUnit,
  fetchUnitChildren,
  isHistoricalUnit,
  searchUnits,
  type UnitLevel,
  unitKey,
} from '../../../api/units.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { useI18n } from '../../../i18n/LanguageProvider.js';
import { formatDate } from '../../../lib/format.js';
import { scopeUnits, useStaffUser } from '../StaffSession.js';
import { unitChildrenKey } from './UnitPicker.js';

const LEVELS: UnitLevel[] = ['country', 'province', 'district', 'commune'];

function HistoricalTag({ unit }: { unit: Unit }) {
  const { t } = useI18n();
  if (!isHistoricalUnit(unit)) return null;
  return (
    <Tooltip title={t.units.historicalHint}>
      <Tag color="gold">{t.units.historical}</Tag>
    </Tooltip>
  );
}

function UnitTitle({ unit, showCode = true }: { unit: Unit; showCode?: boolean }) {
  return (
    <span className="unit-node">
      <span className={isHistoricalUnit(unit) ? 'unit-historical' : undefined}>{unit.fullName}</span>
      {showCode && <Tag className="unit-code">{unit.code}</Tag>}
      <HistoricalTag unit={unit} />
    </span>
  );
}

function UnitDetails({ unit }: { unit: Unit | undefined }) {
  const { t } = useI18n();
  const detail = useQuery({
    queryKey: unitKey(unit?.id ?? ''),
    queryFn: ({ signal }) => fetchUnit(unit!.id, signal),
    enabled: unit !== undefined,
    staleTime: 5 * 60_000,
  });
  if (!unit) return <Empty description={t.units.selectHint} />;
  const ancestors = detail.data?.ancestors ?? [];
  const successors = detail.data?.successors ?? [];
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      className="unit-details"
      items={[
        { key: 'fullName', label: t.units.fullName, children: <UnitTitle unit={unit} showCode={false} /> },
        { key: 'name', label: t.units.name, children: unit.name },
        { key: 'code', label: t.units.code, children: unit.code },
        { key: 'type', label: t.units.type, children: unit.type },
        { key: 'level', label: t.units.level, children: t.units.levels[unit.level] },
        ...(ancestors.length > 0
          ? [
              {
                key: 'ancestors',
                label: t.units.parents,
                children: ancestors.map((a) => a.fullName).join(' › '),
              },
            ]
          : []),
        { key: 'validFrom', label: t.units.validFrom, children: formatDate(unit.validFrom) },
        { key: 'validTo', label: t.units.validTo, children: formatDate(unit.validTo) },
        ...(successors.length > 0
          ? [
              {
                key: 'successors',
                label: t.units.successors,
                children: (
                  <ul className="plain-list">
                    {successors.map((s) => (
                      <li key={s.id}>
                        {s.fullName}{' '}
                        <Tag>{s.portion === 'full' ? t.units.portionFull : t.units.portionPartial}</Tag>
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** Lazily loaded tree of the units under the user's own scope. */
function ScopeTree({ onSelect, selectedId }: { onSelect: (unit: Unit) => void; selectedId?: string }) {
  const { t } = useI18n();
  const user = useStaffUser();
  const queryClient = useQueryClient();
  const [children, setChildren] = useState<Record<string, Unit[]>>({});
  const roots = useQueries({
    queries: scopeUnits(user).map((u) => ({
      queryKey: unitKey(u.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchUnit(u.id, signal),
      staleTime: 5 * 60_000,
    })),
  });

  const rootUnits = roots.flatMap((r) => (r.data ? [r.data] : []));
  const byId = new Map<string, Unit>();
  for (const u of rootUnits) byId.set(u.id, u);
  for (const list of Object.values(children)) for (const u of list) byId.set(u.id, u);

  const toNode = (unit: Unit): TreeDataNode => ({
    key: unit.id,
    title: <UnitTitle unit={unit} />,
    isLeaf: unit.level === 'commune' || children[unit.id]?.length === 0,
    children: children[unit.id]?.map(toNode),
  });

  const loadChildren = async (id: string) => {
    if (children[id]) return;
    const list = await queryClient.fetchQuery({
      queryKey: unitChildrenKey(id),
      queryFn: ({ signal }) => fetchUnitChildren(id, signal),
      staleTime: 5 * 60_000,
    });
    setChildren((previous) => ({ ...previous, [id]: list }));
  };

  if (roots.some((r) => r.isPending)) return <Skeleton active />;
  const failed = roots.find((r) => r.isError);
  return (
    <>
      {failed && <ApiErrorAlert error={failed.error} className="form-alert" />}
      <Tree
        treeData={rootUnits.map(toNode)}
        loadData={(node) => loadChildren(String(node.key))}
        selectedKeys={selectedId ? [selectedId] : []}
        onSelect={(keys) => {
          const unit = keys[0] !== undefined ? byId.get(String(keys[0])) : undefined;
          if (unit) onSelect(unit);
        }}
        aria-label={t.units.myScope}
        className="unit-tree"
      />
    </>
  );
}

function SearchResults({
  q,
  level,
  onSelect,
  selectedId,
}: {
  q: string;
  level?: UnitLevel;
  onSelect: (unit: Unit) => void;
  selectedId?: string;
}) {
  const { t } = useI18n();
  const query = useQuery({
    queryKey: ['units', 'search', q, level ?? ''],
    queryFn: ({ signal }) => searchUnits(q, level, signal),
  });
  if (query.isError) return <ApiErrorAlert error={query.error} />;
  return (
    <Table<Unit>
      rowKey="id"
      size="small"
      loading={query.isFetching}
      dataSource={query.data ?? []}
      locale={{ emptyText: t.units.noResults }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      rowClassName={(u) => (u.id === selectedId ? 'row-selected' : '')}
      columns={[
        {
          title: t.units.name,
          key: 'name',
          render: (_, unit) => (
            <button type="button" className="link-button" onClick={() => onSelect(unit)}>
              {unit.fullName}
            </button>
          ),
        },
        { title: t.units.code, dataIndex: 'code' },
        {
          title: t.units.level,
          dataIndex: 'level',
          render: (l: UnitLevel) => t.units.levels[l],
          responsive: ['sm'],
        },
        { title: '', key: 'historical', render: (_, unit) => <HistoricalTag unit={unit} /> },
      ]}
    />
  );
}

export function UnitsPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [level, setLevel] = useState<UnitLevel | undefined>(undefined);
  const [selected, setSelected] = useState<Unit | undefined>(undefined);

  return (
    <div className="back-office-page">
      <Typography.Title level={1} className="page-title">
        {t.units.title}
      </Typography.Title>
      <div className="toolbar">
        <Input.Search
          allowClear
          aria-label={t.common.search}
          placeholder={t.units.searchPlaceholder}
          enterButton={t.common.search}
          onSearch={(value) => setQ(value.trim())}
          className="toolbar-search"
        />
        <Select<UnitLevel | ''>
          aria-label={t.units.level}
          value={level ?? ''}
          onChange={(v) => setLevel(v === '' ? undefined : v)}
          options={[
            { value: '', label: t.units.allLevels },
            ...LEVELS.map((l) => ({ value: l, label: t.units.levels[l] })),
          ]}
          className="toolbar-select"
        />
      </div>
      <Row gutter={[20, 20]}>
        <Col xs={24} lg={14}>
          <Card title={q ? t.units.searchResults : t.units.myScope}>
            {q ? (
              <SearchResults q={q} level={level} onSelect={setSelected} selectedId={selected?.id} />
            ) : (
              <ScopeTree onSelect={setSelected} selectedId={selected?.id} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t.units.details}>
            <UnitDetails unit={selected} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
