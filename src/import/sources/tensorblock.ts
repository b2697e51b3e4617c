// Importer for TensorBlock's awesome-mcp-servers index (TensorBlock/awesome-mcp-servers): one generated
// profile per server in data/profiles/<id>.json, built from the markdown lists and the maintainers'
// metadata sidecars. An index of servers (links, install commands, endpoint); no tools.
import type { ImportedItem, ImportedRecord, Snapshot, SourceImporter } from '../source-importer';
import { excerpt } from '../source-importer';
import { launchFacts } from './launch-command';
import { FieldReader, isObject, listFiles, readJson, uniqueSorted } from './snapshot-files';

const DATASET = 'tensorblock';

/** What TensorBlock writes when it does not know the license. */
const NO_LICENSE = new Set(['unknown', 'other', 'none']);

/** The endpoint's transport, when the profile names exactly one remote transport (else from the URL). */
function endpointType(transports: readonly unknown[], url: string): string {
  const remote = [...new Set(transports.filter((value) => value === 'streamable-http' || value === 'sse'))] as string[];
  if (remote.length === 1) return remote[0]!;
  if (/\/sse\/?$/.test(url.split('?')[0]!)) return 'sse';
  return remote.length > 1 ? 'streamable-http' : 'unknown';
}

function recordOf(file: string, profile: Record<string, unknown>): { record?: ImportedRecord; problems: string[] } {
  const fields = new FieldReader(`${DATASET} ${file}`);
  const key = fields.text(profile['id'], 'id');
  if (!key) {
    fields.problem('id', 'no profile id, which is the index\'s key; skipped');
    return { problems: fields.problems };
  }
  fields.where = `${DATASET} ${file}, server ${excerpt(key, 200)}`;
  const links = fields.object(profile['links'], 'links');
  const install = fields.object(profile['install'], 'install');
  const commands = fields
    .list(install['commands'], 'install.commands')
    .map((command, index) => fields.text(command, `install.commands.${index}`))
    .filter((command): command is string => !!command);
  const env = fields
    .list(install['env'], 'install.env')
    .map((name, index) => fields.text(name, `install.env.${index}`))
    .filter((name): name is string => !!name);
  const launched = launchFacts(commands);
  const endpoint = fields.text(links['endpoint'], 'links.endpoint');
  const remotes = [...(endpoint ? [{ type: endpointType(fields.list(profile['transport'], 'transport'), endpoint), url: endpoint }] : []), ...launched.remotes].filter(
    (remote, index, all) => all.findIndex((other) => other.url === remote.url) === index,
  );
  const repository = fields.text(links['repo'], 'links.repo');
  const homepage = fields.text(links['homepage'], 'links.homepage');
  const description = fields.text(profile['description'], 'description');
  const license = fields.text(profile['license'], 'license');
  const record: ImportedRecord = {
    key,
    path: file,
    name: fields.text(profile['name'], 'name') ?? key,
    ...(description ? { description } : {}),
    ...(repository ? { repository } : {}),
    ...(homepage ? { homepage } : {}),
    ...(license && !NO_LICENSE.has(license.toLowerCase()) ? { license } : {}),
    packages: launched.packages,
    remotes,
    env: uniqueSorted(env),
  };
  return { record, problems: fields.problems };
}

export const tensorblockImporter: SourceImporter = {
  dataset: DATASET,
  *read(snapshot: Snapshot): Iterable<ImportedItem> {
    const files = listFiles(snapshot.dir, 'data/profiles', '.json');
    if (files.length === 0) yield { error: `${DATASET}: no data/profiles/*.json in ${snapshot.dir}` };
    for (const file of files) {
      const parsed = readJson(snapshot.dir, file);
      if ('error' in parsed) {
        yield { error: `${DATASET} ${parsed.error}; skipped` };
        continue;
      }
      if (!isObject(parsed.value)) {
        yield { error: `${DATASET} ${file}: expected a profile object (value ${excerpt(parsed.value)}); skipped` };
        continue;
      }
      const { record, problems } = recordOf(file, parsed.value);
      for (const problem of problems) yield { error: problem };
      if (record) yield { record };
    }
  },
};
