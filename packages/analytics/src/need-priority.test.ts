import { describe, expect, it } from 'vitest';
import { needPriority } from './index.js';

describe('needPriority', () => {
  it.each([
    [{ importance: 5, urgency: 4, feasibility: 3 }, 60, 'P1'],
    [{ importance: 3, urgency: 3, feasibility: 3 }, 27, 'P2'],
    [{ importance: 2, urgency: 3, feasibility: 4 }, 24, 'P3'],
    [{ importance: 1, urgency: 1, feasibility: 1 }, 1, 'P3'],
    [{ importance: 5, urgency: 5, feasibility: 5 }, 125, 'P1'],
  ])('%o → %d %s', (ratings, priority, band) => {
    expect(needPriority(ratings)).toEqual({ priority, band });
  });
  it('rejects ratings outside 1–5', () => {
    expect(() => needPriority({ importance: 0, urgency: 3, feasibility: 3 })).toThrow(/importance/);
    expect(() => needPriority({ importance: 3, urgency: 6, feasibility: 3 })).toThrow(/urgency/);
  });
});
