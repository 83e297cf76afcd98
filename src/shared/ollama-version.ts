/**
 * Ollama's version, as `/api/version` reports it, and what it means for this app.
 *
 * Shapes seen in the wild: `0.6.4`, `0.6.4-rc1`, `0.0.0` (built from source without a version),
 * and `git describe` forms from source builds: `0.6.4-12-gabc1234` (12 commits after 0.6.4),
 * `0.6.4-rc1-3-gabc1234-dirty`.
 */

/** `/api/create` gained `from`/`files` (and lost `modelfile`) in this release. */
export const MIN_CREATE_VERSION = '0.5.5';
/** First release with the fix for the GGUF heap out-of-bounds read (CVE-2026-7482). */
export const SECURITY_FIX_VERSION = '0.17.1';
const UPDATE_HINT = 'Update Ollama from https://ollama.com/download.';

export interface OllamaVersion {
  major: number;
  minor: number;
  patch: number;
  /** `rc1` in `0.6.4-rc1`; null for a release. */
  prerelease: string | null;
  /** Commits after the tag in a `git describe` version; 0 for a tagged build. */
  commitsAfter: number;
}

const VERSION = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:-(.+?))?(?:\+[0-9A-Za-z.-]+)?$/;
const DESCRIBE_SUFFIX = /(?:^|-)(\d+)-g[0-9a-f]{4,40}(?:-dirty)?$/;

export function parseOllamaVersion(text: string): OllamaVersion | null {
  const match = VERSION.exec(text.trim());
  if (!match) return null;
  let suffix = match[4] ?? null;
  let commitsAfter = 0;
  if (suffix !== null) {
    const describe = DESCRIBE_SUFFIX.exec(suffix);
    if (describe) {
      commitsAfter = Number(describe[1]);
      suffix = suffix.slice(0, describe.index) || null;
    } else if (/-dirty$/.test(suffix)) {
      suffix = suffix.replace(/-?dirty$/, '') || null;
    }
  }
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3] ?? 0),
    prerelease: suffix,
    commitsAfter,
  };
}

function compareCore(a: OllamaVersion, b: OllamaVersion): number {
  return Math.sign(a.major - b.major) || Math.sign(a.minor - b.minor) || Math.sign(a.patch - b.patch);
}

function comparePrerelease(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1; // a release comes after its release candidates
  if (b === null) return -1;
  return Math.sign(a.localeCompare(b, 'en', { numeric: true }));
}

/** Semver order, plus: a `git describe` build comes after the tag it was built from. */
export function compareParsedVersions(a: OllamaVersion, b: OllamaVersion): number {
  return compareCore(a, b) || comparePrerelease(a.prerelease, b.prerelease) || Math.sign(a.commitsAfter - b.commitsAfter);
}

/** Compares two version strings; an unreadable version sorts before every readable one. */
export function compareOllamaVersions(a: string, b: string): number {
  const pa = parseOllamaVersion(a);
  const pb = parseOllamaVersion(b);
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
  return compareParsedVersions(pa, pb);
}

function isDevBuild(v: OllamaVersion): boolean {
  return v.major === 0 && v.minor === 0 && v.patch === 0;
}

export interface VersionAdvice {
  canCreate: boolean;
  warnings: string[];
}

/**
 * What the app can do with this Ollama and what the user should be told.
 *
 * A pre-release counts as the release it leads to for the create API (the API change shipped in
 * the 0.5.5 release candidates) but not for the security fix, where guessing wrong is costly:
 * `0.17.1-rc0` still gets the warning.
 */
export function versionAdvice(version: string | null | undefined): VersionAdvice {
  const text = (version ?? '').trim();
  const parsed = parseOllamaVersion(text);
  if (!parsed) {
    return {
      canCreate: true,
      warnings: [
        `Ollama reported the version "${text}", which the app cannot read, so it cannot check for known problems (creating models needs ${MIN_CREATE_VERSION} or later; ${SECURITY_FIX_VERSION} fixes a security flaw).`,
      ],
    };
  }
  if (isDevBuild(parsed)) {
    return {
      canCreate: true,
      warnings: [
        `Ollama reports version ${text}, which means a build from source: the app assumes it is recent. Make sure it includes the GGUF security fix of ${SECURITY_FIX_VERSION} (CVE-2026-7482).`,
      ],
    };
  }

  const warnings: string[] = [];
  const release = { ...parsed, prerelease: null, commitsAfter: 0 };
  const minCreate = parseOllamaVersion(MIN_CREATE_VERSION);
  const securityFix = parseOllamaVersion(SECURITY_FIX_VERSION);
  const canCreate = minCreate ? compareParsedVersions(release, minCreate) >= 0 : true;
  if (!canCreate) {
    warnings.push(
      `Ollama ${text} is too old to create models: the app needs ${MIN_CREATE_VERSION} or later, whose /api/create takes "from" and "files". ${UPDATE_HINT}`,
    );
  }
  if (securityFix && compareParsedVersions(parsed, securityFix) < 0) {
    warnings.push(
      `Ollama ${text} has a known security flaw: a crafted GGUF model file can make it read past a heap buffer (CVE-2026-7482), fixed in ${SECURITY_FIX_VERSION}. ${UPDATE_HINT}`,
    );
  }
  return { canCreate, warnings };
}
