// The preset: every rule the classifier runs, in one list (the verb classes become name and description rules).
import type { Rule } from '../types';
import { behaviourRules } from './behaviour';
import { capabilityRules } from './capabilities';
import { computationRules } from './computation';
import { httpRules } from './http';
import { moneyRules } from './money';
import { verbClasses } from './verbs';

export { poisonRules, exfiltrationParameterAsk, exfiltrationParameterName } from './poisoning';
export { verbClasses, nounLikeVerbs } from './verbs';

const verbRules: Rule[] = verbClasses.flatMap((verbClass): Rule[] => [
  {
    id: `name.verb.${verbClass.id}`,
    match: { kind: 'name-verb', verbs: verbClass.verbs },
    concludes: verbClass.concludes,
    ...(verbClass.also ? { also: verbClass.also } : {}),
    weight: 3,
    explanation: `The name's verb ${verbClass.explanation}.`,
    ...(verbClass.hints ? { hints: verbClass.hints } : {}),
  },
  {
    id: `description.verb.${verbClass.id}`,
    match: { kind: 'lead-verb', verbs: verbClass.verbs },
    concludes: verbClass.concludes,
    ...(verbClass.also ? { also: verbClass.also } : {}),
    weight: 2,
    explanation: `The description's opening verb ${verbClass.explanation}.`,
    ...(verbClass.hints ? { hints: verbClass.hints } : {}),
  },
]);

const nameNounRules: Rule[] = [
  {
    id: 'name.noun.read',
    match: {
      kind: 'name-token',
      tokens: ['info', 'information', 'status', 'details', 'stats', 'statistics', 'health', 'version', 'about', 'help', 'docs', 'documentation', 'analysis', 'lookup', 'weather', 'price', 'prices', 'quote', 'time', 'date', 'summary', 'overview', 'history', 'metrics', 'usage', 'capabilities', 'schema', 'whoami', 'me', 'forecast', 'search', 'query', 'report', 'stat', 'definition', 'meaning', 'suggestions', 'recommendations', 'results', 'logs', 'list'],
    },
    concludes: 'category:Read',
    weight: 1,
    explanation: 'The name is a noun for information (status, details, docs, analysis), which a tool usually returns.',
  },
];

/** All category, qualifier, label and risk rules, in the order evidence is reported. */
export const rules: readonly Rule[] = [...verbRules, ...nameNounRules, ...behaviourRules, ...httpRules, ...moneyRules, ...computationRules, ...capabilityRules];
