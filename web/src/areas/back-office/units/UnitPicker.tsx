import { useQueryClient } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useState } from 'react';
import { fetchUnitChildren, isHistoricalUnit } from '../../../api/units.js';
import { useI18n } from '../../../i18n/LanguageProvider.js';
import { foldDiacritics } from '../../../lib/format.js';
import { scopeUnits, useStaffUser } from '../StaffSession.js';

interface PickerNode {
  id: string;
  pId: string;
  value: string;
  title: string;
  isLeaf: boolean;
}

const ROOT = '';

export const unitChildrenKey = (id: string) => ['units', 'children', id] as const;

/**
 * Picks a current administrative unit inside the user's scope. Starts from the
 * units the user holds roles at and loads children on demand; units of the
 * pre-2025 structure are not offered.
 */
export function UnitPicker({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
}) {
  const { t } = useI18n();
  const user = useStaffUser();
  const queryClient = useQueryClient();
  const [nodes, setNodes] = useState<PickerNode[]>(() =>
    scopeUnits(user).map((u) => ({ id: u.id, pId: ROOT, value: u.id, title: u.name, isLeaf: false })),
  );

  const loadChildren = async (parentId: string) => {
    const children = await queryClient.fetchQuery({
      queryKey: unitChildrenKey(parentId),
      queryFn: ({ signal }) => fetchUnitChildren(parentId, signal),
      staleTime: 5 * 60_000,
    });
    setNodes((previous) => {
      const known = new Set(previous.map((n) => n.id));
      const added = children
        .filter((c) => !known.has(c.id) && !isHistoricalUnit(c))
        .map((c) => ({
          id: c.id,
          pId: parentId,
          value: c.id,
          title: c.fullName,
          isLeaf: c.level === 'commune',
        }));
      const leafIfEmpty = previous.map((n) =>
        n.id === parentId && added.length === 0 ? { ...n, isLeaf: true } : n,
      );
      return [...leafIfEmpty, ...added];
    });
  };

  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: ROOT }}
      treeData={nodes}
      loadData={(node) => loadChildren(String(node.value))}
      showSearch={{
        filterTreeNode: (input, node) =>
          foldDiacritics(String(node.title ?? '')).includes(foldDiacritics(input)),
      }}
      placeholder={t.units.pickerPlaceholder}
      allowClear
      className="unit-picker"
    />
  );
}
