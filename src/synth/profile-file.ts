// Where the committed profile lives, and how it is read and written (canonical JSON, so a
// regenerated profile from the same data/servers is byte-identical and a test can compare it).
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
