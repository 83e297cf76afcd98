import type { ConversationSummary } from '../../../shared/chat';
import type { EvalRunChanged, NewPromptSetInput, PromptSetFile, PromptSetSummary, StartEvalInput } from '../../../shared/eval/eval-calls';
import type { RunRecord, RunSummary } from '../../../shared/eval/run-record';
import { AppError } from '../../../shared/errors';
import { familyOf } from '../../../shared/versions';
import { attempt, type ActionResult } from './action-result';
import type { SliceCreator } from './app-state';

/** What the Evaluate page shows: a family (or the list of families) and a saved run of it. */
export interface EvalView {
  family: string | null;
  runId: string | null;
}

type LoadStatus = 'loading' | 'ready' | 'failed';

export interface EvalSetState {
  family: string;
  /** `missing`: the family has no prompt set yet. */
  status: LoadStatus | 'missing';
  file: PromptSetFile | null;
  error: string | null;
}

export interface EvalRunsState {
  family: string;
  status: LoadStatus;
  list: RunSummary[];
  error: string | null;
}

export interface EvalRunState {
  family: string;
  runId: string;
  status: LoadStatus;
  record: RunRecord | null;
  error: string | null;
}

export interface EvalsSlice {
  evalView: EvalView;
  evalSets: { status: LoadStatus | 'idle'; list: PromptSetSummary[]; error: string | null };
  evalSet: EvalSetState | null;
  evalRuns: EvalRunsState | null;
  evalRun: EvalRunState | null;
  /** The job of each run started from this window, by run id (progress and cancel go through it). */
  evalJobs: Readonly<Record<string, { jobId: string; family: string }>>;
  /** Shows the Evaluate page for a family (null: the list of families), and one of its saved runs. */
  openEvals(family: string | null, runId?: string | null): void;
  loadEvalSets(): Promise<void>;
  loadEvalSet(family: string): Promise<void>;
  /** Writes the open set; refused (conflict) when the file changed on disk since it was read. */
  saveEvalSet(text: string): Promise<ActionResult<PromptSetFile>>;
  newEvalSet(input: NewPromptSetInput): Promise<ActionResult<PromptSetFile>>;
  startEval(input: StartEvalInput): Promise<ActionResult<{ jobId: string; runId: string }>>;
  loadEvalRuns(family: string): Promise<void>;
  loadEvalRun(family: string, runId: string): Promise<void>;
  receiveEvalRunChanged(event: EvalRunChanged): void;
  /** One saved run, read without showing it (comparing two runs). */
  fetchEvalRun(family: string, runId: string): Promise<ActionResult<RunRecord>>;
  /** Saved conversations with a version of the family (in either lane), for "New prompt set". */
  listFamilyConversations(family: string): Promise<ActionResult<ConversationSummary[]>>;
}

export const createEvalsSlice: SliceCreator<EvalsSlice> = ({ client }) => (set, get) => {
  // A run re-read while an earlier read is in flight is read once more after it, never twice at once.
  const reading = new Map<string, 'busy' | 'again'>();

  async function readRun(family: string, runId: string): Promise<void> {
    const key = `${family}\n${runId}`;
    if (reading.has(key)) {
      reading.set(key, 'again');
      return;
    }
    reading.set(key, 'busy');
    try {
      do {
        reading.set(key, 'busy');
        const result = await attempt(() => client.call('evals.readRun', { family, runId }));
        const current = get().evalRun;
        // The page may have moved on to another run while this one was read.
        if (!current || current.family !== family || current.runId !== runId) return;
        if (result.ok) set({ evalRun: { ...current, status: 'ready', record: result.value, error: null } });
        // A failed re-read keeps what is shown; only a first read shows the failure.
        else if (!current.record) set({ evalRun: { ...current, status: 'failed', error: result.error.message } });
      } while (reading.get(key) === 'again');
    } finally {
      reading.delete(key);
    }
  }

  return {
    evalView: { family: null, runId: null },
    evalSets: { status: 'idle', list: [], error: null },
    evalSet: null,
    evalRuns: null,
    evalRun: null,
    evalJobs: {},
    openEvals(family, runId = null) {
      // One change, so the address gets one history entry.
      set({ page: 'evals', detail: null, reveal: null, evalView: { family, runId: family === null ? null : runId } });
    },
    async loadEvalSets() {
      set((s) => ({ evalSets: { ...s.evalSets, status: 'loading' } }));
      const result = await attempt(() => client.call('evals.sets', {}));
      if (result.ok) set({ evalSets: { status: 'ready', list: result.value, error: null } });
      else set((s) => ({ evalSets: { ...s.evalSets, status: 'failed', error: result.error.message } }));
    },
    async loadEvalSet(family) {
      const keep = get().evalSet?.family === family ? get().evalSet : null;
      set({ evalSet: { family, status: 'loading', file: keep?.file ?? null, error: null } });
      const result = await attempt(() => client.call('evals.readSet', { family }));
      if (get().evalSet?.family !== family) return;
      if (result.ok) set({ evalSet: { family, status: 'ready', file: result.value, error: null } });
      else if (result.error.kind === 'not_found') set({ evalSet: { family, status: 'missing', file: null, error: null } });
      else set({ evalSet: { family, status: 'failed', file: null, error: result.error.message } });
    },
    async saveEvalSet(text) {
      const current = get().evalSet;
      if (!current) return { ok: false, error: new AppError('not_found', 'No prompt set is open.') };
      const result = await attempt(() => client.call('evals.saveSet', { family: current.family, text, baseSha256: current.file?.sha256 ?? null }));
      if (result.ok && get().evalSet?.family === current.family) set({ evalSet: { family: current.family, status: 'ready', file: result.value, error: null } });
      return result;
    },
    async newEvalSet(input) {
      const result = await attempt(() => client.call('evals.newSet', input));
      if (result.ok) {
        set({ evalSet: { family: input.family, status: 'ready', file: result.value, error: null } });
        void get().loadEvalSets();
      }
      return result;
    },
    async startEval(input) {
      const result = await attempt(() => client.call('evals.start', input));
      if (!result.ok) return result;
      const { jobId, runId } = result.value;
      set((s) => ({ evalJobs: { ...s.evalJobs, [runId]: { jobId, family: input.family } } }));
      get().openEvals(input.family, runId);
      // The job's events may have come before its id was known here: read it once.
      void attempt(() => client.call('jobs.get', { id: jobId })).then((job) => {
        if (job.ok) get().receiveJob(job.value, 'call');
      });
      void get().loadEvalRuns(input.family);
      return result;
    },
    async loadEvalRuns(family) {
      const keep = get().evalRuns?.family === family ? get().evalRuns : null;
      set({ evalRuns: { family, status: keep?.status === 'ready' ? 'ready' : 'loading', list: keep?.list ?? [], error: null } });
      const result = await attempt(() => client.call('evals.runs', { family }));
      if (get().evalRuns?.family !== family) return;
      if (result.ok) set({ evalRuns: { family, status: 'ready', list: result.value, error: null } });
      else set({ evalRuns: { family, status: 'failed', list: keep?.list ?? [], error: result.error.message } });
    },
    async loadEvalRun(family, runId) {
      const current = get().evalRun;
      if (!current || current.family !== family || current.runId !== runId) {
        set({ evalRun: { family, runId, status: 'loading', record: null, error: null } });
      }
      await readRun(family, runId);
    },
    fetchEvalRun(family, runId) {
      return attempt(() => client.call('evals.readRun', { family, runId }));
    },
    async listFamilyConversations(family) {
      const key = familyOf(family);
      const result = await attempt(() => client.call('chat.list', { query: '' }));
      if (!result.ok) return result;
      return { ok: true, value: result.value.filter((c) => familyOf(c.model) === key || (c.compareModel !== null && familyOf(c.compareModel) === key)) };
    },
    receiveEvalRunChanged(event) {
      const run = get().evalRun;
      if (run && run.family === event.family && run.runId === event.runId) void readRun(event.family, event.runId);
      const runs = get().evalRuns;
      // The list shows each run's state and counts: re-read it when a run starts or ends.
      if (runs && runs.family === event.family) {
        const listed = runs.list.find((r) => r.id === event.runId);
        if (!listed || listed.state !== event.state) void get().loadEvalRuns(event.family);
      }
    },
  };
};
