/** Need priority (DOMAIN.md, needs): importance × urgency × feasibility, each 1–5, so 1–125. */
export type NeedRatings = { importance: number; urgency: number; feasibility: number };
export type PriorityBand = 'P1' | 'P2' | 'P3';

export const P1_MIN = 60;
export const P2_MIN = 27;

export function needPriority({ importance, urgency, feasibility }: NeedRatings): {
  priority: number;
  band: PriorityBand;
} {
  for (const [name, v] of Object.entries({ importance, urgency, feasibility })) {
    if (!Number.isInteger(v) || v < 1 || v > 5)
      throw new RangeError(`${name} must be an integer from 1 to 5, got ${v}`);
  }
  const priority = importance * urgency * feasibility;
  return { priority, band: priority >= P1_MIN ? 'P1' : priority >= P2_MIN ? 'P2' : 'P3' };
}
