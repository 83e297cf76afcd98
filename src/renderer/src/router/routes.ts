import { DETAIL_TABS, type DetailTab } from '../store/detail-slice';
import { PAGES, type Page } from '../store/ui-slice';

/**
 * Where the user is, as an address: `#/models`, `#/models/<name>[/modelfile|versions|history]`,
 * `#/base-models`, `#/hosts`, `#/chat[/<id>]`, `#/evals[/<family>[/runs/<run id>]]`, `#/jobs`, `#/settings`. Hash routes work the same in the
 * file-loaded desktop window and the served UI, and never reach the server.
 */
export type Route =
  | { page: 'models'; model: { name: string; tab: DetailTab } | null }
  | { page: 'chat'; conversation: string | null }
  /** A family's evaluation page (or the list of families when null), and a saved run shown in it. */
  | { page: 'evals'; family: string | null; runId: string | null }
  | { page: Exclude<Page, 'models' | 'chat' | 'evals'> };

export const HOME: Route = { page: 'models', model: null };

/** A path segment: model names hold `/` (namespaces) and `:` (tags); `:` stays readable. */
function segment(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, ':');
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

export function formatRoute(route: Route): string {
  switch (route.page) {
    case 'models':
      if (!route.model) return '#/models';
      return `#/models/${segment(route.model.name)}${route.model.tab === 'overview' ? '' : `/${route.model.tab}`}`;
    case 'chat':
      return route.conversation ? `#/chat/${segment(route.conversation)}` : '#/chat';
    case 'evals':
      if (route.family === null) return '#/evals';
      return `#/evals/${segment(route.family)}${route.runId ? `/runs/${segment(route.runId)}` : ''}`;
    default:
      return `#/${route.page}`;
  }
}

/** The route an address names; an address the app does not know leads to the models list. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  const parts = path.split('/').filter((part) => part !== '');
  const [first, second, third, ...rest] = parts;
  const page = PAGES.find((p) => p === first);
  if (page === 'evals') return parseEvalsRoute(parts.slice(1));
  if (!page || rest.length > 0) return HOME;
  if (page === 'models') {
    if (second === undefined) return HOME;
    const name = decode(second);
    const tab: DetailTab | undefined = third === undefined ? 'overview' : DETAIL_TABS.find((t) => t === third);
    if (name === null || name === '' || tab === undefined) return HOME;
    return { page, model: { name, tab } };
  }
  if (page === 'chat') {
    if (third !== undefined) return { page, conversation: null };
    const id = second === undefined ? null : decode(second);
    return { page, conversation: id === '' ? null : id };
  }
  return second === undefined ? { page } : HOME;
}

/** `[family[, 'runs', runId]]` after `#/evals`; anything else leads to the list of families. */
function parseEvalsRoute(parts: string[]): Route {
  const list: Route = { page: 'evals', family: null, runId: null };
  const [familyPart, runs, runPart, ...rest] = parts;
  if (familyPart === undefined) return list;
  const family = decode(familyPart);
  if (family === null || family.trim() === '' || rest.length > 0) return list;
  if (runs === undefined) return { page: 'evals', family, runId: null };
  const runId = runs === 'runs' && runPart !== undefined ? decode(runPart) : null;
  return { page: 'evals', family, runId: runId === '' ? null : runId };
}

export function sameRoute(a: Route, b: Route): boolean {
  return formatRoute(a) === formatRoute(b);
}
