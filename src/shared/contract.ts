import { z } from 'zod';
import {
  chatDeltaEventSchema,
  chatEndEventSchema,
  chatLaneSchema,
  chatResendInputSchema,
  chatSendInputSchema,
  chatTurnSchema,
  chatUpdateInputSchema,
  conversationIdSchema,
  conversationSchema,
  conversationSummarySchema,
  localApiStateSchema,
  localApiUpdateInputSchema,
} from './chat';
import { connectionStateSchema } from './connection-state';
import { jobSchema } from './jobs';
import { ollamaTimeoutsPatchSchema, ollamaTimeoutsSchema } from './ollama-timeouts';
import { createPreviewSchema, modelfileDocumentSchema } from './modelfile-files';
import { modelEntrySchema, modelPatchSchema, newModelSchema, registrySchema } from './registry';
// ---------- lifecycle: base models, running, import/export ----------
import { importOutcomeSchema, importSelectionSchema } from './import-apply';
import { importPlanSchema } from './import-plan';
import { keepAliveSchema } from './keep-alive';
import { EXPORT_FORMATS, importFileSchema, newBaseModelSchema, preloadOutcomeSchema, registryExportSchema } from './lifecycle';
import { baseModelEntrySchema } from './registry';
// ---------- lifecycle: versions, edit, delete, adopt ----------
import {
  addedModelSchema,
  adoptInputSchema,
  adoptionProposalSchema,
  deleteInputSchema,
  deleteResultSchema,
  newModelInputSchema,
  newVersionInputSchema,
  renameInputSchema,
  renameResultSchema,
  versionProposalSchema,
} from './model-ops';
import { ollamaModelNameSchema } from './model-name-schema';
import { call, none } from './contract-call';
import { HTTP_EVENTS_PATH, HTTP_RPC_PREFIX, httpRoute } from './http-paths';
import type { Envelope } from './envelope';
import { evalCalls, evalEvents } from './eval/eval-calls';
import { deployCalls, deployEvents } from './deploy/deploy-calls';
import { factsCalls } from './facts-calls';
import { menuCommandEventSchema, notificationClickedEventSchema } from './app-commands';
import { errorReportOutcomeSchema, errorReportSchema } from './error-report';
import { releaseCalls } from './release/release-calls';
import { updatesCalls, updatesEvents } from './updates';
import { cliPathCalls } from './cli-path';

/**
 * The one place the app's API is declared. The IPC handlers, the preload bridge, the HTTP
 * transport and the renderer client are all derived from these two tables, so adding a call
 * means adding one entry here and one handler in `src/main/services`.
 */

// ---------- shapes shared by several calls ----------

export { connectionStateSchema, type ConnectionState } from './connection-state';

export const modelDetailsSchema = z.looseObject({
  parent_model: z.string().optional(),
  format: z.string().optional(),
  family: z.string().optional(),
  families: z.array(z.string()).nullable().optional(),
  parameter_size: z.string().optional(),
  quantization_level: z.string().optional(),
});

/** A model Ollama has (from /api/tags). */
export const ollamaModelSchema = z.object({
  name: z.string(),
  size: z.number(),
  digest: z.string(),
  modifiedAt: z.string(),
  details: modelDetailsSchema,
  /** Sent by Ollama 0.30.0 and later. */
  capabilities: z.array(z.string()).optional(),
});
export type OllamaModel = z.infer<typeof ollamaModelSchema>;

/** A model loaded in memory (from /api/ps). */
export const runningModelSchema = z.object({
  name: z.string(),
  size: z.number(),
  sizeVram: z.number(),
  digest: z.string(),
  expiresAt: z.string(),
  /** The context it was loaded with (Ollama 0.10.0 and later). */
  contextLength: z.number().optional(),
});
export type RunningModel = z.infer<typeof runningModelSchema>;

export const showResultSchema = z.object({
  modelfile: z.string(),
  parameters: z.string(),
  template: z.string(),
  system: z.string(),
  license: z.string(),
  details: modelDetailsSchema,
  capabilities: z.array(z.string()),
  /** GGUF metadata (`model_info`); empty for cloud models. */
  modelInfo: z.record(z.string(), z.unknown()).optional(),
  /** Cloud models: where Ollama sends them, and the model there. */
  remoteHost: z.string().optional(),
  remoteModel: z.string().optional(),
});
export type ShowResult = z.infer<typeof showResultSchema>;

export const registryProblemSchema = z.object({
  /** What is wrong, in one sentence a user can act on. */
  message: z.string(),
  file: z.string(),
  line: z.number().nullable(),
  column: z.number().nullable(),
  /** Where the unreadable file was copied before anything else happened. */
  backupPath: z.string().nullable(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type RegistryProblem = z.infer<typeof registryProblemSchema>;

export const workspaceInfoSchema = z.object({
  path: z.string(),
  name: z.string(),
  registryPath: z.string(),
});
export type WorkspaceInfo = z.infer<typeof workspaceInfoSchema>;

export const registrySnapshotSchema = z.object({
  workspace: workspaceInfoSchema,
  registry: registrySchema,
  /** Set while the file on disk is invalid: the app then shows the last good state read-only. */
  problem: registryProblemSchema.nullable(),
  readOnly: z.boolean(),
});
export type RegistrySnapshot = z.infer<typeof registrySnapshotSchema>;

export const syncStateSchema = z.object({
  connection: connectionStateSchema,
  /** Models Ollama has that the registry names neither as a model nor as a base model. */
  discovered: z.array(ollamaModelSchema),
  /** Everything Ollama has, for pickers and sizes. */
  ollamaModels: z.array(ollamaModelSchema),
  lastSyncAt: z.string().nullable(),
  /** Names whose status the last sync changed. */
  changed: z.array(z.string()),
  /** Names of models whose Modelfile or base model changed since their last build. */
  outdated: z.array(z.string()),
});
export type SyncState = z.infer<typeof syncStateSchema>;

export const settingsSchema = z.object({
  /** The host the user set; null means OLLAMA_HOST or the default. */
  ollamaHost: z.string().nullable(),
  /** The host actually used. */
  effectiveHost: z.string(),
  workspace: z.string(),
  /** The time limits for Ollama in effect (the user's, else the defaults). */
  ollamaTimeouts: ollamaTimeoutsSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['desktop', 'headless']),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

// ---------- calls ----------


export const calls = {
  'app.info': call({ input: none, output: appInfoSchema, summary: 'Name, version and mode of the running app' }),
  'app.reportError': call({
    input: errorReportSchema,
    output: errorReportOutcomeSchema,
    summary: "Write an error the page could not handle to the app's log (nothing is sent anywhere); answers where the log is",
  }),
  'registry.get': call({
    input: none,
    output: registrySnapshotSchema,
    summary: 'The registry as last read, with any problem found in the file',
  }),
  'models.add': call({
    input: z.strictObject({ entry: newModelSchema }),
    output: modelEntrySchema,
    summary: 'Add a model entry (status pending); fails if the name exists',
  }),
  'models.update': call({
    input: z.strictObject({ name: z.string().min(1), patch: modelPatchSchema }),
    output: modelEntrySchema,
    summary: 'Change editable fields of an entry',
  }),
  'models.setDefault': call({
    input: z.strictObject({ name: z.string().min(1).nullable() }),
    output: registrySnapshotSchema,
    summary: 'Make a model the default, or clear the default',
  }),
  'sync.get': call({ input: none, output: syncStateSchema, summary: 'The last sync result and connection state' }),
  'sync.now': call({ input: none, output: syncStateSchema, summary: 'Reconcile the registry with Ollama now' }),
  'ollama.running': call({ input: none, output: z.array(runningModelSchema), summary: 'Models loaded in memory' }),
  'ollama.show': call({
    input: z.strictObject({ model: ollamaModelNameSchema }),
    output: showResultSchema,
    summary: "A model's Modelfile, template and details",
  }),
  'settings.get': call({ input: none, output: settingsSchema, summary: 'App settings' }),
  'settings.update': call({
    input: z.strictObject({
      ollamaHost: z
        .string()
        .trim()
        .max(500)
        .nullable()
        .optional()
        .transform((v) => (v === '' ? null : v)),
      ollamaTimeouts: ollamaTimeoutsPatchSchema.optional(),
    }),
    output: settingsSchema,
    summary: 'Change app settings; an empty host means OLLAMA_HOST or the default; timeouts in seconds',
  }),
  'workspace.open': call({
    input: z.strictObject({ path: z.string().min(1) }),
    output: registrySnapshotSchema,
    summary: 'Switch to another workspace folder (created from the examples if empty)',
  }),

  // ---------- Modelfiles and create (jobs) ----------
  'modelfile.read': call({
    input: z.strictObject({ path: z.string().min(1) }),
    output: modelfileDocumentSchema,
    summary: 'Read a Modelfile of the workspace (path relative to it)',
  }),
  'modelfile.write': call({
    input: z.strictObject({
      path: z.string().min(1),
      content: z.string().max(5_000_000),
      /** The sha256 the editor last saw; a different file on disk is a conflict, not overwritten. */
      expectedSha256: z.string().nullable(),
    }),
    output: modelfileDocumentSchema,
    summary: 'Save a Modelfile; refuses when it changed on disk since it was read',
  }),
  'modelfile.preview': call({
    input: z.strictObject({ name: z.string().min(1), content: z.string().max(5_000_000).optional() }),
    output: createPreviewSchema,
    summary: "The exact /api/create request a model's Modelfile (or the given text) would send",
  }),
  'models.create': call({
    input: z.strictObject({
      name: z.string().min(1),
      /** Pull the base model as its own step first when Ollama lacks it. */
      pullBase: z.boolean().default(false),
    }),
    output: jobSchema,
    summary: 'Build a model from its Modelfile as a job; returns the job at once',
  }),
  'models.pull': call({
    input: z.strictObject({ model: ollamaModelNameSchema }),
    output: jobSchema,
    summary: 'Pull a model (a base model) from its registry as a job; a retry resumes the download',
  }),
  'jobs.list': call({ input: none, output: z.array(jobSchema), summary: 'Active and recent jobs, newest first' }),
  'jobs.get': call({ input: z.strictObject({ id: z.string().min(1) }), output: jobSchema, summary: 'One job' }),
  'jobs.cancel': call({
    input: z.strictObject({ id: z.string().min(1) }),
    output: jobSchema,
    summary: 'Cancel a queued or running job (aborts the Ollama request)',
  }),

  // ---------- chat ----------
  'chat.list': call({
    input: z.strictObject({ query: z.string().max(500).default('') }),
    output: z.array(conversationSummarySchema),
    summary: 'Saved conversations, newest first; a query matches titles and message text',
  }),
  'chat.get': call({ input: z.strictObject({ id: conversationIdSchema }), output: conversationSchema, summary: 'One conversation' }),
  'chat.send': call({
    input: chatSendInputSchema,
    output: chatTurnSchema,
    summary: 'Save a user message (starting a conversation when none is given) and stream the replies as chat.delta/chat.end',
  }),
  'chat.regenerate': call({
    input: z.strictObject({ conversationId: conversationIdSchema, lane: chatLaneSchema.default('a') }),
    output: chatTurnSchema,
    summary: "Replace a lane's reply to the last user message with a new one",
  }),
  'chat.resend': call({
    input: chatResendInputSchema,
    output: chatTurnSchema,
    summary: 'Edit a user message, drop everything after it, and stream new replies',
  }),
  'chat.stop': call({
    input: z.strictObject({ conversationId: conversationIdSchema }),
    output: z.object({ stopped: z.number().int() }),
    summary: "Stop a conversation's streaming replies at once (aborts the Ollama requests); partial replies are kept",
  }),
  'chat.update': call({
    input: chatUpdateInputSchema,
    output: conversationSchema,
    summary: "Change a conversation's title, models or settings",
  }),
  'chat.rename': call({
    input: z.strictObject({ id: conversationIdSchema, title: z.string().trim().min(1).max(200) }),
    output: conversationSummarySchema,
    summary: 'Rename a conversation',
  }),
  'chat.delete': call({
    input: z.strictObject({ id: conversationIdSchema }),
    output: z.object({ id: z.string() }),
    summary: 'Delete a conversation (its replies are stopped first)',
  }),
  'localApi.get': call({
    input: none,
    output: localApiStateSchema,
    summary: 'The local OpenAI-compatible API: enabled, port, token, running',
  }),
  'localApi.update': call({
    input: localApiUpdateInputSchema,
    output: localApiStateSchema,
    summary: 'Turn the local OpenAI-compatible API on or off, change its port, or issue a new token',
  }),
  // ---------- end chat ----------

  // ---------- lifecycle: base models, running, import/export ----------
  'baseModels.add': call({
    input: z.strictObject({ entry: newBaseModelSchema }),
    output: baseModelEntrySchema,
    summary: "Add a base model to the registry by name (Ollama's name rules); its status says whether Ollama has it",
  }),
  'baseModels.remove': call({
    input: z.strictObject({ name: z.string().min(1) }),
    output: registrySnapshotSchema,
    summary: 'Remove a base model from the registry list only; Ollama keeps it',
  }),
  'baseModels.delete': call({
    input: z.strictObject({
      name: z.string().min(1),
      /** The user saw which registry models are built on it and still wants it gone. */
      confirmDependents: z.boolean().default(false),
    }),
    output: jobSchema,
    summary: 'Delete a model from Ollama as a job; refused while registry models are built on it, unless confirmed',
  }),
  'ollama.load': call({
    input: z.strictObject({ model: ollamaModelNameSchema, keepAlive: keepAliveSchema.optional() }),
    output: z.object({ running: z.array(runningModelSchema).nullable() }),
    summary: "Load a model into memory for keepAlive (absent: Ollama's default); answers with /api/ps afterwards",
  }),
  'ollama.unload': call({
    input: z.strictObject({ model: ollamaModelNameSchema }),
    output: z.object({ running: z.array(runningModelSchema).nullable() }),
    summary: 'Unload a model from memory now (keep_alive 0); answers with /api/ps afterwards',
  }),
  'preload.list': call({
    input: none,
    output: z.array(preloadOutcomeSchema),
    summary: 'What the automatic preloads of this run did (auto_preload models at start and after a create), newest first',
  }),
  'registry.export': call({
    input: z.strictObject({ format: z.enum(EXPORT_FORMATS).default('json') }),
    output: registryExportSchema,
    summary: 'The registry as a JSON file, or a zip of it with its Modelfiles, for the renderer to save',
  }),
  'registry.importPreview': call({
    input: importFileSchema,
    output: importPlanSchema,
    summary: 'Check a registry file and say what importing it would add, change or keep; changes nothing',
  }),
  'registry.importApply': call({
    input: importFileSchema.extend({ selection: importSelectionSchema }),
    output: importOutcomeSchema.extend({ snapshot: registrySnapshotSchema }),
    summary: 'Import the ticked entries of a registry file; an entry that differs from its preview is skipped',
  }),
  'jobs.clearFinished': call({
    input: none,
    output: z.object({ removed: z.number().int() }),
    summary: 'Forget finished jobs (the saved history too); running and queued jobs stay',
  }),
  // ---------- end lifecycle ----------

  // ---------- lifecycle: versions, edit, delete, adopt ----------
  'models.versionProposal': call({
    input: z.strictObject({ name: z.string().min(1) }),
    output: versionProposalSchema,
    summary: "What 'New version' proposes for a model: the next free -vN, carried-over names, its base, where the Modelfile copy goes",
  }),
  'models.newVersion': call({
    input: newVersionInputSchema,
    output: addedModelSchema,
    summary: 'Copy a model\'s Modelfile (never over a file) with FROM set to the chosen base, and add it as a pending entry',
  }),
  'models.new': call({
    input: newModelInputSchema,
    output: addedModelSchema,
    summary: 'Write a starter Modelfile (FROM the base, a SYSTEM stub; never over a file) and add it as a pending entry',
  }),
  'models.rename': call({
    input: renameInputSchema,
    output: renameResultSchema,
    summary: 'Rename a model in the registry (and the default), and in Ollama by copy then delete when Ollama has it',
  }),
  'models.delete': call({
    input: deleteInputSchema,
    output: deleteResultSchema,
    summary: 'Remove a model from the registry, and from Ollama when asked; its Modelfile only when asked and unshared',
  }),
  'models.adoptProposal': call({
    input: z.strictObject({ name: ollamaModelNameSchema }),
    output: adoptionProposalSchema,
    summary: 'What adopting a model Ollama has would add: display name, version, base model, Modelfile path',
  }),
  'models.adopt': call({
    input: adoptInputSchema,
    output: addedModelSchema,
    summary: "Add a model Ollama has to the registry (status available), with its Modelfile from /api/show written to models/",
  }),
  // ---------- end lifecycle: versions, edit, delete, adopt ----------
  ...evalCalls,
  ...deployCalls,
  ...factsCalls,
  ...releaseCalls,
  ...updatesCalls,
  ...cliPathCalls,
} as const;

// ---------- events ----------

export const events = {
  'registry.changed': registrySnapshotSchema,
  'sync.changed': syncStateSchema,
  'settings.changed': settingsSchema,
  /** Coalesced: a handful a second per job, and always the final state. */
  'job.updated': jobSchema,
  /** A workspace Modelfile changed on disk (another editor, git checkout). */
  'modelfile.changed': z.object({ path: z.string(), sha256: z.string().nullable() }),
  // ---------- chat ----------
  /** Reply text since the last delta; at most one per frame per reply, the first one at once. */
  'chat.delta': chatDeltaEventSchema,
  /** A reply ended (complete, stopped or failed), as saved; its text supersedes the deltas. */
  'chat.end': chatEndEventSchema,
  'localApi.changed': localApiStateSchema,
  // ---------- end chat ----------
  // ---------- lifecycle: base models, running, import/export ----------
  /** /api/ps after a load, an unload or a preload. */
  'running.changed': z.array(runningModelSchema),
  /** An automatic preload ended; a failed one says why. */
  'preload.finished': preloadOutcomeSchema,
  // ---------- end lifecycle ----------
  ...evalEvents,
  ...deployEvents,
  /** Desktop only: a menu item (or its shortcut, when the page left the key alone) asks the page to act. */
  'menu.command': menuCommandEventSchema,
  /** Desktop only: the user clicked the notification for a finished create or pull. */
  'notification.clicked': notificationClickedEventSchema,
  ...updatesEvents,
} as const;

// ---------- derived types ----------

export type Calls = typeof calls;
export type CallName = keyof Calls;
/** What a caller passes (before defaults and transforms). */
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<K extends CallName> = z.output<Calls[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Calls[K]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(calls, name);
}
export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}

export { envelopeSchema, type Envelope } from './envelope';

/** The typed client every renderer component's store talks to, whatever the transport. */
export interface ApiClient {
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** What the preload puts on `window.api`: the contract's calls and one way to subscribe. */
export interface PreloadApi {
  calls: { [K in CallName]: (input: unknown) => Promise<Envelope> };
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

// ---------- transport naming, derived from the call names ----------

export const IPC_EVENT_CHANNEL = 'mw:event';
export function ipcChannel(name: CallName): string {
  return `mw:call:${name}`;
}
export { HTTP_EVENTS_PATH, HTTP_RPC_PREFIX, httpRoute };

/** The main side implements one of these per call; transports parse input before calling it. */
export type Handlers = {
  [K in CallName]: (input: ParsedInput<K>) => Promise<z.input<Calls[K]['output']>>;
};
