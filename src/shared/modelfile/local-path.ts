/**
 * Just enough path handling, without node:path, to resolve Modelfile paths the way Ollama's CLI
 * does (parser.go `expandPath`: absolute as is, `~` and `~/…` under the home folder, anything else
 * relative to the Modelfile's folder, then cleaned). Windows paths are recognised by the form of
 * the folder they are resolved against.
 */

export type PathStyle = 'posix' | 'win32';

export function pathStyleOf(dir: string): PathStyle {
  return /^[A-Za-z]:[\\/]/.test(dir) || dir.startsWith('\\\\') ? 'win32' : 'posix';
}

const separator = (style: PathStyle): string => (style === 'win32' ? '\\' : '/');

function split(path: string, style: PathStyle): { root: string; parts: string[] } {
  if (style === 'posix') {
    return { root: path.startsWith('/') ? '/' : '', parts: path.split('/') };
  }
  const unc = /^[\\/]{2}[^\\/]+[\\/][^\\/]+/.exec(path);
  const drive = /^[A-Za-z]:/.exec(path);
  let root = '';
  let rest = path;
  if (unc) {
    root = `${unc[0].replace(/\//g, '\\')}\\`;
    rest = path.slice(unc[0].length);
  } else if (drive) {
    root = drive[0];
    rest = path.slice(2);
    if (/^[\\/]/.test(rest)) root += '\\';
  } else if (/^[\\/]/.test(path)) {
    root = '\\';
  }
  return { root, parts: rest.split(/[\\/]/) };
}

/** Go's filepath.Clean: no empty or `.` parts, `..` applied, never above the root. */
export function cleanPath(path: string, style: PathStyle): string {
  const { root, parts } = split(path, style);
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!root) out.push('..');
    } else out.push(part);
  }
  const joined = out.join(separator(style));
  return root + joined || (root ? root : '.');
}

export function isAbsolutePath(path: string, style: PathStyle): boolean {
  return style === 'posix' ? path.startsWith('/') : /^([A-Za-z]:)?[\\/]/.test(path);
}

export function joinPath(dir: string, name: string, style: PathStyle): string {
  return cleanPath(`${dir}${separator(style)}${name}`, style);
}

export function parentDir(path: string, style: PathStyle): string {
  return cleanPath(`${path}${separator(style)}..`, style);
}

export function baseName(path: string, style: PathStyle): string {
  const { parts } = split(cleanPath(path, style), style);
  return parts[parts.length - 1] ?? '';
}

export type ResolvedPath = { ok: true; path: string } | { ok: false; message: string };

export function resolveModelfilePath(raw: string, options: { modelfileDir: string; homeDir?: string }): ResolvedPath {
  const style = pathStyleOf(options.modelfileDir);
  if (isAbsolutePath(raw, style)) {
    // A Windows path like \x is on the Modelfile's drive.
    const onDrive = style === 'win32' && /^[\\/]/.test(raw) ? `${split(options.modelfileDir, style).root.slice(0, 2)}${raw}` : raw;
    return { ok: true, path: cleanPath(onDrive, style) };
  }
  if (raw === '~' || raw.startsWith('~/')) {
    if (options.homeDir === undefined) return { ok: false, message: 'failed to get current user: the home folder is not known' };
    return { ok: true, path: joinPath(options.homeDir, raw.slice(1), style) };
  }
  if (raw.startsWith('~')) {
    // Another user's home: Ollama looks the user up, which a desktop app has no business doing.
    const user = raw.slice(1).split('/')[0] ?? '';
    return { ok: false, message: `failed to find user '${user}'` };
  }
  return { ok: true, path: joinPath(options.modelfileDir, raw, style) };
}

/** `path` relative to `root`, with `/` separators (cmd.go `createRequestFileNames`); undefined if outside. */
export function relativePath(root: string, path: string, style: PathStyle): string | undefined {
  const a = split(cleanPath(root, style), style);
  const b = split(cleanPath(path, style), style);
  const same = (x: string, y: string): boolean => (style === 'win32' ? x.toLowerCase() === y.toLowerCase() : x === y);
  if (!same(a.root, b.root)) return undefined;
  const rootParts = a.parts.filter((p) => p !== '' && p !== '.');
  const pathParts = b.parts.filter((p) => p !== '' && p !== '.');
  if (rootParts.length >= pathParts.length) return undefined;
  if (!rootParts.every((part, i) => same(part, pathParts[i] ?? ''))) return undefined;
  return pathParts.slice(rootParts.length).join('/');
}

/** The deepest folder that holds all `paths` (cmd.go `commonFileRoot`); needs two or more paths. */
export function commonRoot(paths: readonly string[], style: PathStyle): string | undefined {
  if (paths.length < 2) return undefined;
  let root: string | undefined;
  for (const path of paths) {
    const dir = parentDir(path, style);
    if (root === undefined) {
      root = dir;
      continue;
    }
    // Bounded: above a relative root, parents grow as ../.. instead of reaching a fixed point.
    for (let steps = 0; root !== dir && relativePath(root, dir, style) === undefined; steps++) {
      const up = parentDir(root, style);
      if (up === root || steps > 256) return undefined;
      root = up;
    }
  }
  return root;
}

/** The names Ollama's CLI gives uploaded files in `files`/`adapters`: relative to their common folder, else base names. */
export function uploadKeys(paths: readonly string[], style: PathStyle): Map<string, string> {
  const root = commonRoot(paths, style);
  return new Map(paths.map((path) => [path, (root !== undefined && relativePath(root, path, style)) || baseName(path, style)]));
}
