import { EvaluatePage } from '../../../src/renderer/src/components/evals/EvaluatePage';
import type { AppState } from '../../../src/renderer/src/store/app-state';
import type { PromptSetFile } from '../../../src/shared/eval/eval-calls';
import { promptSetSchema } from '../../../src/shared/eval/prompt-set';
import type { RunRecord, RunResult, RunSummary } from '../../../src/shared/eval/run-record';
import type { Handlers } from './fake-client';
import { readyClient } from './ready-client';
import { model, snapshot } from './fixtures';
import { renderWithStore } from './render';

/** Shared set-up for the Evaluate page tests (not a test file): a family `bot` with v1 and v2. */

export const FAMILY = 'bot';
export const V1 = 'bot-v1';
export const V2 = 'bot-v2';
export const RUN_ID = '2026-12-03T13-45-12-123Z-3f9a';
export const OLDER_RUN_ID = '2026-12-02T09-00-00-000Z-aaaa';

export const familyModels = [
  model(V1, { display_name: 'Support Bot v1', version: 'v1', base_model: 'llama3:latest' }),
  model(V2, { display_name: 'Support Bot v2', version: 'v2', base_model: 'qwen3:8b' }),
  model('other-v1', { display_name: 'Someone else' }),
];

export function result(caseId: string, modelName: string, passed: boolean, fields: Partial<RunResult> = {}): RunResult {
  return {
    caseId,
    model: modelName,
    request: {
      messages: [
        { role: 'system', content: 'You are a support bot.' },
        { role: 'user', content: `Question ${caseId}` },
      ],
      options: { temperature: 0, seed: 42 },
      think: false,
    },
    output: passed ? `Hello, your refund is on its way.` : `Sorry, we cannot refund that order.`,
    thinking: null,
    error: null,
    doneReason: 'stop',
    promptTokens: 20,
    outputTokens: 12,
    timeToFirstTokenMs: 310,
    tokensPerSecond: 42.14,
    totalMs: 900,
    checks: [
      { kind: 'contains', label: 'contains "refund"', passed: true, detail: null },
      { kind: 'not_contains', label: 'does not contain "sorry" (any case)', passed, detail: passed ? null : 'found "Sorry" at 1' },
    ],
    passed,
    grade: null,
    finishedAt: '2026-12-03T13:46:00.000Z',
    ...fields,
  };
}

/** v1 fails `greet`, passes `refund` and `hours`; v2 passes `greet`, fails `refund` (a regression) and passes `hours`. */
export function runRecord(fields: Partial<RunRecord> = {}): RunRecord {
  const cases = [
    { id: 'greet', title: 'Greets a new customer', prompt: 'Say hello.', rubric: 'Friendly and short.' },
    { id: 'refund', title: null, prompt: 'Where is my refund?', rubric: null },
    { id: 'hours', title: 'Opening hours', prompt: 'When are you open?', rubric: null },
  ];
  return {
    format: 1,
    id: RUN_ID,
    family: FAMILY,
    state: 'completed',
    error: null,
    startedAt: '2026-12-03T13:45:12.123Z',
    finishedAt: '2026-12-03T13:47:00.000Z',
    app: 'Modelwright 0.1.0',
    ollama: { host: 'http://127.0.0.1:11434', version: '0.12.6' },
    promptSet: { path: 'evals/bot.yaml', sha256: 'f'.repeat(64) },
    options: { temperature: 0, seed: 42, think: false },
    cases,
    models: [V1, V2].map((name, i) => ({ name, role: 'version' as const, version: i + 1, digest: null, modelfile: null, builtFromSha256: null, modelfileSha256: null })),
    judge: null,
    rerunOf: null,
    results: [
      result('greet', V1, false),
      result('refund', V1, true),
      result('hours', V1, true),
      result('greet', V2, true, { grade: { judge: 'judge-model', score: 4, pass: true, reason: 'Warm and brief.', error: null } }),
      result('refund', V2, false),
      result('hours', V2, true),
    ],
    ...fields,
  };
}

export function summary(run: RunRecord): RunSummary {
  return {
    id: run.id,
    family: run.family,
    state: run.state,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    ollamaVersion: run.ollama.version,
    rerunOf: run.rerunOf,
    caseCount: run.cases.length,
    models: run.models.map((m) => ({
      name: m.name,
      passed: run.results.filter((r) => r.model === m.name && r.passed).length,
      failed: run.results.filter((r) => r.model === m.name && !r.passed).length,
    })),
  };
}

export const SET_TEXT = 'family: bot\ncases:\n  - id: greet\n    prompt: Say hello.\n';

export function setFile(fields: Partial<PromptSetFile> = {}): PromptSetFile {
  return {
    family: FAMILY,
    path: 'evals/bot.yaml',
    text: SET_TEXT,
    sha256: 'a'.repeat(64),
    set: promptSetSchema.parse({
      family: FAMILY,
      cases: [
        { id: 'greet', prompt: 'Say hello.' },
        { id: 'refund', prompt: 'Where is my refund?' },
        { id: 'hours', prompt: 'When are you open?' },
      ],
    }),
    problems: [],
    ...fields,
  };
}

/** The Evaluate page of `bot` with the runs given, with a client answering the eval calls. */
export function renderEvaluate(handlers: Handlers = {}, state: Partial<AppState> = {}, runs: RunRecord[] = [runRecord()]) {
  // Answers what the app asks at start too, so a test may call init() to hear the client's events.
  const client = readyClient(familyModels, {
    'evals.readSet': () => setFile(),
    'evals.runs': () => runs.map(summary),
    'evals.readRun': ({ runId }) => {
      const found = runs.find((r) => r.id === runId);
      if (!found) throw new Error('no such run');
      return found;
    },
    'evals.sets': () => [],
    ...handlers,
  });
  return renderWithStore(<EvaluatePage />, { snapshot: snapshot(familyModels), page: 'evals', evalView: { family: FAMILY, runId: null }, ...state }, client);
}
