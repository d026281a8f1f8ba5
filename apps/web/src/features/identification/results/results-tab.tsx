import { ReloadOutlined } from '@ant-design/icons';
import { AbcClass, PortfolioQuadrant, ResultListQuery, RfmSegment, Tier } from '@kamap/contracts';
import { Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AccountResultData } from '../../../app/api/types';
import { oneOf, useUrlParams } from '../../../app/use-url-params';
import { EmptyState } from '../../../ui/empty-state';
import { formatCount } from '../../../ui/format';
import { ListFooter } from '../../../ui/list-footer';
import { QueryError } from '../../../ui/query-error';
import { SearchInput } from '../../../ui/search-input';
import { useResults, useRunConfig, useRuns } from '../api';
import { resultFilterKeys } from '../drill';
import { runLabel } from '../run-label';
import { resultColumns } from './result-columns';

const sorts = ResultListQuery.shape.sort.unwrap().options;
const scores = [1, 2, 3, 4, 5] as const;

const score = (value: string | undefined) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : undefined;
};
const churnMinOf = (value: string | undefined) => {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 0 && n <= 100 ? n : undefined;
};

/** The accounts behind any figure of the overview: its filters live in the URL, so a drill-down is a link. */
export function ResultsTab() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [url, setUrl] = useUrlParams(resultFilterKeys);
  const runs = useRuns();
  const run = url.runId ? runs.data?.find((r) => r.id === url.runId) : runs.data?.find((r) => r.status === 'done');
  const config = useRunConfig(run?.configVersion);
  const threshold = config?.churn.alertThreshold ?? 50;
  const sort = oneOf(sorts, url.sort) ?? 'score';
  const churnMin = churnMinOf(url.churnMin);

  const params = useMemo(
    () => ({
      runId: url.runId,
      tier: oneOf(Tier.options, url.tier),
      abc: oneOf(AbcClass.options, url.abc),
      segment: oneOf(RfmSegment.options, url.segment),
      quadrant: oneOf(PortfolioQuadrant.options, url.quadrant),
      r: score(url.r),
      f: score(url.f),
      churnMin,
      q: url.q,
      sort,
      limit: 50,
    }),
    [url, sort, churnMin],
  );
  const list = useResults(params);
  const columns = useMemo(() => resultColumns(t, sort, threshold), [t, sort, threshold]);
  const active = resultFilterKeys.some((k) => k !== 'sort' && url[k]);
  const churnOptions = [...new Set([threshold, 30, 50, 70, 90, ...(churnMin === undefined ? [] : [churnMin])])].sort(
    (a, b) => a - b,
  );

  return (
    <Card variant="borderless" styles={{ body: { padding: 16 } }}>
      <Flex vertical gap={16}>
        <Flex gap={8} wrap align="center">
          <SearchInput
            value={url.q}
            onCommit={(q) => setUrl({ q })}
            placeholder={t('results.searchPlaceholder')}
            width={180}
          />
          <Select
            value={params.tier}
            onChange={(tier) => setUrl({ tier })}
            allowClear
            placeholder={t('results.tier')}
            style={{ width: 112 }}
            options={Tier.options.map((v) => ({ value: v, label: t(`enum.tier.${v}`) }))}
          />
          <Select
            value={params.abc}
            onChange={(abc) => setUrl({ abc })}
            allowClear
            placeholder={t('results.abc')}
            style={{ width: 96 }}
            options={AbcClass.options.map((v) => ({ value: v, label: t('results.abcValue', { abc: v }) }))}
          />
          <Select
            value={params.segment}
            onChange={(segment) => setUrl({ segment })}
            allowClear
            placeholder={t('results.segment')}
            style={{ width: 124 }}
            popupMatchSelectWidth={160}
            options={RfmSegment.options.map((v) => ({ value: v, label: t(`enum.rfmSegment.${v}`) }))}
          />
          <Select
            value={params.quadrant}
            onChange={(quadrant) => setUrl({ quadrant })}
            allowClear
            placeholder={t('results.quadrant')}
            style={{ width: 112 }}
            options={PortfolioQuadrant.options.map((v) => ({ value: v, label: t(`enum.quadrant.${v}`) }))}
          />
          <Select
            value={params.r}
            onChange={(r) => setUrl({ r: r === undefined ? null : String(r) })}
            allowClear
            placeholder={t('results.r')}
            style={{ width: 96 }}
            options={scores.map((v) => ({ value: v, label: `R = ${v}` }))}
          />
          <Select
            value={params.f}
            onChange={(f) => setUrl({ f: f === undefined ? null : String(f) })}
            allowClear
            placeholder={t('results.f')}
            style={{ width: 96 }}
            options={scores.map((v) => ({ value: v, label: `F = ${v}` }))}
          />
          <Select
            value={churnMin}
            onChange={(v) => setUrl({ churnMin: v === undefined ? null : String(v) })}
            allowClear
            placeholder={t('results.churnMin')}
            style={{ width: 130 }}
            popupMatchSelectWidth={200}
            options={churnOptions.map((v) => ({
              value: v,
              label:
                v === threshold
                  ? t('results.churnAtLeastAlert', { value: v })
                  : t('results.churnAtLeast', { value: v }),
            }))}
          />
          <Select
            value={sort}
            onChange={(s) => setUrl({ sort: s === 'score' ? null : s })}
            style={{ width: 136 }}
            options={sorts.map((v) => ({ value: v, label: t(`results.sortBy.${v}`) }))}
          />
          {url.runId && run && (
            <Tag closable onClose={() => setUrl({ runId: null })} style={{ marginInlineEnd: 0 }}>
              {runLabel(run, t)}
            </Tag>
          )}
          {active && (
            <Button
              type="link"
              icon={<ReloadOutlined />}
              onClick={() => setUrl(Object.fromEntries(resultFilterKeys.map((k) => [k, null])))}
            >
              {t('action.resetFilters')}
            </Button>
          )}
          <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }}>
            {list.data ? t('results.totalCount', { count: list.total, formatted: formatCount(list.total) }) : null}
          </Typography.Text>
        </Flex>
        {list.isError && !list.data ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<AccountResultData>
            rowKey="accountId"
            size="middle"
            className="kamap-clickable-rows"
            columns={columns}
            dataSource={list.items}
            loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
            pagination={false}
            onRow={(row) => ({ onClick: () => navigate(`/accounts/${row.accountId}?tab=value`) })}
            onChange={(_p, _f, sorter) => {
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              const key = oneOf(sorts, typeof s?.columnKey === 'string' ? s.columnKey : undefined);
              setUrl({ sort: s?.order && key && key !== 'score' ? key : null });
            }}
            scroll={{ x: 1140 }}
            locale={{ emptyText: <EmptyState description={t('results.empty')} /> }}
          />
        )}
        <ListFooter list={list} />
      </Flex>
    </Card>
  );
}
