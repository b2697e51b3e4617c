// The classifier: category, risk class, evidence, capability labels and poisoning findings per tool,
// and the server-level view. Rules are data under ./rules; see docs/classifier.md.
export { CONFIDENCE, DEFAULT_RISK, classifyTool, matchRules, type ClassifyOptions } from './classify-tool';
export { classifyServer, classifyServerTools } from './classify-server';
export { tokenizeName } from './tokenize';
export { rules, poisonRules } from './rules';
export type { Rule, PoisonRule, Matcher, Conclusion } from './types';
