import type { DirEntry, PathKind } from '../../../src/shared/modelfile';

/** A file system made of listed files (folders implied), as the probe/list pair toCreateRequest takes. */
export function fakeFileSystem(root: string, files: readonly string[]) {
  const paths = new Set(files.map((file) => `${root}/${file}`));
  const dirs = new Set<string>();
  for (const path of paths) {
    for (let dir = path.slice(0, path.lastIndexOf('/')); dir.length > 0; dir = dir.slice(0, dir.lastIndexOf('/'))) dirs.add(dir);
  }
  dirs.add('/');
  const listed: string[] = [];
  return {
    listed,
    probe: (path: string): PathKind => (paths.has(path) ? 'file' : dirs.has(path) ? 'dir' : 'missing'),
    list: (dir: string): DirEntry[] => {
      listed.push(dir);
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      const names = new Map<string, DirEntry['kind']>();
      for (const path of [...paths, ...dirs]) {
        if (!path.startsWith(prefix) || path === dir) continue;
        const rest = path.slice(prefix.length);
        if (rest.includes('/')) continue;
        names.set(rest, paths.has(path) ? 'file' : 'dir');
      }
      return [...names].map(([name, kind]) => ({ name, kind }));
    },
  };
}

export function encode(text: string, encoding: 'utf-8' | 'utf-16le-bom' | 'utf-16be-bom'): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  const bytes = new Uint8Array(2 + text.length * 2);
  const bigEndian = encoding === 'utf-16be-bom';
  const put = (at: number, unit: number): void => {
    bytes[at] = bigEndian ? unit >> 8 : unit & 0xff;
    bytes[at + 1] = bigEndian ? unit & 0xff : unit >> 8;
  };
  put(0, 0xfeff);
  for (let i = 0; i < text.length; i++) put(2 + i * 2, text.charCodeAt(i));
  return bytes;
}
