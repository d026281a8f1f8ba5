import { Select, TreeSelect } from 'antd';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRefData } from '../../app/api/types';
import { toTreeOptions } from '../../ui/tree';
import { useOrgUnits, useUserOptions } from './api';

type PickerProps = {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  /** the current choice, so its name shows before the option list has loaded */
  current?: UserRefData | null;
};

export function UserPicker({ value, onChange, placeholder, allowClear = true, style, current }: PickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const users = useUserOptions(q);
  const options = useMemo(() => {
    const list = users.data ?? [];
    const all = current && !list.some((u) => u.id === current.id) ? [current, ...list] : list;
    return all.map((u) => ({ value: u.id, label: u.displayName }));
  }, [users.data, current]);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={users.isFetching}
      allowClear={allowClear}
      placeholder={placeholder ?? t('common.selectUser')}
      notFoundContent={users.isFetching ? t('common.loading') : t('common.noMatch')}
      style={style}
    />
  );
}

export function OrgUnitPicker({
  value,
  onChange,
  placeholder,
  allowClear = true,
  style,
}: Omit<PickerProps, 'current'>) {
  const { t } = useTranslation();
  const units = useOrgUnits();
  const tree = useMemo(() => toTreeOptions(units.data ?? [], (u) => u.name), [units.data]);
  return (
    <TreeSelect
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      treeData={tree}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear={allowClear}
      loading={units.isLoading}
      placeholder={placeholder ?? t('common.selectOrgUnit')}
      style={style}
    />
  );
}

/** Several users at once; names of chosen users stay readable while the search shows others. */
export function UsersPicker({
  value,
  onChange,
  placeholder,
}: {
  value?: string[];
  onChange?: (value: string[]) => void;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const users = useUserOptions(q);
  const known = useRef(new Map<string, string>());
  for (const u of users.data ?? []) known.current.set(u.id, u.displayName);
  const options = useMemo(() => {
    const shown = new Map((users.data ?? []).map((u) => [u.id, u.displayName]));
    for (const id of value ?? []) shown.set(id, known.current.get(id) ?? id);
    return [...shown].map(([id, name]) => ({ value: id, label: name }));
  }, [users.data, value]);
  return (
    <Select
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={onChange}
      options={options}
      loading={users.isFetching}
      placeholder={placeholder ?? t('common.selectUser')}
      notFoundContent={users.isFetching ? t('common.loading') : t('common.noMatch')}
    />
  );
}
