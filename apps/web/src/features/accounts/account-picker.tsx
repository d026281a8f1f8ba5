import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import type { AccountSummary, Page } from '../../app/api/types';

/** Pick an account by typing part of its name or code (server-side fuzzy search). */
export function AccountPicker({
  value,
  onChange,
  excludeId,
  current,
  placeholder,
  style,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  excludeId?: string;
  current?: { id: string; name: string } | null;
  placeholder?: string;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const accounts = useQuery({
    queryKey: ['accounts', 'picker', q],
    queryFn: ({ signal }) =>
      api.get<Page<AccountSummary>>('/accounts', { q: q || undefined, limit: 20, sort: 'name' }, signal),
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const list = (accounts.data?.items ?? []).filter((a) => a.id !== excludeId);
    const all = current && !list.some((a) => a.id === current.id) ? [current, ...list] : list;
    return all.map((a) => ({ value: a.id, label: a.name }));
  }, [accounts.data, excludeId, current]);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={accounts.isFetching}
      allowClear
      placeholder={placeholder ?? t('account.pickPlaceholder')}
      notFoundContent={accounts.isFetching ? t('common.loading') : t('common.noMatch')}
      style={style}
    />
  );
}
