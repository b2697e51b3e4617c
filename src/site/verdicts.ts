// The one place the site asks for a tool's classification and policies, so a page, its download and
// the dataset export always compute them with the same inputs. A current review (src/editorial/) takes
// the classifier's place here, for the tool's policy and its server's, and nowhere else.
import { classifyServer, classifyServerTools, classifyTool } from '../classify';
import { followedVerdict } from '../editorial/review-verdict';
import { loadReviews, reviewStates, type ReviewState } from '../editorial/reviews';
import { policyForServer, policyForTool, type ServerPolicy, type ToolPolicy } from '../policy';
import type { Classification, Server, ServerClassification, StoredTool } from '../schema';
import { defaultDataDir } from '../store/dataset';

export type ServerVerdicts = {
  /** The classifier's verdicts, in the server's tool order. */
  tools: Classification[];
  server: ServerClassification;
  /** Each tool's review as it stands, undefined for a tool nobody reviewed. */
  reviews: Array<ReviewState | undefined>;
  /** What each tool's policy follows: a current review's verdict, else the classifier's (the same object). */
  followed: Classification[];
  /** Whether the followed verdicts make the exfiltration triangle (a review may change a tool's labels). */
  followedTriangle: boolean;
};

const cache = new WeakMap<Server, ServerVerdicts>();

/** Classifications of every tool of a server (in the server's tool order, a silent tool leaning on its siblings) and the server-level view. */
export function verdictsFor(server: Server): ServerVerdicts {
  let verdicts = cache.get(server);
  if (!verdicts) {
    const tools = classifyServerTools(server);
    const classified = classifyServer(server, tools);
    const reviews = reviewStates(server, loadReviews(defaultDataDir()).get(server.id));
    const followed = tools.map((verdict, index) => followedVerdict(verdict, reviews[index]));
    const reviewed = followed.some((verdict, index) => verdict !== tools[index]);
    verdicts = { tools, server: classified, reviews, followed, followedTriangle: reviewed ? classifyServer(server, followed).exfiltrationTriangle : classified.exfiltrationTriangle };
    cache.set(server, verdicts);
  }
  return verdicts;
}

function toolIndex(server: Server, tool: StoredTool): number {
  const index = server.tools.indexOf(tool);
  if (index < 0) throw new Error(`tool "${tool.definition.name}" is not on server "${server.id}"`);
  return index;
}

export function toolVerdict(server: Server, tool: StoredTool): Classification {
  return verdictsFor(server).tools[toolIndex(server, tool)] as Classification;
}

export function toolReview(server: Server, tool: StoredTool): ReviewState | undefined {
  return verdictsFor(server).reviews[toolIndex(server, tool)];
}

export function toolPolicy(server: Server, tool: StoredTool): ToolPolicy {
  const verdicts = verdictsFor(server);
  return policyForTool(tool.definition, verdicts.followed[toolIndex(server, tool)] as Classification, {
    serverDisplayName: server.displayName,
    exfiltrationTriangle: verdicts.followedTriangle,
  });
}

export function serverPolicy(server: Server): ServerPolicy {
  const verdicts = verdictsFor(server);
  const byTool = new Map(server.tools.map((tool, index) => [tool.definition, verdicts.followed[index] as Classification]));
  return policyForServer(server, (definition) => byTool.get(definition) ?? classifyTool(definition), {
    exfiltrationTriangle: verdicts.followedTriangle,
  });
}
