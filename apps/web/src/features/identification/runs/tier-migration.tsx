import { Card, Flex, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnalysisRunData } from '../../../app/api/types';
import { EmptyState } from '../../../ui/empty-state';
import { formatCount } from '../../../ui/format';
import { QueryError } from '../../../ui/query-error';
import { useMigration } from '../api';
import { type MigrationTier, migrationGrid, migrationSummary, migrationTiers, moveDirection } from '../migration-view';
import { runLabel } from '../run-label';
import styles from './runs.module.css';

const cellTint = { same: '#f1f5f9', up: '#dcfce7', down: '#fee2e2', new: '#e0ecff', gone: '#f5f5f5' } as const;

/** Accounts per (tier in the earlier run, tier in the later run); a missing tier means not in that run. */
export function TierMigrationCard({
  runs,
  from,
  to,
  onChange,
}: {
  runs: AnalysisRunData[];
  from: string | undefined;
  to: string | undefined;
  onChange: (patch: { from?: string; to?: string }) => void;
}) {
  const { t } = useTranslation();
  const migration = useMigration(from, to);
  const label = (tier: MigrationTier) => (tier === null ? t('runs.absent') : t(`enum.tier.${tier}`));
  const options = runs.map((r) => ({ value: r.id, label: runLabel(r, t) }));

  return (
    <Card size="small" variant="borderless" title={t('runs.migrationTitle')} style={{ height: '100%' }}>
      <Flex vertical gap={12}>
        <Flex align="center" gap={8} wrap>
          <Select
            value={from}
            onChange={(v) => onChange({ from: v })}
            options={options}
            placeholder={t('runs.fromRun')}
            style={{ flex: 1, minWidth: 150 }}
          />
          <Typography.Text type="secondary">→</Typography.Text>
          <Select
            value={to}
            onChange={(v) => onChange({ to: v })}
            options={options}
            placeholder={t('runs.toRun')}
            style={{ flex: 1, minWidth: 150 }}
          />
        </Flex>
        {!from || !to ? (
          <EmptyState description={t('runs.migrationNeedsTwo')} />
        ) : migration.isError ? (
          <QueryError error={migration.error} onRetry={() => migration.refetch()} />
        ) : !migration.data ? (
          <Skeleton active paragraph={{ rows: 4 }} />
        ) : (
          <>
            <table className={styles.matrix}>
              <thead>
                <tr>
                  <th className={styles.corner}>{t('runs.matrixCorner')}</th>
                  {migrationTiers.map((tier) => (
                    <th key={tier ?? 'none'}>{label(tier)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {migrationGrid(migration.data).map((row) => (
                  <tr key={row.from ?? 'none'}>
                    <th>{label(row.from)}</th>
                    {row.counts.map((count, i) => {
                      const target = migrationTiers[i] ?? null;
                      const direction = moveDirection(row.from, target);
                      const empty = count === 0 || (row.from === null && target === null);
                      return (
                        <td
                          key={target ?? 'none'}
                          className="kamap-num"
                          style={{ background: empty ? undefined : cellTint[direction] }}
                        >
                          {row.from === null && target === null ? '' : empty ? '·' : formatCount(count)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
            <MigrationSummary summary={migrationSummary(migration.data)} />
          </>
        )}
      </Flex>
    </Card>
  );
}

function MigrationSummary({ summary }: { summary: ReturnType<typeof migrationSummary> }) {
  const { t } = useTranslation();
  return (
    <Flex gap={16} wrap>
      {(['up', 'down', 'same', 'new', 'gone'] as const).map((d) => (
        <Flex key={d} align="center" gap={6}>
          <span className={styles.swatch} style={{ background: cellTint[d] }} />
          <Typography.Text type="secondary">{t(`runs.direction.${d}`)}</Typography.Text>
          <Typography.Text strong className="kamap-num">
            {formatCount(summary[d])}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
