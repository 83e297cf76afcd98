/**
 * The seed's version scheme: a model's name ends in `-vN` (`peteollama:property-manager-v2`);
 * the family is the name without it, and siblings share a family.
 */

const VERSION_SUFFIX = /^(.*)-v(\d+)$/i;

export interface VersionedName {
  family: string;
  version: number | null;
}

export function parseVersionedName(name: string): VersionedName {
  const match = VERSION_SUFFIX.exec(name);
  if (!match?.[1] || !match[2]) return { family: name, version: null };
  return { family: match[1], version: Number(match[2]) };
}

export function familyOf(name: string): string {
  return parseVersionedName(name).family.toLowerCase();
}

/** The next free `family-vN` given every name already taken (compared case-insensitively). */
export function nextVersionName(name: string, taken: Iterable<string>): { name: string; version: string } {
  const { family } = parseVersionedName(name);
  const familyKey = family.toLowerCase();
  let highest = 0;
  for (const other of taken) {
    const parsed = parseVersionedName(other);
    if (parsed.family.toLowerCase() === familyKey && parsed.version !== null) {
      highest = Math.max(highest, parsed.version);
    }
  }
  const next = highest + 1;
  return { name: `${family}-v${next}`, version: `v${next}` };
}
