import { AppError } from '../errors';
import { connectableOllamaHost, hostProblem } from '../ollama-host';
import { DEFAULT_PRIMARY_HOST_NAME, hostNameSchema } from './host-config';

/**
 * The hosts as settings keep them, and the rules for changing them. The primary keeps the
 * `ollamaHost` setting it always had (null: OLLAMA_HOST or the default), so an old settings file
 * reads as one host named `local`; the others are stored as {name, url}.
 */

export interface StoredHost {
  name: string;
  url: string;
}

export interface HostsConfig {
  primary: { name: string; url: string | null };
  others: StoredHost[];
}

export const EMPTY_HOSTS_CONFIG: HostsConfig = { primary: { name: DEFAULT_PRIMARY_HOST_NAME, url: null }, others: [] };

/** Host names are compared as a person reads them: `GPU` and `gpu` are one host. */
export function sameHostName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Every host name, the primary first. */
export function hostNames(config: HostsConfig): string[] {
  return [config.primary.name, ...config.others.map((h) => h.name)];
}

/** The stored name as spelled in the config, or null. */
export function findHostName(config: HostsConfig, name: string): string | null {
  return hostNames(config).find((n) => sameHostName(n, name)) ?? null;
}

function invalid(path: string, message: string): AppError {
  return new AppError('validation', `${path === 'url' ? 'Host URL' : 'Host name'}: ${message}`, [{ path, message }]);
}

function checkName(name: string): string {
  const parsed = hostNameSchema.safeParse(name);
  if (!parsed.success) throw invalid('name', parsed.error.issues[0]?.message ?? 'not a valid name');
  return parsed.data;
}

/** The URL as typed (trimmed), after Ollama's OLLAMA_HOST rules have said it works. */
function checkUrl(url: string): string {
  const trimmed = url.trim();
  if (trimmed === '') throw invalid('url', 'give the host, e.g. gpu-box:11434');
  const problem = hostProblem(trimmed);
  if (problem) throw invalid('url', problem);
  return trimmed;
}

function notFound(config: HostsConfig, name: string): AppError {
  return new AppError('not_found', `There is no host named "${name}". Hosts: ${hostNames(config).join(', ')}.`);
}

function checkUnique(config: HostsConfig, name: string, except: string | null): void {
  const taken = hostNames(config).find((n) => sameHostName(n, name) && (except === null || !sameHostName(n, except)));
  if (taken) throw new AppError('conflict', `There is already a host named "${taken}"; choose another name.`, [{ path: 'name', message: 'already used' }]);
}

/** Two entries for one server would show and deploy everything twice. */
function checkUrlFree(config: HostsConfig, url: string, primaryEffectiveUrl: string, except: string | null): void {
  const wanted = connectableOllamaHost(url);
  const entries = [{ name: config.primary.name, effective: primaryEffectiveUrl }, ...config.others.map((h) => ({ name: h.name, effective: connectableOllamaHost(h.url) }))];
  const same = entries.find((e) => e.effective === wanted && (except === null || !sameHostName(e.name, except)));
  if (same) throw new AppError('conflict', `The host "${same.name}" is already at ${wanted}.`, [{ path: 'url', message: 'already used by another host' }]);
}

export function addHost(config: HostsConfig, input: { name: string; url: string }, primaryEffectiveUrl: string): HostsConfig {
  const name = checkName(input.name);
  const url = checkUrl(input.url);
  checkUnique(config, name, null);
  checkUrlFree(config, url, primaryEffectiveUrl, null);
  return { primary: config.primary, others: [...config.others, { name, url }] };
}

/** Renames a host and/or moves it; the primary's URL may be cleared (null: OLLAMA_HOST or the default). */
export function updateHost(
  config: HostsConfig,
  input: { name: string; rename?: string | undefined; url?: string | null | undefined },
  primaryEffectiveUrl: string,
): HostsConfig {
  const current = findHostName(config, input.name);
  if (current === null) throw notFound(config, input.name);
  const isPrimary = sameHostName(current, config.primary.name);
  const name = input.rename === undefined ? current : checkName(input.rename);
  if (input.rename !== undefined) checkUnique(config, name, current);
  let url: string | null | undefined;
  if (input.url === null || (input.url !== undefined && input.url.trim() === '')) {
    if (!isPrimary) throw invalid('url', 'give the host, e.g. gpu-box:11434');
    url = null;
  } else if (input.url !== undefined) {
    url = checkUrl(input.url);
    checkUrlFree(config, url, primaryEffectiveUrl, current);
  }
  if (isPrimary) return { primary: { name, url: url === undefined ? config.primary.url : url }, others: config.others };
  return {
    primary: config.primary,
    others: config.others.map((h) => (sameHostName(h.name, current) ? { name, url: url ?? h.url } : h)),
  };
}

export function removeHost(config: HostsConfig, name: string): HostsConfig {
  const current = findHostName(config, name);
  if (current === null) throw notFound(config, name);
  if (sameHostName(current, config.primary.name)) {
    throw new AppError('validation', `"${current}" is the primary host and cannot be removed; make another host the primary first.`);
  }
  return { primary: config.primary, others: config.others.filter((h) => !sameHostName(h.name, current)) };
}

/**
 * Hosts given on a command line (`--add-ollama gpu=gpu-box`), remembered like hosts added in
 * Settings: a new name is added, a known one moves to the given URL. The primary is `--ollama`'s.
 */
export function rememberHosts(config: HostsConfig, hosts: readonly StoredHost[], primaryEffectiveUrl: string): HostsConfig {
  let next = config;
  for (const host of hosts) {
    const current = findHostName(next, host.name);
    if (current !== null && sameHostName(current, next.primary.name)) {
      throw new AppError('validation', `"${current}" is the primary host: give its address with --ollama (or OLLAMA_HOST).`);
    }
    const known = next.others.find((h) => current !== null && sameHostName(h.name, current));
    if (known && connectableOllamaHost(known.url) === connectableOllamaHost(host.url.trim())) continue;
    next = known ? updateHost(next, { name: known.name, url: host.url }, primaryEffectiveUrl) : addHost(next, host, primaryEffectiveUrl);
  }
  return next;
}

/**
 * Swaps: the chosen host's URL becomes the primary's (`ollamaHost`), and the old primary becomes
 * an ordinary host at the URL it was using (its effective one when it followed OLLAMA_HOST).
 */
export function setPrimary(config: HostsConfig, name: string, primaryEffectiveUrl: string): HostsConfig {
  const current = findHostName(config, name);
  if (current === null) throw notFound(config, name);
  if (sameHostName(current, config.primary.name)) return config;
  const chosen = config.others.find((h) => sameHostName(h.name, current));
  if (!chosen) throw notFound(config, name);
  const demoted: StoredHost = { name: config.primary.name, url: config.primary.url ?? primaryEffectiveUrl };
  return {
    primary: { name: chosen.name, url: chosen.url },
    others: config.others.map((h) => (h === chosen ? demoted : h)),
  };
}
