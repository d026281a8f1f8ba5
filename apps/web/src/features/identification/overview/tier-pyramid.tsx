import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount, formatMoneyShort, formatPercent } from '../../../ui/format';
import type { PyramidLevel } from '../portfolio-view';
import { tierColor } from '../tags';
import styles from './overview.module.css';

// the pyramid's width at the top of each band and at its foot, as a share of its column
const edges = [0.2, 0.5, 0.76, 1];

/** Strategic at the apex: each band opens the result list of its tier. */
export function TierPyramid({ levels, onOpen }: { levels: PyramidLevel[]; onOpen: (level: PyramidLevel) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Flex vertical gap={6}>
      {levels.map((level, i) => {
        const top = edges[i] ?? 1;
        const bottom = edges[i + 1] ?? 1;
        const clip = `polygon(${((1 - top) / 2) * 100}% 0, ${((1 + top) / 2) * 100}% 0, ${((1 + bottom) / 2) * 100}% 100%, ${((1 - bottom) / 2) * 100}% 100%)`;
        const dark = level.tier !== 'general';
        return (
          <button key={level.tier} type="button" className={styles.pyramidRow} onClick={() => onOpen(level)}>
            <span className={styles.pyramidBand} style={{ clipPath: clip, background: tierColor[level.tier] }}>
              <span style={{ color: dark ? '#fff' : '#0f172a' }} className="kamap-num">
                {formatCount(level.accounts)}
              </span>
            </span>
            <span className={styles.pyramidLabel}>
              <Typography.Text strong>{t(`enum.tier.${level.tier}`)}</Typography.Text>
              <Typography.Text className="kamap-num">
                {t('overview.levelValue', {
                  accounts: formatCount(level.accounts),
                  revenue: formatMoneyShort(level.revenue, i18n.language),
                })}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('overview.levelShare', {
                  accounts: formatPercent(level.accountShare),
                  revenue: formatPercent(level.revenueShare),
                })}
              </Typography.Text>
            </span>
          </button>
        );
      })}
    </Flex>
  );
}
