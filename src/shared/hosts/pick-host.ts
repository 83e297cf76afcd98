import { sameModel } from '../model-name';

/** A host as far as picking one for a model goes: its last listing (null while unknown or offline). */
export interface HostListing {
  name: string;
  primary: boolean;
  models: ReadonlyArray<{ name: string }> | null;
}

/**
 * The host to ask for `model`: the first that lists it, the primary first, then the others in
 * their order. Null when no host is known to have it (the caller then asks the primary, whose
 * answer says what is wrong, as it did with one host).
 */
export function pickHost(hosts: readonly HostListing[], model: string): string | null {
  const ordered = [...hosts.filter((h) => h.primary), ...hosts.filter((h) => !h.primary)];
  return ordered.find((h) => h.models?.some((m) => sameModel(m.name, model)))?.name ?? null;
}
