import { describe, expect, it } from 'vitest';
import { cleanFilters, drillLink, periodOptions } from './filters';

describe('map filters', () => {
  it('leaves out empty filters so equal filters make equal query keys', () => {
    expect(
      cleanFilters({ orgUnitId: undefined, ownerId: '', industry: 'C', region: undefined, tier: 'core', period: '' }),
    ).toEqual({ industry: 'C', tier: 'core' });
  });
  it('turns a drill-down into the list page link', () => {
    expect(drillLink({ path: '/complaints', query: { view: 'breached' } })).toBe('/complaints?view=breached');
    expect(drillLink({ path: '/pipeline', query: {} })).toBe('/pipeline');
    expect(drillLink({ path: '/identification', query: { tab: 'results', churnMin: '60', sort: 'churn' } })).toBe(
      '/identification?tab=results&churnMin=60&sort=churn',
    );
  });
  it('offers the year, its quarters and the year before', () => {
    expect(periodOptions('2026-12-01')).toEqual(['2026', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2025']);
  });
});
