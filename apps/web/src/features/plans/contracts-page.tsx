import { Flex, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { oneOf, useUrlParams } from '../../app/use-url-params';
import { PageHeader } from '../../ui/page-header';
import { ContractsTable } from './contracts-table';

const states = ['all', 'expiring', 'active', 'expired', 'renewed', 'upcoming'] as const;
const kinds = ['framework', 'long_term_agreement', 'maintenance', 'project'] as const;
const urlKeys = ['state', 'kind'] as const;

export function ContractsPage() {
  const { t } = useTranslation();
  const [url, setUrl] = useUrlParams(urlKeys);
  const state = oneOf(states, url.state) ?? 'expiring';
  return (
    <>
      <PageHeader title={t('nav.page.contracts')} subtitle={t('contract.pageHint')} />
      <Flex vertical gap={12}>
        <Flex gap={12} wrap>
          <Segmented
            value={state}
            onChange={(v) => setUrl({ state: v === 'expiring' ? null : v })}
            options={states.map((s) => ({
              value: s,
              label: s === 'all' ? t('contract.all') : t(`contract.state.${s}`),
            }))}
          />
          <Select
            allowClear
            placeholder={t('contract.kindLabel')}
            value={oneOf(kinds, url.kind)}
            onChange={(v) => setUrl({ kind: v ?? null })}
            style={{ width: 160 }}
            options={kinds.map((k) => ({ value: k, label: t(`contract.kind.${k}`) }))}
          />
        </Flex>
        <ContractsTable params={{ state: state === 'all' ? undefined : state, kind: oneOf(kinds, url.kind) }} />
      </Flex>
    </>
  );
}
