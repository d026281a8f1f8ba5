import { Card, Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WhitespaceCellData } from '../../../app/api/types';
import { EmptyState } from '../../../ui/empty-state';
import { formatDate, formatMoney, formatPercent } from '../../../ui/format';
import { whitespaceRows, whitespaceStates } from '../value-view';
import styles from './value.module.css';

const stateStyle = {
  potential: { background: '#eef2ff', color: '#3730a3' },
  competitor: { background: '#fff7ed', color: '#9a3412' },
  bought: { background: '#f0fdf4', color: '#166534' },
  none: { background: '#f8fafc', color: '#94a3b8' },
} as const;

function CellDetail({ cell }: { cell: WhitespaceCellData }) {
  const { t } = useTranslation();
  switch (cell.state) {
    case 'bought':
      return (
        <>
          <div className="kamap-num">{formatMoney(cell.revenue)}</div>
          <div>{t('value.wsLastOrder', { date: formatDate(cell.lastOrderDate) })}</div>
        </>
      );
    case 'competitor':
      return (
        <>
          {cell.competitors.map((c) => (
            <div key={c.name}>
              <strong>{c.name}</strong>
              {c.estAnnualVolume !== null && ` · ${t('value.wsVolume', { amount: formatMoney(c.estAnnualVolume) })}`}
              {c.ourShare !== null && ` · ${t('value.wsOurShare', { share: formatPercent(c.ourShare, 0) })}`}
            </div>
          ))}
          {cell.revenue > 0 && (
            <div className="kamap-num">{t('value.wsOurs', { amount: formatMoney(cell.revenue) })}</div>
          )}
        </>
      );
    case 'potential':
      return cell.recommendation ? (
        <Tooltip title={t('value.wsRuleHint')}>
          <div>{t('value.wsBecause', { because: cell.recommendation.because, peers: cell.recommendation.peers })}</div>
          <div className="kamap-num">
            {t('value.wsRule', {
              support: formatPercent(cell.recommendation.support),
              confidence: formatPercent(cell.recommendation.confidence),
              lift: cell.recommendation.lift.toFixed(2),
            })}
          </div>
        </Tooltip>
      ) : (
        <div>{t('enum.whitespace.potential')}</div>
      );
    case 'none':
      return <div>—</div>;
  }
}

/** Category × state: where we sell, where a competitor does, where peers suggest we could, and where nothing is known. */
export function WhitespaceCard({ cells }: { cells: WhitespaceCellData[] }) {
  const { t } = useTranslation();
  const { rows, counts } = whitespaceRows(cells);
  return (
    <Card
      size="small"
      variant="borderless"
      title={t('value.whitespaceTitle')}
      extra={
        <Flex gap={6} wrap>
          {whitespaceStates.map((s) => (
            <Tag key={s} style={{ ...stateStyle[s], borderColor: 'transparent', marginInlineEnd: 0 }}>
              {t(`enum.whitespace.${s}`)} {counts[s]}
            </Tag>
          ))}
        </Flex>
      }
    >
      {rows.length === 0 ? (
        <EmptyState description={t('value.whitespaceEmpty')} />
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table className={styles.whitespace}>
            <thead>
              <tr>
                <th style={{ width: 160 }}>{t('value.wsCategory')}</th>
                {whitespaceStates.map((s) => (
                  <th key={s} style={{ width: s === 'none' ? 90 : undefined }}>
                    {t(`enum.whitespace.${s}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((cell) => (
                <tr key={cell.categoryId}>
                  <td className={styles.category}>{cell.categoryName}</td>
                  {whitespaceStates.map((s) => (
                    <td key={s}>
                      {cell.state === s && (
                        <div className={styles.wsCell} style={stateStyle[s]}>
                          <CellDetail cell={cell} />
                        </div>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
