// Everything a tool page shows, gathered in one tested function so the .astro page only lays it out.
import type { Server, StoredTool } from '../schema';
import { toolSlug } from '../lib/ids';
import { adviseArguments } from '../policy/arguments';
import { toolsByName, sameNameUrl, serverUrl, toolUrl, type ToolRef } from './catalog';
import { toolFaq } from './faq';
import { annotationFindings, poisoningFindings } from './findings';
import { hintRows } from './hints';
import { parameterRows, parameterSummary } from './parameters';
import { isNamesOnly, toolOrigin } from './provenance';
import { relatedTools, serverPolicyUrl, toolSourceFacts } from './tool-context';
import { toolPolicy, toolVerdict } from './verdicts';
import { faqWithReview, reviewBlockModel } from './review-block';

export function toolPageModel(server: Server, tool: StoredTool) {
  const { definition } = tool;
  const classification = toolVerdict(server, tool);
  const policy = toolPolicy(server, tool);
  const rows = parameterRows(definition.inputSchema);
  // A names-only tool's schema is a placeholder: its parameters are unknown, which is not "no parameters".
  const parametersKnown = rows.length > 0 || !isNamesOnly(server, tool);
  const parameters = parametersKnown ? parameterSummary(rows) : 'parameters not known';
  const sameName: ToolRef[] = (toolsByName().get(definition.name) ?? []).filter((ref) => ref.server !== server.id);
  const argumentAdvice = adviseArguments(definition, { category: classification.category, labels: classification.labels, serverDisplayName: server.displayName });
  const review = reviewBlockModel(server, tool, classification);
  const annotations = Object.entries(definition.annotations ?? {}).filter(([, value]) => value !== null && value !== undefined);
  return {
    definition,
    notes: tool.notes ?? [],
    classification,
    policy,
    /** A person's review of the verdict, beside the classifier's, and which one the policy follows. */
    review,
    /** Arguments that choose what a call reaches, with constraint templates per format. */
    argumentAdvice,
    rows,
    parameters,
    parametersKnown,
    /** Why the parameters table is empty, when it is. */
    parametersNote: parametersKnown
      ? undefined
      : 'Its source publishes only the name and description of this tool, so its parameters are not known: the definition below is a placeholder, not a tool without parameters.',
    origin: toolOrigin(server),
    /** Fields of the structured result, when the tool declares an outputSchema. */
    outputRows: definition.outputSchema ? parameterRows(definition.outputSchema) : [],
    annotations,
    /** Each spec hint: the author's value beside the one inferred from the text, and whether they agree. */
    hints: hintRows(definition.annotations, classification.inferredAnnotations),
    annotationFindings: annotationFindings(classification),
    poisoningFindings: poisoningFindings(classification),
    history: server.history.filter((entry) => entry.tool === definition.name).reverse(),
    sameName,
    /** Tools of the same server on the same resource or with the same verb. */
    related: relatedTools(server, tool),
    /** Repository, commit, file and version the definition comes from. */
    sourceFacts: toolSourceFacts(server),
    sameNameUrl: sameName.length > 0 ? sameNameUrl(definition.name) : undefined,
    faq: faqWithReview(toolFaq({
      name: definition.name,
      serverName: server.displayName,
      description: definition.description,
      parameters,
      parametersKnown,
      classification,
      decision: policy.decision,
      otherServers: sameName.length,
      annotations: definition.annotations,
    }), review),
    urls: {
      server: serverUrl(server.id),
      /** The server page's whole-server policy, with the server-wide limit, which a one-tool snippet is merged into. */
      serverPolicy: serverPolicyUrl(server.id),
      self: toolUrl(server.id, definition.name),
      slug: toolSlug(definition.name),
      /** The server's data file, which holds this tool's whole definition. */
      serverJson: `/servers/${server.id}.json`,
      /** The server page's list of sources, when the record has one. */
      sources: server.sources?.length ? `${serverUrl(server.id)}#sources` : undefined,
    },
  };
}
