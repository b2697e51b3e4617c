// Tool names for the synthetic dataset: new names recombined from real name tokens in the real
// styles, reused across servers at the real rate. Reuse follows a Pitman-Yor process fitted to
// data/servers (src/synth/profile.ts), so the share of distinct names falls with scale as it does
// in the real ecosystem instead of staying at the rate of the sample it was measured on.
import type { Profile } from './profile';
import { type Random, WeightedTable } from './random';

type Style = 'snake' | 'camel' | 'pascal' | 'kebab' | 'dotted' | 'single' | 'other';

const capitalize = (token: string): string => token.charAt(0).toUpperCase() + token.slice(1);

/** Joins word tokens in one naming style; `other` is the real mixed style (`eth_getBalance`). */
export function joinName(tokens: readonly string[], style: Style): string {
  const [first = 'tool', ...rest] = tokens;
  switch (style) {
    case 'single':
      return first;
    case 'snake':
      return tokens.join('_');
    case 'kebab':
      return tokens.join('-');
    case 'dotted':
      return rest.length > 0 ? `${first}.${rest.join('_')}` : first;
    case 'camel':
      return first + rest.map(capitalize).join('');
    case 'pascal':
      return tokens.map(capitalize).join('');
    case 'other':
      return rest.length > 0 ? `${first}_${rest[0]}${rest.slice(1).map(capitalize).join('')}` : first;
  }
}

export class NameGenerator {
  private readonly styles: WeightedTable<Style>;
  private readonly lengths: WeightedTable<number>;
  private readonly firsts: WeightedTable<string>;
  private readonly others: WeightedTable<string>;
  private readonly alpha: number;
  private readonly theta: number;
  /** Every name drawn so far, once per use: a uniform pick is a pick proportional to uses. */
  private readonly uses: string[] = [];
  private readonly counts = new Map<string, number>();

  constructor(
    profile: Profile,
    private readonly random: Random,
  ) {
    this.styles = new WeightedTable(profile.nameStyles as Array<[Style, number]>);
    this.lengths = new WeightedTable(profile.nameTokens);
    this.firsts = new WeightedTable(profile.firstTokens);
    this.others = new WeightedTable(profile.otherTokens);
    this.alpha = profile.nameReuse.alpha;
    this.theta = profile.nameReuse.theta;
  }

  get distinct(): number {
    return this.counts.size;
  }

  /** A tool name not in `taken` (the server's names so far): an earlier name again, or a new one. */
  draw(taken: ReadonlySet<string>): string {
    const n = this.uses.length;
    const reuse = n > 0 && this.random.chance((n - this.alpha * this.counts.size) / (this.theta + n));
    let name: string | undefined;
    if (reuse) {
      // Pitman-Yor: an existing name with weight (uses - alpha); rejection from a pick proportional to uses.
      for (let attempt = 0; attempt < 20 && name === undefined; attempt += 1) {
        const candidate = this.random.pick(this.uses);
        const count = this.counts.get(candidate) ?? 1;
        if (!taken.has(candidate) && this.random.chance((count - this.alpha) / count)) name = candidate;
      }
    }
    name ??= this.fresh();
    this.uses.push(name);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    return name;
  }

  /** A name no server has yet: more tokens are added until it is new. */
  private fresh(): string {
    const style = this.styles.draw(this.random);
    const tokens = [this.firsts.draw(this.random)];
    const length = style === 'single' ? 1 : this.lengths.draw(this.random);
    while (tokens.length < length) tokens.push(this.others.draw(this.random));
    let name = joinName(tokens, style);
    while (this.counts.has(name) || name.length > 120) {
      if (name.length > 120) tokens.splice(1);
      tokens.push(this.others.draw(this.random));
      name = joinName(tokens, style === 'single' ? 'snake' : style);
    }
    return name;
  }
}
