// Starts the PACKAGED main entry (from the asar's contents, extracted by package-dir.test.ts) under
// plain Node with the stand-in electron module, as a packaged app (MW_STUB_RESOURCES_PATH set:
// app.isPackaged true, process.resourcesPath the package's resources folder), and prints what it
// saw as one JSON object. Run: node --import <electron-stub/register.mjs> packaged-start.mjs <main>
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const main = process.argv[2];
const electron = await import('electron');
const stub = globalThis.__electronStub;
await import(pathToFileURL(main).href);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
for (let i = 0; i < 400 && !stub.windows[0]?.loadedUrl; i++) await sleep(25);
const win = stub.windows[0];
if (!win?.loadedUrl) throw new Error('the main window never loaded its page');

const page = await stub.protocolHandlers.get('app')(new Request('app://modelwright/'));
const registry = await electron.ipcRenderer.invoke('mw:call:registry.get', {});
const workspace = join(stub.root, 'documents', 'Modelwright');
const report = {
  isPackaged: electron.app.isPackaged,
  resourcesPath: process.resourcesPath,
  preload: win.options.webPreferences.preload,
  preloadExists: existsSync(win.options.webPreferences.preload),
  loadedUrl: win.loadedUrl,
  page: { status: page.status, head: (await page.text()).slice(0, 15).toLowerCase() },
  registry,
  workspace,
  workspaceRegistry: existsSync(join(workspace, 'model_settings.json')) ? readFileSync(join(workspace, 'model_settings.json'), 'utf8') : null,
};
process.stdout.write(JSON.stringify(report));
process.exit(0);
