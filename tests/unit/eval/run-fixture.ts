import type { RunModel, RunRecord, RunResult } from '../../../src/shared/eval/run-record';

/** A hand-built run record: `passes[model][caseId]` says which results exist and whether they passed. */
export function runRecord(models: Partial<RunModel>[], passes: Record<string, Record<string, boolean>>, more: Partial<RunRecord> = {}): RunRecord {
  const caseIds = [...new Set(Object.values(passes).flatMap((byCase) => Object.keys(byCase)))].sort();
  return {
    format: 1,
    id: '2026-12-03T13-45-12-123Z-3f9a',
    family: 'bot',
    state: 'completed',
    error: null,
    startedAt: '2026-12-03T13:45:12.123Z',
    finishedAt: '2026-12-03T13:46:00.000Z',
    app: 'modelwright 0.1.0',
    ollama: { host: 'http://127.0.0.1:11434', version: '0.13.0' },
    promptSet: { path: 'evals/bot.yaml', sha256: 'a'.repeat(64) },
    options: { temperature: 0, seed: 42, think: false },
    cases: caseIds.map((id) => ({ id, title: null, prompt: `prompt ${id}`, rubric: null })),
    models: models.map((m) => ({ name: 'bot-v1', role: 'version', version: 1, digest: null, modelfile: null, builtFromSha256: null, modelfileSha256: null, ...m })),
    judge: null,
    rerunOf: null,
    results: Object.entries(passes).flatMap(([model, byCase]) => Object.entries(byCase).map(([caseId, passed]) => result(caseId, model, passed))),
    ...more,
  };
}

export function result(caseId: string, model: string, passed: boolean, output = `${model} says ${passed ? 'yes' : 'no'} to ${caseId}`): RunResult {
  return {
    caseId,
    model,
    request: { messages: [{ role: 'user', content: `prompt ${caseId}` }], options: { temperature: 0, seed: 42 }, think: false },
    output,
    thinking: null,
    error: null,
    doneReason: 'stop',
    promptTokens: 5,
    outputTokens: 7,
    timeToFirstTokenMs: 10,
    tokensPerSecond: 100,
    totalMs: 80,
    checks: [{ kind: 'contains', label: 'contains "yes"', passed, detail: passed ? 'found at character 1' : 'not found' }],
    passed,
    grade: null,
    finishedAt: '2026-12-03T13:45:30.000Z',
  };
}
