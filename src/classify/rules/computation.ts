// What a call really runs: a tool named like execution may only compute (a simulation, a what-if
// analysis, a quote), and a tool named like typing may run commands (input written to a terminal or shell).
import type { Rule } from '../types';
import { inflected } from './words';

export const computationRules: readonly Rule[] = [
  {
    id: 'description.computes-only',
    match: {
      kind: 'phrase',
      anchors: ['what', 'without', 'quote', 'quotes', 'estimate', 'estimates', 'estimating', 'simulate', 'simulates', 'simulating'],
      starts: ['what', 'without', 'get', 'gets', 'getting', 'retrieve', 'retrieves', 'fetch', 'fetches', 'return', 'returns', 'request', 'requests', 'estimate', 'estimates', 'estimating', 'simulate', 'simulates', 'simulating'],
      pattern: /\bwhat-if\b|\bwithout (?:actually )?(?:executing|sending|placing|broadcasting|submitting|performing|committing|applying|spending) (?:(?:it|them)(?=[.,;)]|$)|(?:an? |the |any )?(?:real |actual )?(?:transactions?|orders?|trades?|swaps?|changes|funds|money))|\b(?:get|gets|getting|retrieves?|fetch(?:es)?|returns?|requests?) (?:an? |the )?(?:\w+ )?quotes? for\b|\bestimat(?:e|es|ing) (?:the )?(?:\w+ )?(?:cost|fees?|gas|price)s? (?:of|for)\b|^simulat(?:e|es|ing)\b(?! (?:\w+ ){0,3}?(?:press|presses|pressing|taps?|tapping|clicks?|clicking|keys?|keyevents?|keystrokes?|touch(?:es)?|swipes?|gestures?|typing|input|buttons?))/i,
    },
    concludes: 'qualifier:computes',
    weight: 2,
    explanation: 'The description says the tool only works out what an action would do (a simulation, a what-if analysis, a quote or an estimate) without performing it.',
  },
  {
    id: 'name.noun.computation',
    match: { kind: 'name-token', last: true, tokens: ['simulation', 'simulations', 'analyzer', 'analyser', 'analysis', 'calculation', 'calculator', 'estimate', 'estimation', 'forecast'] },
    concludes: 'qualifier:read-only',
    weight: 1,
    explanation: 'The name ends in a computation (a simulation, an analysis, an estimate): what it runs works something out and changes nothing.',
  },
  {
    id: 'description.terminal-input',
    match: {
      kind: 'phrase',
      anchors: ['terminal', 'terminals', 'shell', 'shells', 'tmux', 'pane', 'repl', 'pty', 'stdin', 'telnet', 'ssh'],
      starts: [...inflected(['send', 'enter'], ['s', 'ing']), ...inflected(['typ', 'past', 'writ', 'pip'], ['e', 'es', 'ing'])],
      pattern: /\b(?:send(?:s|ing)?|enter(?:s|ing)?|(?:typ|past|writ|pip)(?:e|es|ing)) (?:(?:an?|the|some|any) )?(?:[\w-]+ ){0,3}?(?:to|into|in) (?:(?:the|an?|active|existing|running|interactive|current|open|specified|given|remote) )*(?:[\w-]+ )?(?:terminals?|shells?|tmux|panes?|repls?|pty|stdin|telnet|ssh)\b/i,
    },
    concludes: 'category:Execute',
    also: ['label:code-execution', 'qualifier:overwrite'],
    hints: { destructive: true, idempotent: false },
    weight: 2,
    explanation: 'The description says the tool writes input to a terminal or shell, which runs whatever commands the input holds.',
  },
];
