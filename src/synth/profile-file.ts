// Where the committed profile lives, and how it is read and written (sorted keys, so a profile
// regenerated from the same data/servers is byte-identical and a test can compare it).
// Committed rather than computed at each run: synth then reads one 140 KB file instead of 14,000
// records (it runs on a fresh clone, or with CATALOG_DATA_DIR pointing at another folder), a seed's
// output stays the same while data/ grows, and the test says when the profile is stale.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compareCodePoints, sortKeysDeep } from '../lib/canonical-json';
import type { Profile } from './profile';

export const profileFile = path.join(import.meta.dirname, 'profile.json');

export function readProfile(file = profileFile): Profile {
  return JSON.parse(readFileSync(file, 'utf8')) as Profile;
}

/** Sorted keys, one top-level field a line: small, and a regenerated profile diffs by field. */
export function profileJson(profile: Profile): string {
  const fields = Object.entries(profile).sort((a, b) => compareCodePoints(a[0], b[0]));
  return `{\n${fields.map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(sortKeysDeep(value))}`).join(',\n')}\n}\n`;
}
