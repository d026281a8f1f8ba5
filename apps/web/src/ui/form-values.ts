/** A form field's value as the API takes it: text trimmed, blank text and unset fields null. */
export function blankToNull<T>(value: T | undefined): T | null {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : (trimmed as T);
  }
  return value === undefined ? null : value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What a PATCH sends: the entries of `after` that differ from `before`. The keys in `partial` hold
 * objects the API patches entry by entry (the dossier), so only their changed entries go.
 */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  partial: readonly string[] = [],
): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (partial.includes(key) && value && typeof value === 'object') {
      const old = (before[key] ?? {}) as Record<string, unknown>;
      const inner = Object.fromEntries(Object.entries(value).filter(([k, v]) => !same(v, old[k])));
      if (Object.keys(inner).length > 0) changed[key] = inner;
    } else if (!same(value, before[key])) {
      changed[key] = value;
    }
  }
  return changed;
}
