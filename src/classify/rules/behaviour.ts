// Phrases and parameter shapes that refine what a call does, beyond its verbs: multi-operation tools
// that can delete, arbitrary code or SQL, read-only limits, irreversibility, overwriting, money.
import type { Rule } from '../types';
import { inflected } from './words';

/**
 * An operation value that is one of `verbs`, alone or followed by its object: `delete`, `DELETE`,
 * `delete_file`, `delete-file`, `deleteApp`, `DeleteApp`. A verb followed by lower-case letters is
 * another word (`deleted`, `settings`), so a state such as `deleted` is not an operation.
 */
function enumOperation(verbs: readonly string[]): RegExp {
  const forms = verbs.flatMap((verb) => [verb, verb.toUpperCase(), verb.charAt(0).toUpperCase() + verb.slice(1)]);
  return new RegExp(`^(?:${forms.join('|')})(?:[_-]\\w+|[A-Z]\\w*)?$`);
}

export const behaviourRules: readonly Rule[] = [
  {
    id: 'description.operations.delete',
    match: { kind: 'phrase', anchors: ['delete', 'deletes', 'deleting', 'remove', 'removes', 'removing', 'destroy', 'destroys', 'destroying'], pattern: /(?:,|\/|\bor|\band)\s*(?:delet|remov|destroy)(?:e|es|ing)\b|\b(?:delete|remove)\s*(?:,|\/|\bor\b)\s*(?:\w+\s*(?:,|\/|\bor\b)\s*)*(?:add|create|update|edit|move|rename)\b/i },
    concludes: 'category:Destructive',
    also: ['qualifier:overwrite'],
    weight: 2,
    explanation: 'The description lists deleting among the operations the tool performs.',
    hints: { destructive: true },
    objectDecides: true,
  },
  {
    id: 'parameter.operation.delete',
    match: { kind: 'parameter-enum', value: enumOperation(['delete', 'remove', 'destroy', 'drop', 'purge']) },
    concludes: 'category:Destructive',
    also: ['qualifier:overwrite'],
    weight: 2,
    explanation: 'An operation parameter accepts a delete-like value, so one call can delete.',
    hints: { destructive: true },
    objectDecides: true,
  },
  {
    id: 'parameter.operation.write',
    match: { kind: 'parameter-enum', value: enumOperation(['create', 'add', 'update', 'edit', 'set', 'write', 'insert', 'append', 'upsert', 'replace']) },
    concludes: 'category:Write',
    weight: 2,
    explanation: 'An operation parameter accepts a value that creates or changes state.',
  },
  {
    id: 'description.irreversible',
    match: { kind: 'phrase', anchors: ['permanently', 'irreversible', 'irreversibly', 'undone', 'reversed', 'recovered', 'undo', 'recover'], starts: ['permanently', 'irreversible', 'irreversibly', 'cannot', 'can', 'no'], pattern: /\b(?:permanently|irreversibl[ey]|cannot be (?:undone|reversed|recovered)|can ?not be (?:undone|reversed|recovered)|can't be (?:undone|reversed|recovered)|no way to (?:undo|recover))\b/i },
    concludes: 'qualifier:irreversible',
    weight: 2,
    explanation: 'The description says the effect cannot be undone.',
    hints: { destructive: true },
  },
  {
    id: 'description.overwrite',
    match: { kind: 'phrase', anchors: ['overwrite', 'overwrites', 'overwriting', 'overwritten', 'upsert', 'upserts', 'update', 'updates', 'replace', 'replaces', 'replacing', 'exists', 'exist'], starts: ['overwrite', 'overwrites', 'overwriting', 'overwritten', 'create', 'creates', 'upsert', 'upserts', 'replace', 'replaces', 'replacing', 'if'], pattern: /\b(?:overwrit(?:e|es|ing|ten)|creates? or updates?|create\/update|upserts?|replac(?:e|es|ing) (?:the |an |any )?(?:existing|current|entire|whole|previous)|if (?:it|one|the \w+) (?:already )?exists?,? (?:it )?(?:is|will be) (?:updated|replaced|overwritten))\b/i },
    concludes: 'qualifier:overwrite',
    weight: 2,
    explanation: 'The description says the tool replaces or overwrites existing state.',
    hints: { destructive: true },
  },
  {
    id: 'description.read-only',
    match: { kind: 'phrase', anchors: ['only', 'modify', 'change', 'alter', 'write', 'modifying', 'changing', 'making', 'changes', 'modifications', 'destructive'], starts: ['read', 'only', 'select', 'does', 'will', 'without', 'no', 'non'], pattern: /\b(?:read[- ]only|only (?:select|read)|select (?:queries|statements) only|(?:does|will) not (?:modify|change|alter|write)|without (?:modifying|changing|making (?:any )?changes)|no (?:changes|modifications) (?:are|will be) made|non-destructive)\b/i },
    concludes: 'qualifier:read-only',
    weight: 2,
    explanation: 'The description limits the tool to reading.',
  },
  {
    id: 'description.query-language',
    match: { kind: 'phrase', anchors: ['promql', 'logql', 'kql', 'kusto', 'insights', 'lucene', 'jql', 'sparql', 'graphql', 'search', 'opensearch', 'elasticsearch', 'traceql', 'soql', 'sosl'], starts: ['promql', 'logql', 'traceql', 'kql', 'soql', 'sosl', 'kusto', 'logs', 'lucene', 'jql', 'sparql', 'graphql', 'opensearch', 'elasticsearch', 'search'], pattern: /\b(?:promql|logql|traceql|kql|soql|sosl|kusto quer(?:y|ies)|logs insights|lucene|jql|sparql|graphql quer(?:y|ies)|(?:open|elastic)search quer(?:y|ies)|search quer(?:y|ies))\b/i },
    concludes: 'qualifier:read-only',
    weight: 2,
    explanation: 'The tool runs queries in a language that reads and cannot change data (PromQL, Logs Insights, SOQL, search queries).',
  },
  {
    id: 'description.ui-interaction',
    match: { kind: 'phrase', anchors: ['select', 'selects', 'selecting', 'open', 'opens', 'opening'], starts: ['select', 'selects', 'selecting', 'open', 'opens', 'opening'], pattern: /\bselect(?:s|ing)? (?:an? |the |one or more )?(?:options?|values?|items?) (?:in|from) (?:an? |the )?(?:dropdown|drop-down|combobox|combo box|select|listbox|list box)\b|\bopen(?:s|ing)? (?:an? |the )?new (?:browser )?(?:tab|window|page)\b|\bopen(?:s|ing)? (?:an? |the )?(?:url|link|web ?page|website|[\w-]+ form)\b[^.\n]{0,30}? in (?:an? |the )?(?:new )?(?:browser|tab)\b/i },
    concludes: 'category:Write',
    weight: 2,
    explanation: 'The description says the tool acts in a live user interface (picks an option, opens a tab or a page in a browser), where one action can submit or change anything the page offers.',
    hints: { destructive: true, idempotent: false },
  },
  {
    id: 'description.returns-guidance',
    match: { kind: 'phrase', anchors: ['documentation', 'guidance', 'guidelines', 'instructions', 'practices'], starts: ['provide', 'provides', 'providing', 'return', 'returns', 'offer', 'offers', 'offering', 'give', 'gives'], pattern: /\b(?:provides?|providing|returns?|offers?|offering|gives?)\s+(?:[\w-]+\s+){0,5}?(?:documentation|guidance|guidelines|instructions|best practices)\b/i },
    concludes: 'qualifier:advice',
    weight: 2,
    explanation: 'The description says the tool returns guidance or documentation, so it advises on an action rather than performing it.',
  },
  {
    id: 'name.noun.guidance',
    match: { kind: 'name-token', last: true, tokens: ['help', 'guide', 'guidance', 'docs', 'documentation', 'instructions', 'howto', 'tutorial', 'examples', 'practices', 'recommendation', 'recommendations'] },
    concludes: 'qualifier:read-only',
    weight: 1,
    explanation: 'The name ends in help or guidance, so the tool returns advice about an action rather than performing it.',
  },
  {
    id: 'description.executes-code',
    match: { kind: 'phrase', anchors: ['execute', 'executes', 'executing', 'run', 'runs', 'running', 'evaluate', 'evaluates', 'evaluating', 'eval', 'invoke', 'invokes', 'invoking', 'trigger', 'triggers', 'triggering', 'start', 'starts', 'starting'], starts: [...inflected(['execut', 'evaluat'], ['e', 'es', 'ing']), 'eval', ...inflected(['run'], ['s', 'ning']), ...inflected(['invok'], ['e', 'es', 'ing']), ...inflected(['trigger', 'start'], ['s', 'ing'])], pattern: /(?<!\b(?:whether|if)\b[^.,;:]{0,40})(?:\b(?:execut(?:e|es|ing)|run(?:s|ning)?|evaluat(?:e|es|ing)|eval)\s+(?:an? |the |any |arbitrary |custom |raw |given |provided |user[- ]provided )*(?:shell |bash |terminal |system |python |javascript |js |node\.?js |powershell |sql |cypher |graphql )?(?:commands?|scripts?|code|snippets?|statements?|sql|shell|programs?|expressions?|javascript)\b|\b(?:invok(?:e|es|ing)|trigger(?:s|ing)?|(?<!\b(?:all|the|currently|still|are|is|were|was)\s)run(?:s|ning)?|start(?:s|ing)?)\s+(?:an? |the |any )?(?:\w+ )?(?:lambda|functions?|workflows?|pipelines?|jobs?|builds?|deployments?|actions? runs?|runbooks?)\b|\bstart(?:s|ing)? (?:an? |the )?(?:new )?(?:terminal |shell |background |child )?process\b)/i },
    concludes: 'category:Execute',
    also: ['label:code-execution'],
    weight: 2,
    // Not in a "whether"/"if" clause ("whether pushes trigger a deployment" describes a setting), nor "running" as an adjective ("all running builds").
    explanation: 'The description says the tool runs code, commands or statements given to it.',
    hints: { destructive: true, idempotent: false },
  },
  {
    id: 'parameter.code',
    match: { kind: 'parameter', name: /^(?:command|cmd|script|code|shell_command|bash_command|source_code|js_code|python_code|expression|function_body|statement|sql_statement)$/ },
    concludes: 'category:Execute',
    also: ['label:code-execution'],
    weight: 1,
    explanation: 'A parameter carries code or a command to run.',
    hints: { destructive: true, idempotent: false },
  },
  {
    id: 'parameter.sql',
    match: { kind: 'parameter', name: /^(?:sql|sql_query|query|statement)$/, description: /\b(?:sql|select|insert|update|delete|statement|cypher)\b/i },
    concludes: 'category:Execute',
    also: ['label:code-execution'],
    weight: 1,
    explanation: 'A parameter carries a SQL statement, which can do whatever the database allows unless limited.',
    hints: { destructive: true, idempotent: false },
  },
  {
    id: 'parameter.confirm',
    match: { kind: 'parameter', name: /^(?:confirm|confirmation|confirmed|force|i_am_sure|are_you_sure|overwrite|allow_overwrite|force_delete)$/ },
    concludes: 'qualifier:overwrite',
    weight: 1,
    explanation: 'A confirm, force or overwrite parameter guards an operation its author considers dangerous.',
  },
  {
    id: 'parameter.confirm.changes-state',
    match: { kind: 'parameter', name: /^(?:confirm|confirmation|confirmed|force|i_am_sure|are_you_sure|overwrite|allow_overwrite|force_delete)$/ },
    concludes: 'category:Write',
    weight: 2,
    explanation: 'A confirm or force parameter means a call changes something its author wants confirmed; reading needs no confirmation.',
  },
  {
    id: 'parameter.cloud-control-plane',
    match: { kind: 'parameter', name: /^(?:resource_group|resource_group_name|subscription|subscription_id)$/ },
    concludes: 'qualifier:overwrite',
    weight: 1,
    explanation: 'The tool changes resources on a cloud control plane (it takes a resource group or subscription), where a create is a create-or-replace of the named resource.',
  },
  {
    id: 'description.noun.read',
    match: { kind: 'phrase', anchors: ['data', 'information', 'info', 'details', 'metadata', 'statistics', 'stats', 'overview', 'summary', 'documentation', 'list'], pattern: /^[^.]{0,80}\b(?:data|information|info|details|metadata|statistics|stats|overview|summary|documentation|list of)\b/i },
    concludes: 'category:Read',
    weight: 1,
    explanation: 'The description names information the tool provides, and no action.',
  },
  {
    id: 'name.money-noun',
    match: { kind: 'name-token', tokens: ['payment', 'payments', 'refund', 'refunds', 'payout', 'payouts', 'charge', 'purchase', 'transaction', 'tx', 'order', 'orders', 'invoice', 'trade', 'swap', 'funds', 'money', 'wire', 'remittance'], notAfterModifier: true },
    concludes: 'category:Financial',
    weight: 1,
    explanation: 'The name acts on payments, charges, transfers, trades or orders.',
  },
  {
    id: 'description.moves-money',
    match: { kind: 'phrase', anchors: ['send', 'sends', 'sending', 'transfer', 'transfers', 'transferring', 'move', 'moves', 'moving', 'withdraw', 'withdraws', 'withdrawing', 'deposit', 'deposits', 'depositing', 'pay', 'pays', 'paying', 'place', 'places', 'placing', 'submit', 'submits', 'submitting', 'execute', 'executes', 'executing', 'create', 'creates', 'creating'], starts: inflected(['send', 'transfer', 'move', 'withdraw', 'deposit', 'pay', 'place', 'submit', 'execute', 'create'], ['s', 'ing']), pattern: /\b(?:send|transfer|move|withdraw|deposit|pay)(?:s|ing)? (?:\w+ ){0,3}(?:money|funds|payments?|tokens|crypto|eth|btc|usdc|sol|lamports|satoshis)\b|\b(?:place|submit|execute|create)(?:s|ing)? (?:a |an )?(?:market |limit |buy |sell )?(?:order|trade|payment|charge|refund|payout|invoice|transaction)s?\b/i },
    concludes: 'category:Financial',
    weight: 2,
    explanation: 'The description says the tool moves money, places an order or creates a charge.',
    hints: { destructive: true, idempotent: false },
  },
];
