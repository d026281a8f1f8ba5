import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountValueResult } from '../../../app/api/types';
import { formatPercent } from '../../../ui/format';
import { quadrantOrder } from '../portfolio-view';
import { quadrantColor } from '../tags';
import styles from './value.module.css';

/** The account's place in McDonald's matrix: our strength across, its attractiveness up. */
export function QuadrantCard({ quadrant }: { quadrant: AccountValueResult['quadrant'] }) {
  const { t } = useTranslation();
  const x = Math.min(1, Math.max(0, quadrant.strength));
  const y = Math.min(1, Math.max(0, quadrant.attractiveness));
  return (
    <Card size="small" variant="borderless" title={t('value.quadrantTitle')} style={{ height: '100%' }}>
      <Flex vertical gap={8}>
        <div className={styles.quadrantBox}>
          {quadrantOrder.map((q) => (
            <div
              key={q}
              className={styles.quadrantCell}
              style={{
                background: q === quadrant.quadrant ? `${quadrantColor[q]}1f` : undefined,
                color: quadrantColor[q],
                fontWeight: q === quadrant.quadrant ? 600 : 400,
              }}
            >
              {t(`enum.quadrant.${q}`)}
            </div>
          ))}
          <span
            className={styles.quadrantDot}
            style={{ left: `${x * 100}%`, bottom: `${y * 100}%`, background: quadrantColor[quadrant.quadrant] }}
          />
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('value.quadrantPosition', {
            strength: formatPercent(quadrant.strength, 0),
            attractiveness: formatPercent(quadrant.attractiveness, 0),
          })}
        </Typography.Text>
        <Typography.Text style={{ fontSize: 12 }}>{t(`overview.quadrantHint.${quadrant.quadrant}`)}</Typography.Text>
      </Flex>
    </Card>
  );
}
