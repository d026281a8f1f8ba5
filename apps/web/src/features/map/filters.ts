import type { MapDrill } from '@kamap/contracts';

export const mapFilterKeys = ['orgUnitId', 'ownerId', 'industry', 'region', 'tier', 'period'] as const;
export type MapFilterKey = (typeof mapFilterKeys)[number];
export type MapFilters = Partial<Record<MapFilterKey, string>>;

/** The filters with empty values left out, so equal filters make equal query keys. */
export function cleanFilters(values: Record<MapFilterKey, string | undefined>): MapFilters {
  const out: MapFilters = {};
  for (const key of mapFilterKeys) {
    const value = values[key];
    if (value) out[key] = value;
  }
  return out;
}

/** A figure's drill-down as a link: the list page's path with its URL filters. */
export function drillLink(drill: MapDrill): string {
  const search = new URLSearchParams(drill.query).toString();
  return search ? `${drill.path}?${search}` : drill.path;
}

/** Periods offered in the filter: this year and last, and this year's quarters. */
export function periodOptions(today: string): string[] {
  const year = Number(today.slice(0, 4));
  return [String(year), ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`), String(year - 1)];
}
