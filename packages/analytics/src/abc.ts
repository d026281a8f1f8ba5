/**
 * ABC(D) classes by Pareto (DOMAIN.md, formulas): rank by the metric descending (ties by id),
 * A while the cumulative share is within 80 %, B within 95 %, C the rest; D when the account
 * had no orders in the window or a negative metric.
 */
export type AbcInput = { id: string; value: number; orders: number };
export type AbcClass = 'A' | 'B' | 'C' | 'D';
export type AbcResult = { id: string; abc: AbcClass; share: number; cumulativeShare: number; rank: number | null };

export function abcClasses(
  rows: readonly AbcInput[],
  cutoffs: { a: number; b: number } = { a: 0.8, b: 0.95 },
): AbcResult[] {
  const ranked = rows
    .filter((r) => r.orders > 0 && r.value > 0)
    .sort((x, y) => y.value - x.value || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const total = ranked.reduce((s, r) => s + r.value, 0);
  const out: AbcResult[] = [];
  let cumulative = 0;
  ranked.forEach((r, i) => {
    const before = cumulative;
    cumulative += r.value;
    const share = r.value / total;
    // an account belongs to A if the cumulative share *before* it is still under the cutoff,
    // so the single largest account is always A even when it alone exceeds 80 %
    const abc: AbcClass = before < cutoffs.a * total ? 'A' : before < cutoffs.b * total ? 'B' : 'C';
    out.push({ id: r.id, abc, share, cumulativeShare: cumulative / total, rank: i + 1 });
  });
  for (const r of rows) {
    if (r.orders <= 0 || r.value <= 0) out.push({ id: r.id, abc: 'D', share: 0, cumulativeShare: 0, rank: null });
  }
  return out;
}
