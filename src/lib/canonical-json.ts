// Deterministic JSON: object keys sorted at every depth, so regenerated data files are byte-identical
// and git diffs show only real changes. Arrays keep their order (callers sort their own lists).

export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareCodePoints)) {
      const child = (value as Record<string, unknown>)[key];
      // A key `__proto__` (a stranger's parameter name) is defined, not assigned: assignment would set
      // the object's prototype and drop the key from the file.
      if (child === undefined) continue;
      if (key === '__proto__') Object.defineProperty(sorted, key, { value: sortKeysDeep(child), enumerable: true, writable: true, configurable: true });
      else sorted[key] = sortKeysDeep(child);
    }
    return sorted;
  }
  return value;
}

/** Locale-independent string order, the same on every machine. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Pretty JSON for files people diff; one trailing newline. */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeysDeep(value), null, 2)}\n`;
}

/** Compact JSON for hashing. */
export function canonicalJsonCompact(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value));
}
