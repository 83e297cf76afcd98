import type { RunRecord, RunResult, RunSummary } from './run-record';

/**
 * What a run says: per model, how many cases passed, and which changed against the previous
 * version; the regression the command line fails on; what differs between two runs.
 */

export interface ModelVerdict {
  model: string;
  passed: number;
  failed: number;
  /** Cases with no result for this model (the run was cancelled or is still running). */
  missing: number;
  /** Case ids that passed for the previous version and fail here, in the set's order. */
  regressions: string[];
  /** Case ids that failed for the previous version and pass here. */
  improvements: string[];
}

/** The latest result of each (case, model): a run holds one, but a later one would supersede. */
function resultIndex(run: RunRecord): Map<string, RunResult> {
  const index = new Map<string, RunResult>();
  for (const result of run.results) index.set(pairKey(result.caseId, result.model), result);
  return index;
}

function pairKey(caseId: string, model: string): string {
  return JSON.stringify([caseId, model]);
}

export function resultFor(run: RunRecord, caseId: string, model: string): RunResult | undefined {
  for (let i = run.results.length - 1; i >= 0; i--) {
    const result = run.results[i];
    if (result && result.caseId === caseId && result.model === model) return result;
  }
  return undefined;
}

export function verdictsByModel(run: RunRecord): ModelVerdict[] {
  const index = resultIndex(run);
  let previousVersion: string | null = null;
  return run.models.map((model) => {
    const verdict: ModelVerdict = { model: model.name, passed: 0, failed: 0, missing: 0, regressions: [], improvements: [] };
    for (const { id } of run.cases) {
      const result = index.get(pairKey(id, model.name));
      if (!result) verdict.missing++;
      else if (result.passed) verdict.passed++;
      else verdict.failed++;
      // Base models are compared with nothing: they show what a Modelfile adds, not a change.
      const before = model.role === 'version' && previousVersion !== null ? index.get(pairKey(id, previousVersion)) : undefined;
      if (result && before) {
        if (before.passed && !result.passed) verdict.regressions.push(id);
        if (!before.passed && result.passed) verdict.improvements.push(id);
      }
    }
    if (model.role === 'version') previousVersion = model.name;
    return verdict;
  });
}

export interface Regression {
  newest: string;
  previous: string;
  caseIds: string[];
}

/**
 * The cases the newest version (highest `-vN`) fails and the version before it (the next lower
 * N in the run) passed; null when there are none or fewer than two numbered versions ran. The
 * command line exits non-zero on it.
 */
export function newestRegression(run: RunRecord): Regression | null {
  const versions = run.models.filter((m) => m.role === 'version' && m.version !== null).sort((a, b) => (b.version ?? 0) - (a.version ?? 0));
  const [newest, previous] = versions;
  if (!newest || !previous) return null;
  const index = resultIndex(run);
  const caseIds = run.cases
    .map((c) => c.id)
    .filter((id) => {
      const now = index.get(pairKey(id, newest.name));
      const before = index.get(pairKey(id, previous.name));
      return now !== undefined && before !== undefined && before.passed && !now.passed;
    });
  return caseIds.length > 0 ? { newest: newest.name, previous: previous.name, caseIds } : null;
}

/** Cases that failed for any model, in the set's order: what "re-run failures" runs. Missing results are not failures. */
export function failedCaseIds(run: RunRecord): string[] {
  const index = resultIndex(run);
  return run.cases.map((c) => c.id).filter((id) => run.models.some((m) => index.get(pairKey(id, m.name))?.passed === false));
}

export interface PairChange {
  caseId: string;
  model: string;
  passedBefore: boolean;
  passedAfter: boolean;
  /** Pass/fail differs between the runs. */
  passChanged: boolean;
  /** The output text differs (a word diff shows how). */
  outputChanged: boolean;
}

export interface RunPair {
  caseId: string;
  model: string;
}

export interface RunComparison {
  /** Pairs with a result in both runs, in b's case order, then model order. */
  pairs: PairChange[];
  onlyInA: RunPair[];
  onlyInB: RunPair[];
}

/** Run `a` (before) against run `b` (after), case by case and model by model. */
export function compareRuns(a: RunRecord, b: RunRecord): RunComparison {
  const before = resultIndex(a);
  const after = resultIndex(b);
  const pairs: PairChange[] = [];
  const onlyInA: RunPair[] = [];
  const onlyInB: RunPair[] = [];
  for (const { caseId, model } of orderedPairs(b, after)) {
    const old = before.get(pairKey(caseId, model));
    const now = after.get(pairKey(caseId, model));
    if (!now) continue;
    if (!old) {
      onlyInB.push({ caseId, model });
      continue;
    }
    pairs.push({ caseId, model, passedBefore: old.passed, passedAfter: now.passed, passChanged: old.passed !== now.passed, outputChanged: old.output !== now.output });
  }
  for (const pair of orderedPairs(a, before)) {
    if (before.has(pairKey(pair.caseId, pair.model)) && !after.has(pairKey(pair.caseId, pair.model))) onlyInA.push(pair);
  }
  return { pairs, onlyInA, onlyInB };
}

/** Every (case, model) with a result: the set's cases × the run's models first, then any stray result. */
function orderedPairs(run: RunRecord, index: Map<string, RunResult>): RunPair[] {
  const seen = new Set<string>();
  const pairs: RunPair[] = [];
  const add = (caseId: string, model: string) => {
    const key = pairKey(caseId, model);
    if (seen.has(key) || !index.has(key)) return;
    seen.add(key);
    pairs.push({ caseId, model });
  };
  for (const c of run.cases) for (const m of run.models) add(c.id, m.name);
  for (const r of run.results) add(r.caseId, r.model);
  return pairs;
}

export function summarizeRun(run: RunRecord): RunSummary {
  return {
    id: run.id,
    family: run.family,
    state: run.state,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    ollamaVersion: run.ollama.version,
    rerunOf: run.rerunOf,
    caseCount: run.cases.length,
    models: verdictsByModel(run).map((v) => ({ name: v.model, passed: v.passed, failed: v.failed })),
  };
}
