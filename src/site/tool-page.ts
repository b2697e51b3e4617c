// Everything a tool page shows, gathered in one tested function so the .astro page only lays it out.
import type { Server, StoredTool } from '../schema';
import { toolSlug } from '../lib/ids';
import { toolsByName, sameNameUrl, serverUrl, toolUrl, type ToolRef } from './catalog';
import { toolFaq } from './faq';
import { annotationFindings, poisoningFindings } from './findings';
import { parameterRows, parameterSummary } from './parameters';
import { toolPolicy, toolVerdict } from './verdicts';

export function toolPageModel(server: Server, tool: StoredTool) {
  const { definition } = tool;
  const classification = toolVerdict(server, tool);
  const policy = toolPolicy(server, tool);
  const rows = parameterRows(definition.inputSchema);
  const parameters = parameterSummary(rows);
  const sameName: ToolRef[] = (toolsByName().get(definition.name) ?? []).filter((ref) => ref.server !== server.id);
  const annotations = Object.entries(definition.annotations ?? {}).filter(([, value]) => value !== null && value !== undefined);
  return {
    definition,
    notes: tool.notes ?? [],
    classification,
    policy,
    rows,
    parameters,
    /** Fields of the structured result, when the tool declares an outputSchema. */
    outputRows: definition.outputSchema ? parameterRows(definition.outputSchema) : [],
    annotations,
    annotationFindings: annotationFindings(classification),
    poisoningFindings: poisoningFindings(classification),
    history: server.history.filter((entry) => entry.tool === definition.name).reverse(),
    sameName,
    sameNameUrl: sameName.length > 0 ? sameNameUrl(definition.name) : undefined,
    faq: toolFaq({
      name: definition.name,
      serverName: server.displayName,
      description: definition.description,
      parameters,
      classification,
      decision: policy.decision,
      otherServers: sameName.length,
      annotations: definition.annotations,
    }),
    urls: { server: serverUrl(server.id), self: toolUrl(server.id, definition.name), slug: toolSlug(definition.name) },
  };
}
