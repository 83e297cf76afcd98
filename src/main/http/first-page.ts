import type { Handlers } from '../../shared/contract';
import { FIRST_PAGE_DATA_ID, scriptSafeJson, type FirstPageSeed } from '../../shared/first-page';
import { invokeCall } from '../rpc/invoke-call';

/** Renders the Models page from the start-up answers (the renderer's renderFirstPage). */
export type RenderFirstPage = (seed: FirstPageSeed) => string;

/** Turns the built index.html into the first page, or null to serve it unchanged. */
export type FirstPageWriter = (template: string) => Promise<string | null>;

const ROOT_ELEMENT = '<div id="root"></div>';

/** The answers the page would ask for first, through the same checks as over /rpc (the contract's output schemas). */
async function startupAnswers(handlers: Handlers, log: (line: string) => void): Promise<FirstPageSeed> {
  const [appInfo, snapshot, sync, settings] = await Promise.all([
    invokeCall(handlers, 'app.info', {}, log),
    invokeCall(handlers, 'registry.get', {}, log),
    invokeCall(handlers, 'sync.get', {}, log),
    invokeCall(handlers, 'settings.get', {}, log),
  ]);
  return { appInfo, snapshot, sync, settings };
}

/**
 * The page with the Models list already in it, and the data it was rendered from in a JSON data
 * block (`type="application/json"` is never run, so the CSP's `script-src 'self'` holds). Only for
 * a request that carries the session token: the caller checks it. Any failure (a call, the render)
 * serves the plain page, which then starts as it always did and shows the error in its own words.
 */
export function firstPageWriter(handlers: Handlers, render: RenderFirstPage, log: (line: string) => void): FirstPageWriter {
  return async (template) => {
    const at = template.indexOf(ROOT_ELEMENT);
    if (at === -1) return null;
    try {
      const seed = await startupAnswers(handlers, log);
      const markup = render(seed);
      const data = `<script type="application/json" id="${FIRST_PAGE_DATA_ID}">${scriptSafeJson(seed)}</script>`;
      // Spliced, not String.replace: a `$&` in a model name must stay text.
      // Inert until React has taken it over (the page's script lifts it): a button there does nothing before.
      return `${template.slice(0, at)}<div id="root" inert>${markup}</div>${data}${template.slice(at + ROOT_ELEMENT.length)}`;
    } catch (error) {
      log(`[http] the first page was not rendered; serving the plain page: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return null;
    }
  };
}
