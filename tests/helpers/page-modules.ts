// The page models and bodies the site renders, loaded over a given data folder: src/site/catalog.ts
// reads CATALOG_DATA_DIR when it is first imported, so the modules are imported after it is set.
import type * as ToolPageModule from '../../src/site/tool-page';
import type * as ServerPageModule from '../../src/site/server-page';
import type * as ToolRenderModule from '../../src/site/render/tool';
import type * as ServerRenderModule from '../../src/site/render/server';

export interface PageModules {
  toolPageModel: typeof ToolPageModule.toolPageModel;
  toolPageBody: typeof ToolRenderModule.toolPageBody;
  serverPageModel: typeof ServerPageModule.serverPageModel;
  serverPageBody: typeof ServerRenderModule.serverPageBody;
}

export async function loadPageModules(dataDir: string): Promise<PageModules> {
  process.env['CATALOG_DATA_DIR'] = dataDir;
  const [{ toolPageModel }, { toolPageBody }, { serverPageModel }, { serverPageBody }] = await Promise.all([
    import('../../src/site/tool-page'),
    import('../../src/site/render/tool'),
    import('../../src/site/server-page'),
    import('../../src/site/render/server'),
  ]);
  return { toolPageModel, toolPageBody, serverPageModel, serverPageBody };
}
