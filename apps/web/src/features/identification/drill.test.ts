import { expect, it } from 'vitest';
import { resultsLink } from './drill';

it('links to the result list with exactly the given filters', () => {
  expect(resultsLink({ tier: 'strategic' })).toBe('/identification?tab=results&tier=strategic');
  expect(resultsLink({ abc: 'A', churnMin: 50, sort: 'churn', segment: '' })).toBe(
    '/identification?tab=results&abc=A&churnMin=50&sort=churn',
  );
  expect(resultsLink({ r: 5, f: 1, runId: undefined })).toBe('/identification?tab=results&r=5&f=1');
});
