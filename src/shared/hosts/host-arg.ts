import { AppError } from '../errors';
import { connectableOllamaHost, hostProblem } from '../ollama-host';
import { findHostName, hostNames, type HostsConfig } from './host-list';

/**
 * What `--host H` means on the command line, the same in every command (but `serve`, where
 * `--host` is the address to listen on and `--ollama` is Ollama): a host named in Settings, or an
 * Ollama address read with OLLAMA_HOST's rules. A name can also read as an address (`gpu-box`
 * is `http://gpu-box:11434`), so a configured name wins; write the address with a scheme or a
 * port (`http://gpu-box`, `gpu-box:11434`) to mean the machine. An address that a configured host
 * has picks that host (its name and token); any other address is the primary, at that address,
 * for this run only.
 */

export type HostChoice =
  | { kind: 'configured'; name: string }
  /** No host in Settings has this address: the primary's address for this run. */
  | { kind: 'address'; url: string };

export function chooseHost(arg: string, config: HostsConfig, primaryEffectiveUrl: string): HostChoice {
  const given = arg.trim();
  const named = findHostName(config, given);
  if (named !== null) return { kind: 'configured', name: named };
  const problem = given === '' ? 'it is empty' : hostProblem(given);
  if (problem) {
    throw new AppError('validation', `--host "${arg}" is neither a host in Settings (${hostNames(config).join(', ')}) nor an Ollama address: ${problem}.`);
  }
  const url = connectableOllamaHost(given);
  if (url === primaryEffectiveUrl) return { kind: 'configured', name: config.primary.name };
  const other = config.others.find((h) => !hostProblem(h.url) && connectableOllamaHost(h.url) === url);
  return other ? { kind: 'configured', name: other.name } : { kind: 'address', url };
}

/**
 * Several `--host` (plan, apply): each a configured host or an address; at most one address no
 * host has (it becomes the primary's for this run, so the primary is among the chosen).
 */
export function chooseHosts(args: readonly string[], config: HostsConfig, primaryEffectiveUrl: string): { names: string[]; primaryUrl: string | null } {
  const names: string[] = [];
  let primaryUrl: string | null = null;
  for (const arg of args) {
    const choice = chooseHost(arg, config, primaryEffectiveUrl);
    if (choice.kind === 'address') {
      if (primaryUrl !== null && primaryUrl !== choice.url) {
        throw new AppError('validation', `Only one --host may be an address no host in Settings has (got ${primaryUrl} and ${choice.url}): add the others as hosts in Settings, or with serve --add-ollama NAME=URL.`);
      }
      primaryUrl = choice.url;
    }
    const name = choice.kind === 'configured' ? choice.name : config.primary.name;
    if (!names.includes(name)) names.push(name);
  }
  return { names, primaryUrl };
}
