/** The `params` of PROMO requests: a list of {key: value} objects (or one object), merged. */
export function paramsOf(raw: unknown): Record<string, unknown> {
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? [raw] : [];
  return Object.assign({}, ...list.filter((p) => p && typeof p === 'object' && !Array.isArray(p)));
}

/** "true"/"false" (any case), true/false; anything else is the default. */
export function flag(value: unknown, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (value.trim().toLowerCase() === 'true') return true;
    if (value.trim().toLowerCase() === 'false') return false;
  }
  return fallback;
}
