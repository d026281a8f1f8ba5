import { describe, expect, it } from 'vitest';
import { nelderMead } from './optimise.js';

describe('nelderMead', () => {
  it('finds the minimum of a badly scaled quadratic bowl in four dimensions', () => {
    const centre = [1, -2, 3, 0.5];
    const scales = [1, 100, 0.01, 10];
    const f = (x: readonly number[]) =>
      x.reduce((s, v, i) => s + (scales[i] as number) * (v - (centre[i] as number)) ** 2, 0);
    const result = nelderMead(f, [0, 0, 0, 0]);
    expect(result.converged).toBe(true);
    for (const [i, v] of result.x.entries()) expect(v).toBeCloseTo(centre[i] as number, 3);
  });

  it('follows the Rosenbrock valley to (1, 1)', () => {
    const rosenbrock = ([x, y]: readonly number[]) =>
      100 * ((y as number) - (x as number) ** 2) ** 2 + (1 - (x as number)) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(1, 4);
  });

  it('treats points the objective cannot evaluate as +∞', () => {
    // undefined for x₀ ≤ 0 (like a log-likelihood outside its domain), minimum at (1, 0)
    const f = ([a, b]: readonly number[]) =>
      (a as number) > 0 ? ((a as number) - 1) ** 2 + (b as number) ** 2 : Number.NaN;
    const result = nelderMead(f, [3, 3], { initialStep: 4 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(0, 4);
  });

  it('reports when it runs out of iterations', () => {
    const result = nelderMead(([x]) => ((x as number) - 1e6) ** 2, [0], { maxIterations: 10 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(10);
  });
});
