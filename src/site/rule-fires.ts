// Where each rule fires in the catalog: how many tools' verdicts cite it, on how many servers, and a
// few of those tools as examples for its page (/rules/<id>/). One pass over the dataset per build,
// made only when a rule page asks.
import type { Classification, Server } from '../schema';
import { defaultDataDir, iterateServers } from '../store/dataset';
import { compareCodePoints } from '../lib/canonical-json';
import { toolRef, type ToolRef } from './catalog';
import { verdictsFor } from './verdicts';
import { listingKey } from './cache-keys';

/** How many real tools a rule page lists. */
export const RULE_EXAMPLES_SHOWN = 8;

export interface RuleFires {
  tools: number;
  servers: number;
  /** Up to RULE_EXAMPLES_SHOWN tools of different names, the same ones at every build of the same data (see ruleFiresOver). */
  examples: ToolRef[];
}

/** Every rule id a verdict cites: its evidence, its findings and the evidence of its inferred hints. */
export function ruleIdsOf(verdict: Pick<Classification, 'evidence' | 'findings' | 'inferredAnnotations'>): Set<string> {
  const ids = new Set<string>();
  for (const item of verdict.evidence) ids.add(item.rule);
  for (const finding of verdict.findings) ids.add(finding.rule);
  for (const hint of Object.values(verdict.inferredAnnotations)) for (const item of hint.evidence) ids.add(item.rule);
  return ids;
}

interface Candidate {
  key: string;
  ref: ToolRef;
}

/**
 * Fire counts over servers. The examples are the tools with the smallest content hashes (then server
 * ids), one per tool name: a choice spread over the whole catalog, not its first servers by name, that
 * moves only when a shown tool changes or a tool with a smaller hash arrives.
 */
export function ruleFiresOver(servers: Iterable<Server>, verdictsOf: (server: Server) => readonly Classification[] = (server) => verdictsFor(server).tools): Map<string, RuleFires> {
  const fires = new Map<string, RuleFires & { candidates: Candidate[]; lastServer: string }>();
  for (const server of servers) {
    const verdicts = verdictsOf(server);
    server.tools.forEach((tool, index) => {
      const verdict = verdicts[index] as Classification;
      const key = `${tool.hash}\u0000${server.id}`;
      for (const id of ruleIdsOf(verdict)) {
        let entry = fires.get(id);
        if (!entry) fires.set(id, (entry = { tools: 0, servers: 0, examples: [], candidates: [], lastServer: '' }));
        entry.tools += 1;
        if (entry.lastServer !== server.id) {
          entry.servers += 1;
          entry.lastServer = server.id;
        }
        offer(entry.candidates, key, () => toolRef(server, tool, verdict), tool.definition.name);
      }
    });
  }
  const out = new Map<string, RuleFires>();
  for (const [id, entry] of [...fires].sort(([a], [b]) => compareCodePoints(a, b))) {
    out.set(id, { tools: entry.tools, servers: entry.servers, examples: entry.candidates.map((candidate) => candidate.ref) });
  }
  return out;
}

/** Keeps the RULE_EXAMPLES_SHOWN smallest keys of distinct tool names, sorted; the ref is made only when kept. */
function offer(candidates: Candidate[], key: string, ref: () => ToolRef, name: string): void {
  const same = candidates.findIndex((candidate) => candidate.ref.tool === name);
  if (same >= 0) {
    if (compareCodePoints(key, (candidates[same] as Candidate).key) >= 0) return;
    candidates.splice(same, 1);
  } else if (candidates.length >= RULE_EXAMPLES_SHOWN) {
    if (compareCodePoints(key, (candidates.at(-1) as Candidate).key) >= 0) return;
    candidates.pop();
  }
  const at = candidates.findIndex((candidate) => compareCodePoints(key, candidate.key) < 0);
  candidates.splice(at < 0 ? candidates.length : at, 0, { key, ref: ref() });
}

let cached: Map<string, RuleFires> | undefined;

/** Fire counts over this build's dataset (CATALOG_DATA_DIR), computed once. */
export function ruleFires(): ReadonlyMap<string, RuleFires> {
  cached ??= ruleFiresOver(iterateServers(defaultDataDir()));
  return cached;
}

const NONE: RuleFires = { tools: 0, servers: 0, examples: [] };

export function firesOf(id: string): RuleFires {
  return ruleFires().get(id) ?? NONE;
}

/** A rule page shows its rule's metadata (code, which Astro tracks) and its fires: the key is a hash of those. */
export function rulePageCacheKey(id: string): string {
  const fires = firesOf(id);
  return listingKey('rule', [id, fires.tools, fires.servers, fires.examples]);
}
