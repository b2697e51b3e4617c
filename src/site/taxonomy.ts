// What each category, risk class and capability label means, in the words every page uses
// (docs/taxonomy.md is the long form). One source, so the FAQ, badges and listings never disagree.
import type { CapabilityLabel, Category, RiskClass } from '../schema';

export const CATEGORIES: readonly Category[] = ['Read', 'Write', 'Execute', 'Destructive', 'Financial', 'Other'];
export const RISKS: readonly RiskClass[] = ['Low', 'Medium', 'High', 'Critical'];
export const LABELS: readonly CapabilityLabel[] = ['private-data', 'untrusted-content', 'outward-channel', 'destructive', 'code-execution', 'credentials'];

export const CATEGORY_MEANING: Record<Category, string> = {
  Read: 'only retrieves, searches, lists, inspects or computes; nothing outside the caller changes',
  Write: 'creates or changes state, or sends something out, in a way that can be undone or only adds',
  Execute: 'runs code, commands, queries or jobs whose effect the tool itself does not fix',
  Destructive: 'deletes, overwrites, revokes or terminates, irreversibly or at scale',
  Financial: 'moves money or creates a financial obligation',
  Other: 'cannot be told from what the tool says about itself',
};

export const RISK_MEANING: Record<RiskClass, string> = {
  Low: 'a call cannot change anything outside the caller',
  Medium: 'a call changes state in a way that can be undone, or its effect is unclear',
  High: 'a call can run arbitrary code or queries, or change permissions',
  Critical: 'a call can destroy data or move money, and cannot be taken back',
};

export const LABEL_TITLE: Record<CapabilityLabel, string> = {
  'private-data': 'Reads private data',
  'untrusted-content': 'Ingests untrusted content',
  'outward-channel': 'Can send data out',
  destructive: 'Destructive',
  'code-execution': 'Runs code',
  credentials: 'Touches credentials',
};

export const LABEL_MEANING: Record<CapabilityLabel, string> = {
  'private-data': "returns data that is not public: files, mail, messages, records of the user's accounts",
  'untrusted-content': 'brings in text that strangers wrote (web pages, emails, issues), which can carry instructions for the agent',
  'outward-channel': 'can send data somewhere others can read it (email, HTTP requests, messages, public posts)',
  destructive: 'can delete or overwrite things that cannot be restored',
  'code-execution': 'runs code or commands',
  credentials: 'reads, creates or handles secrets, tokens or keys',
};

export function categoryUrl(category: Category): string {
  return `/categories/${category.toLowerCase()}/`;
}

export function riskUrl(risk: RiskClass): string {
  return `/risk/${risk.toLowerCase()}/`;
}

export function labelUrl(label: CapabilityLabel): string {
  return `/labels/${label}/`;
}
