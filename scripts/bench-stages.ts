// The in-process stages of `npm run bench -- --section site`: reads and zod-validates every server of
// CATALOG_DATA_DIR, classifies every tool and server, and builds every tool and server policy (with
// their three rendered files), timing each stage on its own. Run as a child process by bench-site.ts,
// so its peak memory is measured like the build's steps; prints one JSON line.
import { classifyServer, classifyTool } from '../src/classify';
import { policyForServer, policyForTool } from '../src/policy';
import type { Classification } from '../src/schema';
import { defaultDataDir, listServerIds, readServerFile, serverFile } from '../src/store/dataset';

export type StageFigures = { servers: number; tools: number; loadSeconds: number; classifySeconds: number; policiesSeconds: number };

/**
 * One streaming pass, one server at a time as the build reads them, so memory stays what the build
 * needs; each stage's clock runs only around its own work.
 */
export function runInProcessStages(dataDir: string): StageFigures {
  let load = 0n;
  let classify = 0n;
  let policies = 0n;
  let servers = 0;
  let tools = 0;
  const dir = dataDir;
  for (const id of listServerIds(dir)) {
    const t0 = process.hrtime.bigint();
    const server = readServerFile(serverFile(dir, id));
    const t1 = process.hrtime.bigint();
    const verdicts: Classification[] = server.tools.map((tool) => classifyTool(tool.definition));
    const serverVerdict = classifyServer(server, verdicts);
    const t2 = process.hrtime.bigint();
    if (server.tools.length > 0) {
      const byTool = new Map(server.tools.map((tool, index) => [tool.definition, verdicts[index]!]));
      const options = { exfiltrationTriangle: serverVerdict.exfiltrationTriangle };
      policyForServer(server, (definition) => byTool.get(definition)!, options);
      server.tools.forEach((tool, index) => policyForTool(tool.definition, verdicts[index]!, { ...options, serverDisplayName: server.displayName }));
    }
    const t3 = process.hrtime.bigint();
    load += t1 - t0;
    classify += t2 - t1;
    policies += t3 - t2;
    servers += 1;
    tools += server.tools.length;
  }
  const seconds = (ns: bigint) => Number(ns) / 1e9;
  return { servers, tools, loadSeconds: seconds(load), classifySeconds: seconds(classify), policiesSeconds: seconds(policies) };
}

if (import.meta.filename === process.argv[1]) console.log(JSON.stringify(runInProcessStages(defaultDataDir())));
