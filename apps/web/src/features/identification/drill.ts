/** The filters of the result list; each figure of the overview links to the list filtered by them. */
export const resultFilterKeys = [
  'runId',
  'tier',
  'abc',
  'segment',
  'quadrant',
  'r',
  'f',
  'churnMin',
  'sort',
  'q',
] as const;
export type ResultFilterKey = (typeof resultFilterKeys)[number];
export type ResultFilters = Partial<Record<ResultFilterKey, string | number | undefined>>;

/** The result list filtered by exactly these filters (any others cleared), as a link. */
export function resultsLink(filters: ResultFilters): string {
  const search = new URLSearchParams({ tab: 'results' });
  for (const key of resultFilterKeys) {
    const value = filters[key];
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  return `/identification?${search.toString()}`;
}
