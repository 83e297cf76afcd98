import fs from 'node:fs';
import type { Conversation } from '../../shared/chat';
import type { Handlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { StartEvalInput } from '../../shared/eval/eval-calls';
import { setOptions } from '../../shared/eval/case-request';
import { RUN_FORMAT, type RunRecord } from '../../shared/eval/run-record';
import { modelNameProblem } from '../../shared/model-name';
import type { EventBus } from '../events';
import type { JobManager } from '../jobs/job-manager';
import type { OllamaLink } from '../ollama/ollama-link';
import type { OllamaGateway } from '../ollama/types';
import type { WorkspaceSession } from '../services/workspace-session';
import { evalJobRunner } from './eval-job';
import { evalsPath } from './evals-folder';
import { listPromptSets, newPromptSet, readPromptSet, savePromptSet } from './prompt-set-files';
import { gatherProvenance } from './provenance';
import { listRuns, newRunId, readRun, runFilePath, RunWriter } from './run-store';

/**
 * The contract's `evals.*` calls. Prompt sets and runs are files in the workspace; a run is a job
 * of kind `eval` (progress and cancel through the jobs panel), and its file is on disk, state
 * `running`, before `evals.start` answers.
 */

export type EvalHandlers = Pick<Handlers, 'evals.sets' | 'evals.readSet' | 'evals.saveSet' | 'evals.newSet' | 'evals.start' | 'evals.runs' | 'evals.readRun'>;

export interface EvalHandlerDeps {
  session: () => WorkspaceSession;
  gateway: () => OllamaGateway;
  link: () => OllamaLink;
  jobs: JobManager;
  bus: EventBus;
  /** A saved chat conversation (to draw cases from); not_found when there is none. */
  conversation: (id: string) => Promise<Conversation>;
  appVersion: string;
  /** A model's capabilities on the primary (null: unknown), to keep `think` from models that cannot think. */
  capabilities?: (model: string) => Promise<string[] | null>;
  log?: (line: string) => void;
}

function invalid(message: string, path: string, why: string): AppError {
  return new AppError('validation', message, [{ path, message: why }]);
}

function checkModels(input: StartEvalInput): void {
  input.models.forEach((model, index) => {
    const problem = modelNameProblem(model);
    if (problem) throw invalid(`Invalid model name "${model}": ${problem}`, `models[${index}]`, problem);
  });
  if (typeof input.judge === 'string') {
    const problem = modelNameProblem(input.judge);
    if (problem) throw invalid(`Invalid judge model name "${input.judge}": ${problem}`, 'judge', problem);
  }
}

export async function startEval(deps: EvalHandlerDeps, input: StartEvalInput): Promise<{ jobId: string; runId: string }> {
  checkModels(input);
  const ws = deps.session().dir;
  const file = readPromptSet(ws, input.family);
  const set = file.set;
  if (!set) {
    const first = file.problems[0];
    const where = first?.line ? ` (line ${first.line}: ${first.message})` : first ? ` (${first.message})` : '';
    throw invalid(`${file.path} has ${file.problems.length} problem(s)${where}; fix the prompt set before running it.`, 'family', 'the prompt set has problems');
  }
  let cases = set.cases;
  if (input.caseIds) {
    const known = new Set(set.cases.map((c) => c.id.toLowerCase()));
    const unknown = input.caseIds.filter((id) => !known.has(id.toLowerCase()));
    if (unknown.length > 0) throw invalid(`${file.path} has no case ${unknown.map((id) => `"${id}"`).join(', ')}; it may have been renamed or removed.`, 'caseIds', 'names cases the set does not have');
    const chosen = new Set(input.caseIds.map((id) => id.toLowerCase()));
    cases = set.cases.filter((c) => chosen.has(c.id.toLowerCase()));
  }
  const rerunOf = input.rerunOf ?? null;
  if (rerunOf !== null && !fs.existsSync(evalsPath(ws, runFilePath(input.family, rerunOf)))) {
    throw invalid(`There is no run ${rerunOf} of "${input.family}" to re-run.`, 'rerunOf', 'names no saved run');
  }
  const gateway = deps.gateway();
  const judgeName = input.judge === undefined ? (set.judge ?? null) : input.judge;
  const provenance = await gatherProvenance(gateway, {
    workspaceDir: ws,
    registry: deps.session().store.get().registry,
    family: input.family,
    models: input.models,
    judge: judgeName,
  });

  const started = new Date();
  const record: RunRecord = {
    format: RUN_FORMAT,
    id: newRunId(started),
    family: input.family,
    state: 'running',
    error: null,
    startedAt: started.toISOString(),
    finishedAt: null,
    app: `Modelwright ${deps.appVersion}`,
    ollama: { host: gateway.host, version: provenance.ollamaVersion },
    promptSet: { path: file.path, sha256: file.sha256 },
    options: setOptions(set),
    cases: cases.map((c) => ({ id: c.id, title: c.title ?? null, prompt: c.prompt, rubric: c.rubric ?? null })),
    models: provenance.models,
    judge: provenance.judge,
    rerunOf,
    results: [],
  };
  const writer = RunWriter.create(ws, record);
  const lookup = deps.capabilities;
  const run = evalJobRunner({ link: deps.link(), bus: deps.bus, set, cases, record, writer, ...(lookup ? { capabilities: (model: string) => lookup(model) } : {}) });
  const { job } = deps.jobs.start({ kind: 'eval', target: input.family, key: `eval:${record.id}`, run });
  return { jobId: job.id, runId: record.id };
}

export function evalHandlers(deps: EvalHandlerDeps): EvalHandlers {
  const ws = (): string => deps.session().dir;
  return {
    'evals.sets': async () => listPromptSets(ws()),
    'evals.readSet': async ({ family }) => readPromptSet(ws(), family),
    'evals.saveSet': async ({ family, text, baseSha256 }) => savePromptSet(ws(), family, text, baseSha256),
    'evals.newSet': async ({ family, from }) => {
      if (from.kind === 'template') return newPromptSet(ws(), family, { kind: 'template' });
      const conversations = await Promise.all(from.conversationIds.map((id) => deps.conversation(id)));
      return newPromptSet(ws(), family, { kind: 'conversations', conversations });
    },
    'evals.start': (input) => startEval(deps, input),
    'evals.runs': async ({ family }) => listRuns(ws(), family, deps.log),
    'evals.readRun': async ({ family, runId }) => readRun(ws(), family, runId),
  };
}
