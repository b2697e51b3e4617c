// ACI.dev's apps (aipotheosis-labs/aci, backend/apps/<app>/app.json + functions.json): the integrations
// of a tool-calling platform, each a set of functions ACI runs itself (REST calls, connectors). An app
// is no MCP server of its own: ACI's MCP server (`aci-mcp apps-server --apps <APP>`) serves its
// functions as tools. So a record is keyed by the app's name (`GMAIL`), has no repository, package or
// remote of its own (the app's code is ACI's, and naming ACI's MCP package on every app would only
// tie all of them together), and no homepage, which app.json does not give.
//
// Where the tools came from: from the function definitions, the way ACI turns them into the tools an
// agent sees (`filter_visible_properties` in backend/aci/common/processor.py, applied to every format
// it serves): only the properties an object lists as `visible` are shown, the rest ACI fills in itself.
// No tools/list was captured, so the capture is 'static-analysis': exact as far as that code goes.
import type { ImportedItem, ImportedRecord, SourceImporter, Snapshot } from '../source-importer';
import { excerpt } from '../source-importer';
import { fileExists, firstString, isObject, isPlainKey, itemsOfFolder, kindOf, readJsonFile, readToolListFile } from './snapshot-files';

const DATASET = 'aci';
const FOLDER = 'backend/apps';

/**
 * ACI's `filter_visible_properties`: in an object schema, keep only the properties named in `visible`
 * (and only those in `required`), drop `visible`, and do the same in the kept properties. As there,
 * only an object's own properties are visited, not an array's `items`; and a schema that is not an
 * object is returned as it is.
 */
export function visibleSchema(schema: unknown): unknown {
  if (!isObject(schema) || schema['type'] !== 'object') return schema;
  const { visible, ...rest } = schema;
  const shown = new Set(Array.isArray(visible) ? visible.filter((name): name is string => typeof name === 'string') : []);
  const properties = rest['properties'];
  if (properties === undefined || properties === null) return rest;
  if (!isObject(properties)) return rest;
  const out: Record<string, unknown> = { ...rest, properties: Object.fromEntries(Object.entries(properties).filter(([name]) => shown.has(name)).map(([name, value]) => [name, visibleSchema(value)])) };
  if (Array.isArray(rest['required'])) out['required'] = rest['required'].filter((name) => typeof name === 'string' && shown.has(name));
  return out;
}

function toolOf(fn: unknown): unknown {
  if (!isObject(fn)) return fn;
  return {
    name: fn['name'],
    ...(fn['description'] !== undefined ? { description: fn['description'] } : {}),
    inputSchema: visibleSchema(fn['parameters'] ?? {}),
  };
}

function* itemsOf(snapshot: Snapshot, folder: string): Iterable<ImportedItem> {
  const appFile = `${FOLDER}/${folder}/app.json`;
  const functionsFile = `${FOLDER}/${folder}/functions.json`;
  if (!isPlainKey(folder)) {
    yield { error: `${DATASET} ${FOLDER}/${excerpt(folder)}: not a plain app folder name; skipped` };
    return;
  }
  if (!fileExists(snapshot.dir, appFile)) {
    yield { error: `${DATASET} ${FOLDER}/${folder}: no app.json; skipped` };
    return;
  }
  const app = readJsonFile(snapshot.dir, appFile, DATASET);
  if ('error' in app) {
    yield app;
    return;
  }
  if (!isObject(app.value)) {
    yield { error: `${DATASET} ${appFile}: app.json must be a JSON object, not ${kindOf(app.value)}; skipped` };
    return;
  }
  const key = app.value['name'];
  if (typeof key !== 'string' || !isPlainKey(key)) {
    yield { error: `${DATASET} ${appFile}, field name: the app's name ${excerpt(key)} is not a plain name; skipped` };
    return;
  }
  const record: Record<string, unknown> = {
    key,
    path: appFile,
    name: firstString(app.value['display_name'], key),
    ...(app.value['description'] !== undefined ? { description: app.value['description'] } : {}),
  };
  if (!fileExists(snapshot.dir, functionsFile)) yield { error: `${DATASET} ${functionsFile}, server "${key}": missing; the app is kept without tools` };
  else {
    const functions = readToolListFile(snapshot.dir, functionsFile, DATASET, key, { holder: 'app', items: 'functions' });
    if ('error' in functions) yield functions;
    else if (functions.list.length > 0) {
      record['tools'] = functions.list.map(toolOf);
      record['capture'] = 'static-analysis';
    }
  }
  // Values are passed on as the app has them: the runner validates each field and names the bad ones.
  yield { record: record as ImportedRecord };
}

export const aciImporter: SourceImporter = {
  dataset: DATASET,
  read: (snapshot: Snapshot) => itemsOfFolder(snapshot.dir, DATASET, FOLDER, 'folders', (folder) => itemsOf(snapshot, folder)),
};
