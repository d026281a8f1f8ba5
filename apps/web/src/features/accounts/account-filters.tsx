import { ReloadOutlined } from '@ant-design/icons';
import { Industry, Lifecycle } from '@kamap/contracts';
import { Button, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { provinces } from '../../ui/provinces';
import { SearchInput } from '../../ui/search-input';
import { OrgUnitPicker, UserPicker } from '../org/pickers';

export const accountFilterKeys = ['q', 'lifecycle', 'industry', 'province', 'ownerId', 'orgUnitId', 'tag'] as const;
export type AccountFilterKey = (typeof accountFilterKeys)[number];
type Filters = Partial<Record<AccountFilterKey, string>>;
type FilterPatch = Partial<Record<AccountFilterKey, string | null>>;

export function AccountFilters({ filters, onChange }: { filters: Filters; onChange: (patch: FilterPatch) => void }) {
  const { t } = useTranslation();
  const active = accountFilterKeys.some((k) => filters[k]);
  return (
    <Flex gap={8} wrap align="center">
      <SearchInput
        value={filters.q}
        onCommit={(q) => onChange({ q })}
        placeholder={t('account.searchPlaceholder')}
        width={220}
      />
      <Select
        value={filters.lifecycle}
        onChange={(lifecycle) => onChange({ lifecycle })}
        allowClear
        placeholder={t('account.lifecycle')}
        style={{ width: 110 }}
        options={Lifecycle.options.map((v) => ({ value: v, label: t(`enum.lifecycle.${v}`) }))}
      />
      <Select
        value={filters.industry}
        onChange={(industry) => onChange({ industry })}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('account.industry')}
        style={{ width: 170 }}
        popupMatchSelectWidth={320}
        options={Industry.options.map((v) => ({ value: v, label: `${v} ${t(`enum.industry.${v}`)}` }))}
      />
      <Select
        value={filters.province}
        onChange={(province) => onChange({ province })}
        allowClear
        showSearch={{ optionFilterProp: 'value' }}
        placeholder={t('account.province')}
        style={{ width: 100 }}
        options={provinces.map((p) => ({ value: p }))}
      />
      <UserPicker
        value={filters.ownerId}
        onChange={(ownerId) => onChange({ ownerId })}
        placeholder={t('account.owner')}
        style={{ width: 120 }}
      />
      <OrgUnitPicker
        value={filters.orgUnitId}
        onChange={(orgUnitId) => onChange({ orgUnitId })}
        placeholder={t('account.orgUnit')}
        style={{ width: 140 }}
      />
      <SearchInput
        value={filters.tag}
        onCommit={(tag) => onChange({ tag })}
        placeholder={t('account.tag')}
        width={120}
      />
      {active && (
        <Button
          type="link"
          icon={<ReloadOutlined />}
          onClick={() => onChange(Object.fromEntries(accountFilterKeys.map((k) => [k, ''])))}
        >
          {t('action.resetFilters')}
        </Button>
      )}
    </Flex>
  );
}
