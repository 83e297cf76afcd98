/**
 * Whether REQUIRES holds a version Ollama accepts: parser.go adds a `v` if missing and checks it
 * with golang.org/x/mod/semver `IsValid` (ported here): `v1`, `v1.2`, `v1.2.3[-pre][+build]`.
 */
export function isRequiresVersion(value: string): boolean {
  const v = value.startsWith('v') ? value.slice(1) : value;
  const m = /^(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*)(-[^+]*)?(\+.*)?)?)?$/.exec(v);
  if (!m) return false;
  const [, , , , prerelease, build] = m;
  if (prerelease !== undefined && !validIdentifiers(prerelease.slice(1), true)) return false;
  if (build !== undefined && !validIdentifiers(build.slice(1), false)) return false;
  return true;
}

/** Dot-separated, non-empty `[0-9A-Za-z-]` identifiers; in a prerelease, numbers without leading zeros. */
function validIdentifiers(list: string, noLeadingZeros: boolean): boolean {
  return list.split('.').every((id) => /^[0-9A-Za-z-]+$/.test(id) && !(noLeadingZeros && /^0[0-9]+$/.test(id)));
}

/** What parser.go stores: the version without its `v`. */
export function requiresVersion(value: string): string {
  return value.startsWith('v') ? value.slice(1) : value;
}
