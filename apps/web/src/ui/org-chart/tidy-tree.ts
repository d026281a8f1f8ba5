export type TreeInput = { id: string; parentId: string | null };
export type Placed = { id: string; x: number; y: number; depth: number };
export type TreeLayoutOptions = { nodeWidth: number; nodeHeight: number; siblingGap: number; levelGap: number };

/**
 * Top-down tree layout for an org chart: children sit side by side under their parent, each
 * parent centred over its first and last child, subtrees never overlap, roots (people who
 * report to nobody on file) are laid out left to right. A reports-to chain that loops, or
 * points at someone not in the list, is cut there and the person becomes a root.
 * Returns top-left corners, in input order within each level.
 */
export function layoutTree(nodes: TreeInput[], options: TreeLayoutOptions): Placed[] {
  const { nodeWidth, nodeHeight, siblingGap, levelGap } = options;
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string, string[]>();
  const roots: string[] = [];

  for (const node of nodes) {
    if (node.parentId && node.parentId !== node.id && ids.has(node.parentId)) {
      const list = children.get(node.parentId) ?? [];
      list.push(node.id);
      children.set(node.parentId, list);
    } else {
      roots.push(node.id);
    }
  }

  const placed = new Map<string, Placed>();
  // x is the centre while laying out; converted to the left edge at the end
  const place = (id: string, left: number, depth: number, path: Set<string>): number => {
    const kids = (children.get(id) ?? []).filter((k) => !path.has(k) && !placed.has(k));
    const y = depth * (nodeHeight + levelGap);
    if (kids.length === 0) {
      placed.set(id, { id, x: left + nodeWidth / 2, y, depth });
      return nodeWidth;
    }
    const inner = new Set(path).add(id);
    placed.set(id, { id, x: 0, y, depth });
    let cursor = left;
    for (const kid of kids) cursor += place(kid, cursor, depth + 1, inner) + siblingGap;
    let width = cursor - siblingGap - left;
    if (width < nodeWidth) {
      // a single narrow child under a parent: centre the child block under the parent's box
      const shift = (nodeWidth - width) / 2;
      shiftSubtrees(kids, shift);
      width = nodeWidth;
    }
    const first = placed.get(kids[0] as string);
    const last = placed.get(kids[kids.length - 1] as string);
    placed.set(id, { id, x: ((first?.x ?? left) + (last?.x ?? left)) / 2, y, depth });
    return width;
  };

  const shiftSubtrees = (ids: string[], dx: number) => {
    const stack = [...ids];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      const p = placed.get(id);
      if (p) placed.set(id, { ...p, x: p.x + dx });
      for (const kid of children.get(id) ?? []) if (placed.has(kid)) stack.push(kid);
    }
  };

  let cursor = 0;
  for (const root of roots) cursor += place(root, cursor, 0, new Set()) + siblingGap * 2;
  // whatever is left sits in a reports-to loop with no way in from a root: lay out from its first member
  for (const node of nodes) {
    if (!placed.has(node.id)) cursor += place(node.id, cursor, 0, new Set()) + siblingGap * 2;
  }

  return nodes.map((n) => {
    const p = placed.get(n.id) as Placed;
    return { ...p, x: p.x - nodeWidth / 2 };
  });
}
