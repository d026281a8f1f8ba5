import { describe, expect, it } from 'vitest';
import { briefSections } from './access';

describe('the account brief by role', () => {
  it('an agent (external partner) sees neither scores, plans, KPIs nor complaints, and logs no visits', () => {
    expect(briefSections({ role: 'agent' })).toEqual({
      analytics: false,
      plans: false,
      kpis: false,
      complaints: false,
      logVisit: false,
    });
  });

  it('the analyst reads every section but records nothing', () => {
    expect(briefSections({ role: 'analyst' })).toEqual({
      analytics: true,
      plans: true,
      kpis: true,
      complaints: true,
      logVisit: false,
    });
  });

  it.each(['admin', 'director', 'kam', 'service'] as const)('%s sees every section and logs visits', (role) => {
    expect(Object.values(briefSections({ role })).every(Boolean)).toBe(true);
  });
});
