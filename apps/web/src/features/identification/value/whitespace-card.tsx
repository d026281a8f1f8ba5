import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Tag, Tooltip, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WhitespaceCellData } from '../../../app/api/types';
import { useCurrentUser } from '../../../app/auth/current-user';
import { EmptyState } from '../../../ui/empty-state';
import { formatDate, formatMoney, formatPercent } from '../../../ui/format';
import { lazyNamed } from '../../../ui/lazy-named';
import { planWriters } from '../../plans/access';
import { whitespaceColumns, whitespaceStates } from '../value-view';
import styles from './value.module.css';

// the opportunity form arrives when a cell is first turned into an opportunity, not with the chart
const OpportunityFormModal = lazyNamed(() => import('../../plans/opportunity-form-modal'), 'OpportunityFormModal');

const stateStyle = {
  potential: { background: '#eef2ff', color: '#3730a3' },
  opportunity: { background: '#ecfeff', color: '#0e7490' },
  competitor: { background: '#fff7ed', color: '#9a3412' },
  bought: { background: '#f0fdf4', color: '#166534' },
  none: { background: '#f8fafc', color: '#64748b' },
} as const;

function CellDetail({ cell }: { cell: WhitespaceCellData }) {
  const { t } = useTranslation();
  switch (cell.state) {
    case 'bought':
      return (
        <div className="kamap-num">
          {formatMoney(cell.revenue)} · {t('value.wsLastOrder', { date: formatDate(cell.lastOrderDate) })}
        </div>
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
      ) : null;
    case 'opportunity':
      return cell.opportunityId ? (
        <Link to={`/opportunities/${cell.opportunityId}`}>{t('value.wsOpenOpportunity')}</Link>
      ) : null;
    case 'none':
      return null;
  }
}

/**
 * Category × state as a board: where peers suggest we could sell, where a competitor does, where we
 * do, and where nothing is known; each category in the column of its state, with the facts behind it.
 */
export function WhitespaceCard({ accountId, cells }: { accountId: string; cells: WhitespaceCellData[] }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [creating, setCreating] = useState<WhitespaceCellData | null>(null);
  const columns = whitespaceColumns(cells);
  // a recommendation or a category a competitor holds is where a KAM may open a cross-sell or upsell
  const canCreate = (cell: WhitespaceCellData) =>
    planWriters.includes(user.role) &&
    cell.recommendation !== null &&
    (cell.state === 'potential' || cell.state === 'competitor');
  return (
    <Card size="small" variant="borderless" title={t('value.whitespaceTitle')}>
      {cells.length === 0 ? (
        <EmptyState description={t('value.whitespaceEmpty')} />
      ) : (
        <Flex vertical gap={12}>
          <Row gutter={[12, 12]}>
            {whitespaceStates
              .filter((state) => state !== 'none')
              .map((state) => (
                <Col key={state} xs={24} md={12} xl={6}>
                  <Flex vertical gap={8}>
                    <Flex align="center" justify="space-between" className={styles.wsHead} style={stateStyle[state]}>
                      <Typography.Text strong style={{ color: 'inherit' }}>
                        {t(`enum.whitespace.${state}`)}
                      </Typography.Text>
                      <span className="kamap-num">{columns[state].length}</span>
                    </Flex>
                    {columns[state].length === 0 ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12, padding: '0 8px' }}>
                        {t(`value.wsEmpty.${state}`)}
                      </Typography.Text>
                    ) : (
                      columns[state].map((cell) => (
                        <div
                          key={cell.categoryId}
                          className={styles.wsCell}
                          style={{ borderLeftColor: stateStyle[state].color }}
                        >
                          <Typography.Text strong>{cell.categoryName}</Typography.Text>
                          <div className={styles.wsDetail}>
                            <CellDetail cell={cell} />
                          </div>
                          {canCreate(cell) && (
                            <Button
                              size="small"
                              type="link"
                              icon={<PlusOutlined />}
                              style={{ padding: 0 }}
                              onClick={() => setCreating(cell)}
                            >
                              {t('value.wsCreateOpportunity')}
                            </Button>
                          )}
                        </div>
                      ))
                    )}
                  </Flex>
                </Col>
              ))}
          </Row>
          {columns.none.length > 0 && (
            <Flex wrap gap={6} align="center" className={styles.wsHead} style={stateStyle.none}>
              <Typography.Text strong style={{ color: 'inherit', marginInlineEnd: 6 }}>
                {t('enum.whitespace.none')} {columns.none.length}
              </Typography.Text>
              {columns.none.map((cell) => (
                <Tag key={cell.categoryId} style={{ marginInlineEnd: 0, background: '#fff' }}>
                  {cell.categoryName}
                </Tag>
              ))}
            </Flex>
          )}
        </Flex>
      )}
      {creating && (
        <Suspense fallback={null}>
          <OpportunityFormModal
            accountId={accountId}
            recommendation={{
              categoryId: creating.categoryId,
              categoryName: creating.categoryName,
              because: creating.recommendation?.because ?? null,
            }}
            onClose={() => setCreating(null)}
          />
        </Suspense>
      )}
    </Card>
  );
}
