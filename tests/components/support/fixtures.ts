import type { AppInfo, ConnectionState, OllamaModel, RegistrySnapshot, Settings, SyncState } from '../../../src/shared/contract';
import type { Job, JobProgress, JobStep } from '../../../src/shared/jobs';
import { DEFAULT_OLLAMA_TIMEOUT_SETTINGS } from '../../../src/shared/ollama-timeouts';
import type { ModelfileDocument } from '../../../src/shared/modelfile-files';
import { modelEntrySchema, type BaseModelEntry, type ModelEntry } from '../../../src/shared/registry';

export function model(name: string, fields: Partial<ModelEntry> = {}): ModelEntry {
  return modelEntrySchema.parse({
    name,
    display_name: fields.display_name ?? `Display ${name}`,
    description: '',
    base_model: 'llama3:latest',
    modelfile: `models/${name}.Modelfile`,
    status: 'available',
    ...fields,
  });
}

export function snapshot(
  models: ModelEntry[],
  extra: { defaultModel?: string | null; baseModels?: Record<string, BaseModelEntry>; problem?: RegistrySnapshot['problem'] } = {},
): RegistrySnapshot {
  return {
    workspace: { path: '/home/ada/models-ws', name: 'models-ws', registryPath: '/home/ada/models-ws/model_settings.json' },
    registry: {
      default_model: extra.defaultModel ?? null,
      models: Object.fromEntries(models.map((m) => [m.name, m])),
      base_models: extra.baseModels ?? {},
    },
    problem: extra.problem ?? null,
    readOnly: extra.problem != null,
  };
}

export function connection(fields: Partial<ConnectionState> = {}): ConnectionState {
  return {
    status: 'online',
    host: 'http://127.0.0.1:11434',
    version: '0.12.3',
    canCreate: true,
    warnings: [],
    message: null,
    checkedAt: '2025-08-08T21:00:00.000Z',
    ...fields,
  };
}

export function ollamaModel(name: string, fields: Partial<OllamaModel> = {}): OllamaModel {
  return {
    name,
    size: 4_700_000_000,
    digest: 'sha256:' + '0'.repeat(64),
    modifiedAt: '2025-08-08T21:00:00.000Z',
    details: { family: 'llama', parameter_size: '8.0B', quantization_level: 'Q4_0' },
    ...fields,
  };
}

export function syncState(fields: Partial<SyncState> = {}): SyncState {
  return {
    connection: connection(),
    discovered: [],
    ollamaModels: [],
    lastSyncAt: '2025-08-08T21:00:00.000Z',
    changed: [],
    outdated: [],
    ...fields,
  };
}

export function settings(fields: Partial<Settings> = {}): Settings {
  return {
    ollamaHost: null,
    effectiveHost: 'http://127.0.0.1:11434',
    workspace: '/home/ada/models-ws',
    ollamaTimeouts: { ...DEFAULT_OLLAMA_TIMEOUT_SETTINGS },
    ...fields,
  };
}

export const appInfo: AppInfo = { name: 'Modelwright', version: '0.1.0', mode: 'headless', platform: 'linux' };

export function job(fields: Partial<Job> = {}): Job {
  return {
    id: 'job-1',
    kind: 'create',
    target: 'pm-v2',
    state: 'running',
    createdAt: '2025-08-08T21:00:00.000Z',
    startedAt: '2025-08-08T21:00:01.000Z',
    endedAt: null,
    steps: [],
    progress: null,
    error: null,
    log: [],
    ...fields,
  };
}

export function step(status: string, fields: Partial<JobStep> = {}): JobStep {
  return { status, digest: null, total: null, completed: null, startedAt: '2025-08-08T21:00:01.000Z', endedAt: null, ...fields };
}

export function progress(fields: Partial<JobProgress> = {}): JobProgress {
  return { status: 'pulling 6a0746a1ec1a', digest: null, total: null, completed: null, percent: null, bytesPerSecond: null, etaSeconds: null, ...fields };
}

export function modelfileDoc(path: string, content: string, sha256 = 'a'.repeat(64)): ModelfileDocument {
  return { path, content, sha256, exists: true };
}
