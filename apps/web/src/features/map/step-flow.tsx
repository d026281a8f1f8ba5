import { ArrowRightOutlined } from '@ant-design/icons';
import type { MapFigure, MapStep, MapStepKey } from '@kamap/contracts';
import { Skeleton, Tooltip } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EChart } from '../../ui/charts/echart';
import { formatCount, formatMoneyShort } from '../../ui/format';
import { mapStepKeys, useMapStep } from './api';
import { drillLink, type MapFilters } from './filters';
import styles from './map.module.css';

type SectionTitle = 'tiers' | 'abc' | 'openNeeds' | 'plans' | 'pipeline' | 'kpi';
/** `prefix` picks the figures; `except` leaves out one that reads better on its own row. */
type Section = { title?: SectionTitle; prefix: string; except?: string; layout: 'rows' | 'chips' };

/** How each step lays out its figures: groups of one kind side by side, single counts as rows. */
const layout: Record<MapStepKey, { entry: string; sections: Section[] }> = {
  identify: {
    entry: '/identification',
    sections: [
      { title: 'tiers', prefix: 'tier.', layout: 'rows' },
      { title: 'abc', prefix: 'abc.', layout: 'chips' },
      { prefix: 'movers.', layout: 'rows' },
      { prefix: 'churn.', layout: 'rows' },
    ],
  },
  needs: {
    entry: '/needs',
    sections: [
      { title: 'openNeeds', prefix: 'needs.p', layout: 'chips' },
      { prefix: 'needs.overdue', layout: 'rows' },
    ],
  },
  relationships: {
    entry: '/tasks',
    sections: [
      { prefix: 'care.', layout: 'rows' },
      { prefix: 'coverage.', layout: 'rows' },
      { prefix: 'complaints.', layout: 'rows' },
      { prefix: 'surveys.', layout: 'rows' },
    ],
  },
  strategy: {
    entry: '/plans',
    sections: [
      { title: 'plans', prefix: 'plans.', except: 'plans.overdueActions', layout: 'chips' },
      { prefix: 'plans.overdueActions', layout: 'rows' },
      { title: 'pipeline', prefix: 'pipeline.', layout: 'chips' },
      { prefix: 'discounts.', layout: 'rows' },
      { prefix: 'registrations.', layout: 'rows' },
    ],
  },
  evaluate: {
    entry: '/kpis',
    sections: [
      { title: 'kpi', prefix: 'kpi.', layout: 'chips' },
      { prefix: 'improvement.', layout: 'rows' },
    ],
  },
};

export function StepFlow({ filters }: { filters: MapFilters }) {
  return (
    <div className={styles.flow}>
      {mapStepKeys.map((step, i) => (
        <StepCard key={step} step={step} index={i} filters={filters} />
      ))}
    </div>
  );
}

function StepCard({ step, index, filters }: { step: MapStepKey; index: number; filters: MapFilters }) {
  const { t } = useTranslation();
  const query = useMapStep(step, filters);
  const spec = layout[step];
  return (
    <section className={styles.step} aria-labelledby={`map-step-${step}`} data-step={step}>
      <header className={styles.stepHead}>
        <span className={styles.stepNumber}>{index + 1}</span>
        <div className={styles.stepTitles}>
          <h3 id={`map-step-${step}`}>{t(`map.step.${step}.title`)}</h3>
          <small>{t(`map.step.${step}.subtitle`)}</small>
        </div>
        <Link
          to={spec.entry}
          className={styles.stepEntry}
          aria-label={t('map.enter', { step: t(`map.step.${step}.title`) })}
        >
          <ArrowRightOutlined />
        </Link>
      </header>
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 5 }} title={false} />
      ) : query.isError ? (
        <p className={styles.muted}>{t('map.loadFailed')}</p>
      ) : (
        <StepBody data={query.data} sections={spec.sections} />
      )}
    </section>
  );
}

function StepBody({ data, sections }: { data: MapStep; sections: Section[] }) {
  const { t } = useTranslation();
  if (data.figures.length === 0) return <p className={styles.muted}>{t('map.noFigures')}</p>;
  return (
    <div className={styles.stepBody}>
      {sections.map((section) => {
        const figures = data.figures.filter((f) => f.key.startsWith(section.prefix) && f.key !== section.except);
        if (figures.length === 0) return null;
        return (
          <div key={section.prefix} className={styles.section}>
            {section.title && <div className={styles.sectionTitle}>{t(`map.section.${section.title}`)}</div>}
            {section.layout === 'chips' ? (
              <div className={styles.chips}>
                {figures.map((f) => (
                  <FigureChip key={f.key} figure={f} />
                ))}
              </div>
            ) : (
              figures.map((f) => <FigureRow key={f.key} figure={f} />)
            )}
          </div>
        );
      })}
      {data.step === 'relationships' && data.trend.length > 0 && <SurveyTrend trend={data.trend} />}
    </div>
  );
}

function FigureRow({ figure }: { figure: MapFigure }) {
  const { t, i18n } = useTranslation();
  return (
    <Link to={drillLink(figure.drill)} className={styles.figureRow} data-figure={figure.key}>
      <span className={styles.figureLabel}>{t(`map.figure.${figure.key}`, { defaultValue: figure.key })}</span>
      <span className={styles.figureValue} data-tone={figure.tone}>
        {formatCount(figure.value)}
        {figure.amount !== null && figure.amount !== 0 && (
          <small className={styles.figureAmount}>{formatMoneyShort(figure.amount, i18n.language)}</small>
        )}
      </span>
    </Link>
  );
}

function FigureChip({ figure }: { figure: MapFigure }) {
  const { t, i18n } = useTranslation();
  const chip = (
    <Link to={drillLink(figure.drill)} className={styles.chip} data-tone={figure.tone} data-figure={figure.key}>
      <small>{t(`map.figure.${figure.key}`, { defaultValue: figure.key })}</small>
      <strong>{formatCount(figure.value)}</strong>
    </Link>
  );
  if (figure.amount === null) return chip;
  return <Tooltip title={formatMoneyShort(figure.amount, i18n.language)}>{chip}</Tooltip>;
}

function SurveyTrend({ trend }: { trend: MapStep['trend'] }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      grid: { left: 4, right: 4, top: 8, bottom: 4, containLabel: false },
      tooltip: {
        trigger: 'axis',
        formatter: (items: { dataIndex: number }[]) => {
          const p = trend[items[0]?.dataIndex ?? 0];
          if (!p) return '';
          return t('map.trendTooltip', {
            month: p.month,
            csat: p.csat === null ? '–' : p.csat.toFixed(2),
            nps: p.nps === null ? '–' : p.nps,
            n: p.responses,
          });
        },
      },
      xAxis: { type: 'category', data: trend.map((p) => p.month), show: false },
      yAxis: { type: 'value', min: 1, max: 5, show: false },
      series: [
        {
          type: 'line',
          data: trend.map((p) => p.csat),
          smooth: true,
          symbolSize: 4,
          lineStyle: { width: 2, color: '#0891b2' },
          itemStyle: { color: '#0891b2' },
          areaStyle: { color: 'rgba(8, 145, 178, 0.08)' },
        },
      ],
    }),
    [trend, t],
  );
  const last = trend[trend.length - 1];
  return (
    <div className={styles.section}>
      <div className={styles.sectionTitle}>
        {t('map.section.csatTrend')}
        {last?.csat != null && <span className={styles.trendLast}>{last.csat.toFixed(2)}</span>}
      </div>
      <EChart option={option} height={48} label={t('map.section.csatTrend')} />
    </div>
  );
}
