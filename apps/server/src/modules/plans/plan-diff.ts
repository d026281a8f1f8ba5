import type { PlanChange } from '@kamap/contracts';

/** What a plan version holds: the plan's content as it stood. Actions and items are keyed by id. */
export type PlanSnapshot = {
  title: string;
  goals: { kind: string; label: string; target: number | null; role: string | null; note: string | null }[];
  swot: Record<'strengths' | 'weaknesses' | 'opportunities' | 'threats', string[]>;
  strategies: Record<'product' | 'price' | 'promotion' | 'channel', string>;
  actions: {
    id: string;
    strategy: string;
    title: string;
    ownerId: string;
    ownerName: string;
    dueDate: string;
    status: string;
    resources: string | null;
    budget: number | null;
  }[];
  items: { id: string; kind: string; title: string; terms: string; startDate: string; endDate: string | null }[];
};

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

function records<T extends Record<string, unknown>>(
  section: PlanChange['section'],
  before: T[],
  after: T[],
  key: (r: T) => string,
  label: (r: T) => string,
  fields: (keyof T & string)[],
): PlanChange[] {
  const changes: PlanChange[] = [];
  const old = new Map(before.map((r) => [key(r), r]));
  const now = new Map(after.map((r) => [key(r), r]));
  for (const [k, r] of old)
    if (!now.has(k))
      changes.push({ section, change: 'removed', label: label(r), field: null, before: label(r), after: null });
  for (const [k, r] of now) {
    const was = old.get(k);
    if (!was) {
      changes.push({ section, change: 'added', label: label(r), field: null, before: null, after: label(r) });
      continue;
    }
    for (const f of fields)
      if (text(was[f]) !== text(r[f]))
        changes.push({
          section,
          change: 'changed',
          label: label(r),
          field: f,
          before: text(was[f]),
          after: text(r[f]),
        });
  }
  return changes;
}

/**
 * The changes from one plan version to another, field by field, in the order a reader goes through a
 * plan: title, goals, SWOT, strategies, actions, items. Goals are matched by kind and label (a relabelled
 * goal reads as one removed and one added); actions and items by id.
 */
export function diffPlans(before: PlanSnapshot, after: PlanSnapshot): PlanChange[] {
  const changes: PlanChange[] = [];
  if (before.title !== after.title)
    changes.push({
      section: 'title',
      change: 'changed',
      label: after.title,
      field: 'title',
      before: before.title,
      after: after.title,
    });
  changes.push(
    ...records(
      'goals',
      before.goals,
      after.goals,
      (g) => `${g.kind}:${g.label}`,
      (g) => g.label,
      ['target', 'role', 'note'],
    ),
  );
  for (const quadrant of ['strengths', 'weaknesses', 'opportunities', 'threats'] as const) {
    const was = new Set(before.swot[quadrant]);
    const now = new Set(after.swot[quadrant]);
    for (const s of was)
      if (!now.has(s))
        changes.push({ section: 'swot', change: 'removed', label: s, field: quadrant, before: s, after: null });
    for (const s of now)
      if (!was.has(s))
        changes.push({ section: 'swot', change: 'added', label: s, field: quadrant, before: null, after: s });
  }
  for (const s of ['product', 'price', 'promotion', 'channel'] as const)
    if (before.strategies[s] !== after.strategies[s])
      changes.push({
        section: 'strategies',
        change: 'changed',
        label: s,
        field: s,
        before: before.strategies[s],
        after: after.strategies[s],
      });
  changes.push(
    ...records(
      'actions',
      before.actions,
      after.actions,
      (a) => a.id,
      (a) => a.title,
      ['title', 'strategy', 'ownerName', 'dueDate', 'status', 'resources', 'budget'],
    ),
  );
  changes.push(
    ...records(
      'items',
      before.items,
      after.items,
      (i) => i.id,
      (i) => i.title,
      ['kind', 'title', 'terms', 'startDate', 'endDate'],
    ),
  );
  return changes;
}
