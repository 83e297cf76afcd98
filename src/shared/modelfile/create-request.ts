import { commandsOf } from './ast';
import type { CommandNode, MessageRole, Modelfile } from './ast';
import { diagnostic } from './diagnostic';
import type { Diagnostic } from './diagnostic';
import { pathStyleOf, resolveModelfilePath, uploadKeys } from './local-path';
import { modelNameProblem } from '../model-name';
import { typeParameter } from './parameter-value';
import { NO_FROM_MESSAGE } from './parse';
import { isRequiresVersion, requiresVersion } from './semver';
import { START_SPAN } from './span';
import type { Span } from './span';
import { weightFiles } from './weight-files';
import type { ListDir } from './weight-files';

/**
 * The body of `POST /api/create`, with the fields today's Ollama reads (api/types.go
 * `CreateRequest`). Never the removed `modelfile`/`path`. Empty strings are left out, as Go's
 * `omitempty` leaves them out of the CLI's request.
 */
export interface CreateRequest {
  model: string;
  from?: string;
  /** Filled by the caller from `uploads`: name → `sha256:<hex>`. */
  files?: Record<string, string>;
  adapters?: Record<string, string>;
  draft_files?: Record<string, string>;
  template?: string;
  system?: string;
  license?: string[];
  parameters?: Record<string, number | boolean | string[]>;
  messages?: { role: MessageRole; content: string }[];
  renderer?: string;
  parser?: string;
  requires?: string;
  /** Not from the Modelfile (it has no such instruction): the registry entry's, added by the caller. */
  quantize?: string;
}

export type UploadField = 'files' | 'adapters' | 'draft_files';

/** A local file the caller must hash and upload, then record as `request[field][key] = digest`. */
export interface Upload {
  kind: 'model' | 'adapter' | 'draft';
  field: UploadField;
  /** The name Ollama's CLI gives it: relative to the common folder of the field's files, else the base name. */
  key: string;
  /** Absolute path on this machine. */
  path: string;
  /** The FROM/ADAPTER/DRAFT command it comes from. */
  at: Span;
}

export type PathKind = 'file' | 'dir' | 'missing';

export interface CreateRequestOptions {
  /** Name of the model to create. */
  model: string;
  /** Folder of the Modelfile: relative paths resolve against it. Its form (`C:\…`) selects Windows paths. */
  modelfileDir: string;
  /** For `~` and `~/…`; without it such paths are errors. */
  homeDir?: string;
  /** What is at an absolute path (symbolic links followed). */
  probe: (path: string) => PathKind | Promise<PathKind>;
  /** Needed only when FROM, ADAPTER or DRAFT names a folder. */
  list: ListDir;
}

export type CreateRequestResult =
  | { ok: true; request: CreateRequest; uploads: Upload[]; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

type LocalFiles = { kind: 'failed' } | { kind: 'missing'; path: string } | { kind: 'found'; path: string; files: string[] };

const FIELD: Record<Upload['kind'], UploadField> = { model: 'files', adapter: 'adapters', draft: 'draft_files' };

/**
 * Turns a parsed Modelfile into the `/api/create` request the Ollama CLI would send
 * (parser.go `Modelfile.CreateRequest` and cmd.go `CreateHandler`), with the local files to upload
 * first. Unlike the CLI, which stops at the first error, it reports every error, positioned.
 */
export async function toCreateRequest(modelfile: Modelfile, options: CreateRequestOptions): Promise<CreateRequestResult> {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const error = (code: Diagnostic['code'], at: Span, message: string, hint?: string): void => {
    errors.push(diagnostic('error', code, at, message, hint));
  };
  const style = pathStyleOf(options.modelfileDir);
  const request: CreateRequest = { model: options.model };
  const commands = commandsOf(modelfile);

  const nameProblem = modelNameProblem(options.model);
  if (nameProblem) error('invalid-model-name', START_SPAN, `invalid model name: ${options.model}`, nameProblem);
  if (!commands.some((c) => c.command === 'from')) error('no-from', START_SPAN, NO_FROM_MESSAGE);

  const found: Record<Upload['kind'], Map<string, Span>> = { model: new Map(), adapter: new Map(), draft: new Map() };
  const parameters: Record<string, number | boolean | string[]> = {};
  const licenses: string[] = [];
  const messages: { role: MessageRole; content: string }[] = [];

  /** What a FROM/ADAPTER/DRAFT path stands for on this machine. */
  const localFiles = async (node: CommandNode): Promise<LocalFiles> => {
    const resolved = resolveModelfilePath(node.value, options);
    if (!resolved.ok) {
      error('unresolvable-path', node.valueSpan, resolved.message);
      return { kind: 'failed' };
    }
    const kind = await options.probe(resolved.path);
    if (kind === 'missing') return { kind: 'missing', path: resolved.path };
    if (kind === 'file') return { kind: 'found', path: resolved.path, files: [resolved.path] };
    const files = await weightFiles(resolved.path, options.list, style);
    if (!files) {
      error('no-weights', node.valueSpan, 'no Modelfile or safetensors files found', `${resolved.path} has no model weights (safetensors, pth, bin or gguf)`);
      return { kind: 'failed' };
    }
    return { kind: 'found', path: resolved.path, files };
  };

  const modelPaths: string[] = [];
  const draftPaths: string[] = [];
  const sameAsOther = (node: CommandNode, path: string, others: string[]): boolean => {
    if (!others.includes(path)) return false;
    error('same-path', node.valueSpan, `DRAFT must not reference the same local path as FROM: ${path}`);
    return true;
  };

  for (const node of commands) {
    switch (node.command) {
      case 'from': {
        const local = await localFiles(node);
        if (local.kind === 'failed') break;
        if (local.kind === 'missing') {
          request.from = node.value; // nothing there: a model name
          break;
        }
        if (sameAsOther(node, local.path, draftPaths)) break;
        modelPaths.push(local.path);
        for (const file of local.files) found.model.set(file, spanOf(node));
        break;
      }
      case 'draft':
      case 'adapter': {
        const local = await localFiles(node);
        if (local.kind === 'failed') break;
        if (local.kind === 'missing') {
          error('missing-path', node.valueSpan, `${node.command.toUpperCase()} ${node.value}: no such file or directory`, `nothing at ${local.path}`);
          break;
        }
        if (node.command === 'adapter') {
          found.adapter = new Map(local.files.map((file) => [file, spanOf(node)])); // the last ADAPTER replaces earlier ones
          break;
        }
        if (sameAsOther(node, local.path, modelPaths)) break;
        draftPaths.push(local.path);
        for (const file of local.files) found.draft.set(file, spanOf(node));
        break;
      }
      case 'template':
        request.template = node.value;
        break;
      case 'system':
        request.system = node.value;
        break;
      case 'renderer':
        request.renderer = node.value;
        break;
      case 'parser':
        request.parser = node.value;
        break;
      case 'license':
        licenses.push(node.value);
        break;
      case 'requires':
        if (isRequiresVersion(node.value)) request.requires = requiresVersion(node.value);
        else error('invalid-requires', node.valueSpan, 'requires must be a valid semver (e.g. 0.14.0)');
        break;
      case 'message':
        messages.push({ role: node.role, content: node.value });
        break;
      case 'parameter': {
        const typed = typeParameter(node.name, node.value);
        if (typed.kind === 'deprecated') {
          warnings.push(diagnostic('warning', 'deprecated-parameter', node.nameSpan, typed.message, 'Ollama ignores it'));
        } else if (typed.kind === 'unknown-name') {
          error('unknown-parameter', node.name ? node.nameSpan : node.keywordSpan, typed.message);
        } else if (typed.kind === 'invalid-value') {
          error('invalid-value', node.valueSpan, typed.message, typed.hint);
        } else if (typeof typed.value === 'string') {
          // stop, the one list: every line adds to it
          const list = parameters[node.name];
          parameters[node.name] = [...(Array.isArray(list) ? list : []), typed.value];
        } else {
          parameters[node.name] = typed.value;
        }
        break;
      }
    }
  }

  for (const key of ['template', 'system', 'renderer', 'parser', 'from'] as const) {
    if (request[key] === '') delete request[key];
  }
  if (licenses.length > 0) request.license = licenses;
  if (Object.keys(parameters).length > 0) request.parameters = parameters;
  if (messages.length > 0) request.messages = messages;

  if (errors.length > 0) return { ok: false, errors, warnings };

  const uploads: Upload[] = [];
  for (const kind of ['model', 'adapter', 'draft'] as const) {
    const paths = [...found[kind].keys()];
    if (paths.length === 0) continue;
    const keys = uploadKeys(paths, style);
    const field = FIELD[kind];
    request[field] = {};
    for (const path of paths) uploads.push({ kind, field, key: keys.get(path) ?? path, path, at: found[kind].get(path) ?? START_SPAN });
  }
  return { ok: true, request, uploads, warnings };
}

function spanOf({ line, column, endLine, endColumn, from, to }: Span): Span {
  return { line, column, endLine, endColumn, from, to };
}
