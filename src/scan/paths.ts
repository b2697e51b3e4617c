// Cross-server exfiltration paths: the catalog's triangle (src/classify/classify-server.ts: private
// data + untrusted content + an outward channel) completed only by two or three servers together.
// A single server's page already shows its own triangle; a path is what no single page can show.
import { compareCodePoints } from '../lib/canonical-json';
import type { CrossServerPath, Leg, PathLeg } from './types';

export const LEGS: readonly Leg[] = ['privateData', 'untrustedContent', 'outwardChannel'];
/** The label of each leg, as the classifier puts it on tools. */
export const LEG_LABEL = { privateData: 'private-data', untrustedContent: 'untrusted-content', outwardChannel: 'outward-channel' } as const;
/** Paths listed at most (pathCount says how many there are). */
export const PATH_LIMIT = 25;
/** Tools named per server and leg at most (toolCount says how many there are). */
export const LEG_TOOL_LIMIT = 5;

/** One server of the setup: its config key and, per leg, its tools with that label (sorted). */
export interface Participant {
  key: string;
  legs: Record<Leg, string[]>;
}

const FULL = 0b111;
const maskOf = (participant: Participant) => LEGS.reduce((mask, leg, bit) => (participant.legs[leg].length > 0 ? mask | (1 << bit) : mask), 0);

function legOf(leg: Leg, members: readonly Participant[]): PathLeg {
  return {
    leg,
    servers: members
      .filter((member) => member.legs[leg].length > 0)
      .map((member) => ({ key: member.key, tools: member.legs[leg].slice(0, LEG_TOOL_LIMIT), toolCount: member.legs[leg].length })),
  };
}

function pathOf(members: Participant[]): CrossServerPath {
  const sorted = [...members].sort((a, b) => compareCodePoints(a.key, b.key));
  return { servers: sorted.map((member) => member.key), legs: [legOf('privateData', sorted), legOf('untrustedContent', sorted), legOf('outwardChannel', sorted)] };
}

/**
 * Every minimal set of two or three servers that supplies all three legs while none of its servers
 * does alone (minimal: leaving any server out breaks it). Pairs first, then triples, each in config
 * order; at most PATH_LIMIT are returned, and `count` says how many there are.
 */
export function crossServerPaths(participants: readonly Participant[]): { paths: CrossServerPath[]; count: number } {
  const masks = participants.map(maskOf);
  const open = participants.map((_, index) => index).filter((index) => masks[index] !== 0 && masks[index] !== FULL);
  const paths: CrossServerPath[] = [];
  let count = 0;
  const found = (members: number[]) => {
    count += 1;
    if (paths.length < PATH_LIMIT) paths.push(pathOf(members.map((index) => participants[index] as Participant)));
  };
  for (let a = 0; a < open.length; a += 1) {
    for (let b = a + 1; b < open.length; b += 1) {
      if (((masks[open[a]!]! | masks[open[b]!]!) & FULL) === FULL) found([open[a]!, open[b]!]);
    }
  }
  for (let a = 0; a < open.length; a += 1) {
    for (let b = a + 1; b < open.length; b += 1) {
      const ab = masks[open[a]!]! | masks[open[b]!]!;
      if (ab === FULL) continue;
      for (let c = b + 1; c < open.length; c += 1) {
        const mc = masks[open[c]!]!;
        // Minimal: all three together cover the legs and no pair of them does.
        if ((ab | mc) === FULL && (masks[open[a]!]! | mc) !== FULL && (masks[open[b]!]! | mc) !== FULL) found([open[a]!, open[b]!, open[c]!]);
      }
    }
  }
  return { paths, count };
}
