import { decodePathPart } from './request-target';

/**
 * Route paths such as `/rpc/{call}` (one segment) or `/admin/models/{name...}` (the rest of the
 * path, slashes included: model names look like `team/model:tag`). Parameters are matched on the
 * raw path and decoded afterwards, so both `a/b` and `a%2Fb` name the same model.
 */
export interface PathPattern {
  readonly source: string;
  match(path: string): Record<string, string> | null;
}

type Part = { kind: 'literal'; text: string } | { kind: 'param'; name: string } | { kind: 'rest'; name: string };

function compilePart(text: string, isLast: boolean, source: string): Part {
  const param = /^\{([A-Za-z_]\w*)(\.\.\.)?\}$/.exec(text);
  if (!param) return { kind: 'literal', text };
  const name = param[1] ?? '';
  if (!param[2]) return { kind: 'param', name };
  if (!isLast) throw new Error(`Rest parameter must come last in ${source}`);
  return { kind: 'rest', name };
}

/** `/a/b/` and `/a/b` are the same route (FastAPI redirects one to the other; we just accept both). */
function segmentsOf(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.split('/').slice(1);
}

export function pathPattern(source: string): PathPattern {
  const texts = segmentsOf(source);
  const parts = texts.map((text, i) => compilePart(text, i === texts.length - 1, source));

  return {
    source,
    match(path) {
      const segments = segmentsOf(path);
      const params: Record<string, string> = {};
      for (const [i, part] of parts.entries()) {
        const segment = segments[i];
        if (segment === undefined) return null;
        if (part.kind === 'literal') {
          if (segment !== part.text) return null;
        } else if (segment === '') {
          return null;
        } else if (part.kind === 'param') {
          params[part.name] = decodePathPart(segment);
        } else {
          params[part.name] = decodePathPart(segments.slice(i).join('/'));
          return params;
        }
      }
      return segments.length === parts.length ? params : null;
    },
  };
}
