// The seeded randomness behind `npm run synth`: one PRNG (mulberry32) and the draws the generator
// needs, so the same seed always gives the same dataset on every machine and Node version.

export type Weighted<T> = ReadonlyArray<readonly [T, number]>;

export class Random {
  private state: number;

  constructor(seed: number) {
    // Spread small seeds (1, 2, 3...) over the state space so neighbouring seeds do not start alike.
    this.state = (Math.imul(seed >>> 0, 0x9e3779b1) ^ 0x85ebca6b) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  /** Lower-case hex digits, for commits and hash-like suffixes. */
  hex(digits: number): string {
    let text = '';
    for (let i = 0; i < digits; i += 1) text += '0123456789abcdef'[this.int(16)];
    return text;
  }
}

/**
 * Draws from a weighted list in O(log n) after an O(n) set-up: the generator draws millions of
 * tokens at 43,000 servers, so a linear scan per draw would dominate the run.
 */
export class WeightedTable<T> {
  private readonly values: T[];
  private readonly cumulative: number[];

  constructor(weighted: Weighted<T>) {
    this.values = [];
    this.cumulative = [];
    let total = 0;
    for (const [value, weight] of weighted) {
      if (weight <= 0) continue;
      total += weight;
      this.values.push(value);
      this.cumulative.push(total);
    }
    if (this.values.length === 0) throw new Error('a weighted table needs at least one positive weight');
  }

  draw(random: Random): T {
    const target = random.next() * (this.cumulative.at(-1) as number);
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return this.values[low] as T;
  }
}
