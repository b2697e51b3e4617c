// The hosted JSON policy and Claude Code permission schemas: what each format documents, and the
// defects competitors ship (a `window: 60` where the format says "minute").
import { describe, expect, it } from 'vitest';
import { ClaudeSettings, HostedPolicy } from '../../src/schema/policy';

const limit = { counter: 'c', window: 'minute', max: 30, scope: 'grant' };

describe('hosted JSON policy schema', () => {
  it('accepts the documented shape', () => {
    const policy = {
      version: '1',
      default: 'deny',
      hide: ['delete_account'],
      all_tools: { limits: [{ ...limit, counter: 'all' }] },
      tools: { list_customers: {}, create_charge: { deny_if: [{ path: 'args.amount', op: 'gt', value: 10000 }], limits: [limit] } },
    };
    expect(HostedPolicy.safeParse(policy).success).toBe(true);
  });

  it.each([
    ['a version other than "1"', { version: '2', default: 'deny', tools: {} }],
    ['no default (the format requires it)', { version: '1', tools: {} }],
    ['a window given in seconds (window: 60)', { version: '1', default: 'deny', tools: { t: { limits: [{ ...limit, window: 60 }] } } }],
    ['a limit with max 0', { version: '1', default: 'deny', tools: { t: { limits: [{ ...limit, max: 0 }] } } }],
    ['a limit scoped other than "grant"', { version: '1', default: 'deny', tools: { t: { limits: [{ ...limit, scope: 'user' }] } } }],
    ['a duplicate hide entry', { version: '1', default: 'deny', hide: ['a', 'a'], tools: {} }],
    ['an empty hide entry', { version: '1', default: 'deny', hide: [''], tools: {} }],
    ['two limits sharing one counter', { version: '1', default: 'deny', tools: { a: { limits: [limit] }, b: { limits: [limit] } } }],
    ['a deny_if on something other than an argument', { version: '1', default: 'deny', tools: { t: { deny_if: [{ path: 'state.x', op: 'gt', value: 1 }] } } }],
    ['a "require approval" field the format does not have', { version: '1', default: 'deny', tools: { t: { require_approval: true } } }],
  ])('rejects %s', (_what, policy) => {
    expect(HostedPolicy.safeParse(policy).success).toBe(false);
  });

  it('validates a tool named __proto__ instead of dropping it', () => {
    const policy = JSON.parse('{"version":"1","default":"deny","tools":{"__proto__":{"limits":[{"counter":"c","window":"60","max":1,"scope":"grant"}]}}}');
    expect(HostedPolicy.safeParse(policy).success).toBe(false);
  });
});

describe('Claude Code settings schema', () => {
  it('accepts one rule per tool across allow, ask and deny', () => {
    const settings = { permissions: { allow: ['mcp__github__get_issue'], ask: ['mcp__github__run-workflow'], deny: ['mcp__git-hub__delete_repo'] } };
    expect(ClaudeSettings.safeParse(settings).success).toBe(true);
  });

  it.each([
    ['a wildcard in the server name', 'mcp__*__get_issue'],
    ['a wildcard in the tool name (the catalog never grants by pattern)', 'mcp__github__get_*'],
    ['a server-wide rule', 'mcp__github'],
    ['characters Claude Code replaces', 'mcp__github__get.issue'],
    ['a space', 'mcp__github__get issue'],
    ['an empty server name', 'mcp____get_issue'],
    ['an empty tool name', 'mcp__github__'],
    ['a non-MCP rule', 'Bash(rm -rf /)'],
  ])('rejects %s', (_what, rule) => {
    expect(ClaudeSettings.safeParse({ permissions: { deny: [rule] } }).success).toBe(false);
  });

  it('rejects a rule listed twice: deny beats ask beats allow, so two lists hide which one applies', () => {
    expect(ClaudeSettings.safeParse({ permissions: { allow: ['mcp__s__t'], deny: ['mcp__s__t'] } }).success).toBe(false);
    expect(ClaudeSettings.safeParse({ permissions: { ask: ['mcp__s__t', 'mcp__s__t'] } }).success).toBe(false);
  });
});
