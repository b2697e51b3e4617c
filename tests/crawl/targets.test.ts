// The committed target list parses, names each package once, and carries dummy values only.
import { describe, expect, it } from 'vitest';
import { loadTargets, parseTargets } from '../../src/crawl/targets';

describe('data/crawl-targets.json', () => {
  const targets = loadTargets('data/crawl-targets.json');

  it('lists the 196 packages, each once, pinned to a version', () => {
    expect(targets).toHaveLength(196);
    expect(new Set(targets.map((target) => target.package)).size).toBe(196);
    expect(targets.every((target) => target.version !== undefined)).toBe(true);
  });

  it('keeps files inside the sandbox', () => {
    expect(() => parseTargets({ targets: [{ package: 'x', files: [{ path: '../../etc/passwd', content: '' }] }] }, 'test')).toThrow(/stays inside the sandbox/);
    expect(() => parseTargets({ targets: [{ package: 'x', files: [{ path: '/etc/passwd', content: '' }] }] }, 'test')).toThrow(/stays inside the sandbox/);
  });

  it('rejects a package listed twice', () => {
    expect(() => parseTargets({ targets: [{ package: 'x' }, { package: 'x' }] }, 'test')).toThrow(/listed twice/);
  });
});
