export type TreeOption = { value: string; title: string; children: TreeOption[] };

/**
 * Rows that name their parent (org units, product categories) → the nested options a TreeSelect
 * wants. A row whose parent is not in the list becomes a root.
 */
export function toTreeOptions<T extends { id: string; parentId: string | null }>(
  rows: T[],
  title: (row: T) => string,
): TreeOption[] {
  const nodes = new Map(rows.map((r) => [r.id, { value: r.id, title: title(r), children: [] as TreeOption[] }]));
  const roots: TreeOption[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id);
    if (!node) continue;
    const parent = row.parentId ? nodes.get(row.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
