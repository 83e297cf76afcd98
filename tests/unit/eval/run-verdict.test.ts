import { describe, expect, it } from 'vitest';
import { runRecordSchema } from '../../../src/shared/eval/run-record';
import { compareRuns, failedCaseIds, newestRegression, resultFor, summarizeRun, verdictsByModel } from '../../../src/shared/eval/run-verdict';
import { result, runRecord } from './run-fixture';

const MODELS = [
  { name: 'llama3.2', role: 'base' as const, version: null },
  { name: 'bot-v1', version: 1 },
  { name: 'bot-v2', version: 2 },
];
// v2 regresses on "greets" and improves on "json"; "short" fails for both; "polite" has no v2 result yet.
const PASSES = {
  'llama3.2': { greets: false, json: false, polite: false, short: true },
  'bot-v1': { greets: true, json: false, polite: true, short: false },
  'bot-v2': { greets: false, json: true, short: false },
};

describe('run verdicts', () => {
  const run = runRecord(MODELS, PASSES);

  it('builds a record the run schema accepts', () => {
    expect(runRecordSchema.safeParse(run).success).toBe(true);
  });

  it('counts per model in run order, and compares each version with the previous one only', () => {
    expect(verdictsByModel(run)).toEqual([
      { model: 'llama3.2', passed: 1, failed: 3, missing: 0, regressions: [], improvements: [] },
      { model: 'bot-v1', passed: 2, failed: 2, missing: 0, regressions: [], improvements: [] },
      { model: 'bot-v2', passed: 1, failed: 2, missing: 1, regressions: ['greets'], improvements: ['json'] },
    ]);
  });

  it('skips a base model between versions: v2 is still compared with v1', () => {
    const between = runRecord([MODELS[1] ?? {}, MODELS[0] ?? {}, MODELS[2] ?? {}], PASSES);
    const verdicts = verdictsByModel(between);
    expect(verdicts.map((v) => [v.model, v.regressions, v.improvements])).toEqual([
      ['bot-v1', [], []],
      ['llama3.2', [], []],
      ['bot-v2', ['greets'], ['json']],
    ]);
  });

  it('finds the newest version regressing against the one before it, whatever the order of models', () => {
    expect(newestRegression(run)).toEqual({ newest: 'bot-v2', previous: 'bot-v1', caseIds: ['greets'] });
    const reordered = runRecord([MODELS[2] ?? {}, MODELS[0] ?? {}, MODELS[1] ?? {}], PASSES);
    expect(newestRegression(reordered)).toEqual({ newest: 'bot-v2', previous: 'bot-v1', caseIds: ['greets'] });
  });

  it('has no regression when the newest keeps every pass, or only one version ran', () => {
    expect(newestRegression(runRecord(MODELS, { 'bot-v1': { a: true, b: false }, 'bot-v2': { a: true, b: false } }))).toBeNull();
    expect(newestRegression(runRecord([MODELS[0] ?? {}, MODELS[1] ?? {}], PASSES))).toBeNull();
  });

  it('lists the cases failing for any model, in the set order, and skips missing results', () => {
    expect(failedCaseIds(run)).toEqual(['greets', 'json', 'polite', 'short']);
    expect(failedCaseIds(runRecord([MODELS[1] ?? {}, MODELS[2] ?? {}], { 'bot-v1': { a: true, b: true }, 'bot-v2': { a: false } }))).toEqual(['a']);
  });

  it('finds the latest result of a case and model', () => {
    const later = { ...run, results: [...run.results, result('greets', 'bot-v2', true, 'again')] };
    expect(resultFor(later, 'greets', 'bot-v2')?.output).toBe('again');
    expect(resultFor(run, 'polite', 'bot-v2')).toBeUndefined();
  });

  it('compares two runs pair by pair', () => {
    const rerun = runRecord([MODELS[2] ?? {}], { 'bot-v2': { greets: true, json: true, polite: true } });
    const { pairs, onlyInA, onlyInB } = compareRuns(run, rerun);
    expect(pairs).toEqual([
      { caseId: 'greets', model: 'bot-v2', passedBefore: false, passedAfter: true, passChanged: true, outputChanged: true },
      { caseId: 'json', model: 'bot-v2', passedBefore: true, passedAfter: true, passChanged: false, outputChanged: false },
    ]);
    expect(onlyInB).toEqual([{ caseId: 'polite', model: 'bot-v2' }]);
    expect(onlyInA).toHaveLength(9);
    expect(onlyInA[0]).toEqual({ caseId: 'greets', model: 'llama3.2' });
  });

  it('summarizes a run for the runs list', () => {
    expect(summarizeRun(run)).toEqual({
      id: run.id,
      family: 'bot',
      state: 'completed',
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      ollamaVersion: '0.13.0',
      rerunOf: null,
      caseCount: 4,
      models: [
        { name: 'llama3.2', passed: 1, failed: 3 },
        { name: 'bot-v1', passed: 2, failed: 2 },
        { name: 'bot-v2', passed: 1, failed: 2 },
      ],
    });
  });
});
