import { ReloadOutlined } from '@ant-design/icons';
import { Industry, Tier } from '@kamap/contracts';
import { Button, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '../../app/api/types';
import { todayInChina } from '../../ui/format';
import { provinces } from '../../ui/provinces';
import { OrgUnitPicker, UserPicker } from '../org/pickers';
import { type MapFilterKey, type MapFilters, mapFilterKeys, periodOptions } from './filters';

/** Org unit, KAM, industry, region, tier and period; kept in the URL by the page. */
export function MapFilterBar({
  filters,
  onChange,
  user,
}: {
  filters: MapFilters;
  onChange: (patch: Partial<Record<MapFilterKey, string | null>>) => void;
  user: CurrentUser;
}) {
  const { t } = useTranslation();
  // the user list is for managers; a KAM's map is its own portfolio anyway
  const picksOwner = user.role === 'admin' || user.role === 'director';
  const active = mapFilterKeys.some((k) => filters[k]);
  return (
    <Flex gap={8} wrap align="center" data-testid="map-filters">
      <OrgUnitPicker
        value={filters.orgUnitId}
        onChange={(orgUnitId) => onChange({ orgUnitId })}
        placeholder={t('map.filter.orgUnit')}
        style={{ width: 150 }}
      />
      {picksOwner && (
        <UserPicker
          value={filters.ownerId}
          onChange={(ownerId) => onChange({ ownerId })}
          placeholder={t('map.filter.owner')}
          style={{ width: 130 }}
        />
      )}
      <Select
        value={filters.industry}
        onChange={(industry) => onChange({ industry })}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('map.filter.industry')}
        style={{ width: 150 }}
        popupMatchSelectWidth={320}
        options={Industry.options.map((v) => ({ value: v, label: `${v} ${t(`enum.industry.${v}`)}` }))}
      />
      <Select
        value={filters.region}
        onChange={(region) => onChange({ region })}
        allowClear
        showSearch={{ optionFilterProp: 'value' }}
        placeholder={t('map.filter.region')}
        style={{ width: 110 }}
        options={provinces.map((p) => ({ value: p }))}
      />
      <Select
        value={filters.tier}
        onChange={(tier) => onChange({ tier })}
        allowClear
        placeholder={t('map.filter.tier')}
        style={{ width: 120 }}
        options={Tier.options.map((v) => ({ value: v, label: t(`enum.tier.${v}`) }))}
      />
      <Select
        value={filters.period}
        onChange={(period) => onChange({ period })}
        allowClear
        placeholder={t('map.filter.period', { year: todayInChina().slice(0, 4) })}
        style={{ width: 130 }}
        options={periodOptions(todayInChina()).map((p) => ({ value: p, label: p }))}
      />
      {active && (
        <Button
          type="link"
          icon={<ReloadOutlined />}
          onClick={() => onChange(Object.fromEntries(mapFilterKeys.map((k) => [k, null])))}
        >
          {t('action.resetFilters')}
        </Button>
      )}
    </Flex>
  );
}
