// Geometry of the inline-SVG bar charts (no chart runtime): one bar per class, widths proportional.

export type Bar = { key: string; count: number; share: number; width: number; y: number };

/** Bars for `counts` in the given key order, the widest `maxWidth` units, `rowHeight` apart. */
export function barChart(keys: readonly string[], counts: Readonly<Record<string, number>>, maxWidth = 300, rowHeight = 28): Bar[] {
  const total = keys.reduce((sum, key) => sum + (counts[key] ?? 0), 0);
  const largest = Math.max(1, ...keys.map((key) => counts[key] ?? 0));
  return keys.map((key, index) => {
    const count = counts[key] ?? 0;
    return {
      key,
      count,
      share: total === 0 ? 0 : count / total,
      // A class with any tools stays visible as at least a sliver.
      width: count === 0 ? 0 : Math.max(2, Math.round((count / largest) * maxWidth)),
      y: index * rowHeight,
    };
  });
}

export function percent(share: number): string {
  const value = share * 100;
  return value === 0 ? '0%' : value < 1 ? '<1%' : `${Math.round(value)}%`;
}
