import type { AppInfo, RegistrySnapshot, Settings, SyncState } from './contract';

/**
 * The first page, rendered by the server: the answers to the start-up calls it was rendered from,
 * handed to the page in a data block so the page starts from exactly what it shows. Type-only
 * imports: the page's first script reads this before zod or the contract are loaded.
 */
export interface FirstPageSeed {
  appInfo: AppInfo;
  snapshot: RegistrySnapshot;
  sync: SyncState;
  settings: Settings;
}

/** The id of the `<script type="application/json">` that carries the seed. */
export const FIRST_PAGE_DATA_ID = 'mw-first-page';

const UNSAFE_IN_SCRIPT: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON that can sit inside a `<script>` element: model names are user data, and a `</script>` or
 * `<!--` in one must not end the element or change how the HTML parser reads it. Escaping `<`,
 * `>` and `&` as \u escapes keeps the JSON equal once parsed.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => UNSAFE_IN_SCRIPT[char] ?? char);
}
