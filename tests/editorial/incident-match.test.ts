// The attack database against the embedded dataset: real tools that must and must not meet an
// incident's precondition (chosen by reading them), every incident met by some tool, the counts the
// pages print equal to a count made server by server, and tool pages and incident pages linking both ways.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyServer, classifyServerTools } from '../../src/classify';
import { INCIDENT_EXAMPLES, IncidentTally, loadIncidents, meetsPrecondition, serverToolFacts, type Incident } from '../../src/editorial/incident-match';
import type * as IncidentsModule from '../../src/editorial/incidents';
import type * as RenderModule from '../../src/site/render/incidents';
import type * as CatalogModule from '../../src/site/catalog';
import { iterateServers, readServerFile, serverFile } from '../../src/store/dataset';
import { loadPageModules, type PageModules } from '../helpers/page-modules';

const DATA = path.resolve('data');
const incidents = new Map(loadIncidents().map((incident) => [incident.slug, incident]));
const incident = (slug: string): Incident => {
  const found = incidents.get(slug);
  if (!found) throw new Error(`no incident ${slug}`);
  return found;
};

function factsOf(serverId: string, tool: string) {
  const server = readServerFile(serverFile(DATA, serverId));
  const tools = classifyServerTools(server);
  const facts = serverToolFacts(server, { tools, server: classifyServer(server, tools) });
  const found = facts.find((entry) => entry.name === tool);
  if (!found) throw new Error(`${serverId} has no tool ${tool}`);
  return found;
}

const GITHUB = 'github-github-mcp-server-c4b8cae9';
const KUBERNETES = 'kubernetes-mcp-server-2620d21d';

describe('preconditions on real catalog tools', () => {
  // [incident, server, tool, meets, why (what reading the tool shows)]
  const cases: Array<[string, string, string, boolean, string]> = [
    ['lethal-trifecta', GITHUB, 'list_issues', true, 'reads issues others wrote, on a server that can also read private repositories and publish'],
    ['lethal-trifecta', GITHUB, 'get_me', false, 'returns the user profile: it supplies no side of the triangle'],
    ['lethal-trifecta', KUBERNETES, 'pods_log', false, 'reads private data, but its server has no outward channel'],
    ['github-mcp-private-repository-leak', GITHUB, 'create_pull_request', true, 'publishes into a repository named by owner and repo, on a triangle server'],
    ['github-mcp-private-repository-leak', GITHUB, 'get_me', false, 'takes no repository'],
    ['tool-poisoning', 'neondatabase-labs-mcp-server-neon-dc4e3880', 'prepare_database_migration', true, 'its description wraps text for the model in <instructions> tags'],
    ['tool-poisoning', GITHUB, 'create_pull_request', false, 'its definition only describes the tool'],
    ['tool-shadowing', 'postman-postman-mcp-server-e55eef94', 'updateMockServerResponse', true, 'its description tells the model what to do when calling another tool'],
    ['mcp-server-kubernetes-command-injection', KUBERNETES, 'pods_delete', true, 'deletes a pod in a namespace it is given'],
    ['mcp-server-kubernetes-command-injection', KUBERNETES, 'pods_log', false, 'takes a namespace but only reads'],
    ['credential-theft-from-config-files', 'takescake-1password-mcp-f60d82dd', 'password_read', true, 'reads a password out of a vault into the context'],
  ];
  it.each(cases)('%s: %s / %s meets it: %s (%s)', (slug, server, tool, meets) => {
    expect(meetsPrecondition(incident(slug), factsOf(server, tool))).toBe(meets);
  });
});

describe('over the embedded dataset', () => {
  let pages: PageModules;
  let editorial: typeof IncidentsModule;
  let render: typeof RenderModule;
  let catalog: typeof CatalogModule;
  /** Counted server by server, straight from the stored records: no catalog pass involved. */
  const expected = new Map<string, { tools: number; servers: number }>();
  const fresh = new IncidentTally([...incidents.values()]);

  beforeAll(async () => {
    pages = await loadPageModules(DATA);
    editorial = await import('../../src/editorial/incidents');
    render = await import('../../src/site/render/incidents');
    catalog = await import('../../src/site/catalog');
    for (const slug of incidents.keys()) expected.set(slug, { tools: 0, servers: 0 });
    for (const server of iterateServers(DATA)) {
      if (server.tools.length === 0) continue;
      const tools = classifyServerTools(server);
      const facts = serverToolFacts(server, { tools, server: classifyServer(server, tools) });
      fresh.add(server, facts);
      for (const [slug, entry] of incidents) {
        const met = facts.filter((tool) => meetsPrecondition(entry, tool)).length;
        const count = expected.get(slug)!;
        count.tools += met;
        if (met > 0) count.servers += 1;
      }
    }
  }, 600_000);

  it('every incident is met by at least one catalog tool', () => {
    for (const [slug, count] of expected) expect(count.tools, slug).toBeGreaterThan(0);
  });

  it('the counts each page prints are the counts made server by server', () => {
    for (const [slug, count] of expected) {
      const body = render.incidentPageDetails(editorial.incidentPageModel(slug)).value;
      const printed = /<strong>([\d,]+) tools?<\/strong> on <strong>([\d,]+) servers?<\/strong>/.exec(body);
      expect(printed, slug).not.toBeNull();
      expect({ tools: Number(printed![1]!.replace(/,/g, '')), servers: Number(printed![2]!.replace(/,/g, '')) }, slug).toEqual(count);
    }
    const index = render.incidentIndexBody(editorial.incidentIndexModel()).value;
    for (const [slug, count] of expected) {
      const row = new RegExp(`href="/incidents/${slug}/">[^<]*</a></td><td>[^<]*</td><td>([\\d,]+)</td><td>([\\d,]+)</td>`).exec(index);
      expect(row, slug).not.toBeNull();
      expect([Number(row![1]!.replace(/,/g, '')), Number(row![2]!.replace(/,/g, ''))], slug).toEqual([count.tools, count.servers]);
    }
  });

  it('examples are a handful of tools from as many servers, the same whatever the pass', () => {
    for (const slug of incidents.keys()) {
      const { examples } = editorial.incidentStats(slug);
      expect(examples.length, slug).toBe(Math.min(INCIDENT_EXAMPLES, expected.get(slug)!.servers));
      expect(new Set(examples.map((example) => example.server)).size, slug).toBe(examples.length);
      expect(fresh.get(slug).examples, slug).toEqual(examples);
    }
  });

  it("each example's tool page links the incident, and the incident page links the tool back", () => {
    for (const slug of incidents.keys()) {
      const model = editorial.incidentPageModel(slug);
      const incidentBody = render.incidentPageDetails(model).value;
      for (const example of model.stats.examples) {
        const server = catalog.getServer(example.server);
        const toolBody = pages.toolPageBody(server, pages.toolPageModel(server, catalog.getTool(server, example.tool))).value;
        expect(toolBody, `${example.server}/${example.tool}`).toMatch(new RegExp(`<p class="known-attacks">Known attacks on tools like this: [^\\n]*href="/incidents/${slug}/"`));
        expect(incidentBody).toContain(`href="${catalog.toolUrl(example.server, example.tool)}"`);
        const serverBody = pages.serverPageBody(server, pages.serverPageModel(server)).value;
        expect(serverBody).toContain(`href="/incidents/${slug}/"`);
      }
    }
  });

  it('a tool page links exactly the incidents its tool meets, and shows no line when it meets none', () => {
    const github = catalog.getServer(GITHUB);
    const body = pages.toolPageBody(github, pages.toolPageModel(github, catalog.getTool(github, 'get_me'))).value;
    const linked = editorial.incidentsForTool(github, 'get_me').map((entry) => entry.slug);
    for (const slug of incidents.keys()) expect(body.includes(`href="/incidents/${slug}/"`), slug).toBe(linked.includes(slug));
    expect(linked).not.toContain('lethal-trifecta');
    const kubernetes = catalog.getServer(KUBERNETES);
    expect(editorial.incidentsForTool(kubernetes, 'pods_list')).toEqual([]);
    expect(pages.toolPageBody(kubernetes, pages.toolPageModel(kubernetes, catalog.getTool(kubernetes, 'pods_list'))).value).not.toContain('known-attacks');
  });
});
