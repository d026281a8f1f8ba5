import { describe, expect, it } from 'vitest';
import { layoutTree } from './tidy-tree';

const options = { nodeWidth: 100, nodeHeight: 50, siblingGap: 20, levelGap: 30 };
const at = (result: ReturnType<typeof layoutTree>, id: string) => result.find((p) => p.id === id);

describe('layoutTree', () => {
  it('centres a parent over its children, one level per depth', () => {
    const result = layoutTree(
      [
        { id: 'ceo', parentId: null },
        { id: 'cfo', parentId: 'ceo' },
        { id: 'cto', parentId: 'ceo' },
      ],
      options,
    );
    // children at x = 0 and 120 (100 wide + 20 gap); parent centred: (0 + 120) / 2
    expect(at(result, 'cfo')).toMatchObject({ x: 0, y: 80, depth: 1 });
    expect(at(result, 'cto')).toMatchObject({ x: 120, y: 80, depth: 1 });
    expect(at(result, 'ceo')).toMatchObject({ x: 60, y: 0, depth: 0 });
  });

  it('keeps subtrees apart: no two boxes on a level overlap', () => {
    const nodes = [
      { id: 'a', parentId: null },
      { id: 'b', parentId: 'a' },
      { id: 'c', parentId: 'a' },
      { id: 'b1', parentId: 'b' },
      { id: 'b2', parentId: 'b' },
      { id: 'b3', parentId: 'b' },
      { id: 'c1', parentId: 'c' },
    ];
    const result = layoutTree(nodes, options);
    for (const p of result) {
      for (const q of result) {
        if (p.id !== q.id && p.y === q.y) expect(Math.abs(p.x - q.x)).toBeGreaterThanOrEqual(100 + 20);
      }
    }
    // b1..b3 at 0, 120, 240 → b at 120; c1 at 360 → c at 360; a between b and c
    expect(at(result, 'b')?.x).toBe(120);
    expect(at(result, 'c')?.x).toBe(360);
    expect(at(result, 'a')?.x).toBe(240);
  });

  it('turns people whose manager is missing, or who sit in a reports-to loop, into roots', () => {
    const result = layoutTree(
      [
        { id: 'x', parentId: 'gone' },
        { id: 'p', parentId: 'q' },
        { id: 'q', parentId: 'p' },
        { id: 'self', parentId: 'self' },
      ],
      options,
    );
    expect(result).toHaveLength(4);
    expect(at(result, 'x')?.depth).toBe(0);
    expect(at(result, 'self')?.depth).toBe(0);
    // the loop is entered once: one of the pair is laid out under the other
    expect([at(result, 'p')?.depth, at(result, 'q')?.depth].sort()).toEqual([0, 1]);
    const xs = result.filter((p) => p.depth === 0).map((p) => p.x);
    expect(new Set(xs).size).toBe(xs.length);
  });
});
