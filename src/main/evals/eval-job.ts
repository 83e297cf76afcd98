import { AppError, toAppError } from '../../shared/errors';
import { caseRequest } from '../../shared/eval/case-request';
import { judgeChecks, regexKey, type RegexOutcome } from '../../shared/eval/check-verdict';
import { judgeRequest, JUDGE_OPTIONS, parseGrade } from '../../shared/eval/judge-prompt';
import type { PromptCase, PromptSet } from '../../shared/eval/prompt-set';
import type { Grade, RunModel, RunRecord, RunResult } from '../../shared/eval/run-record';
import type { EventBus } from '../events';
import { isClosing, type JobRunContext, type JobRunner } from '../jobs/job-manager';
import { ProgressCoalescer } from '../jobs/progress-coalescer';
import type { OllamaLink } from '../ollama/ollama-link';
import { asksToThink, gateThink } from '../../shared/think';
import { evalChat } from './eval-chat';
import { RegexSandbox } from './regex-sandbox';
import type { RunWriter } from './run-store';

/**
 * An evaluation run as a job (kind `eval`): every case against each model in the order given, one
 * request at a time, each result checked, saved and announced as it comes. A case Ollama fails
 * (an unknown option, a model that cannot think) is recorded with its error and the run goes on;
 * Ollama gone, a cancel or a file that cannot be saved ends the run, keeping what finished.
 */

/** `evals.runChanged` at most about four times a second per run (the final state always sent). */
const RUN_EVENT_INTERVAL_MS = 250;

const CLOSED_REASON = 'The app was closed during this run; the results it finished are kept.';

export interface EvalJobDeps {
  link: OllamaLink;
  bus: EventBus;
  set: PromptSet;
  /** The cases to run, in the set's order (all, or the chosen ones). */
  cases: readonly PromptCase[];
  /** The run as saved so far; results are added to it as they come. */
  record: RunRecord;
  writer: RunWriter;
  now?: () => Date;
  /** Where `matches` patterns run; one per run by default (a worker with a time limit). */
  regex?: RegexSandbox;
  /** A model's capabilities (null: unknown). A case that asks a model without `thinking` to think is not sent. */
  capabilities?: (model: string) => Promise<readonly string[] | null>;
}

/** Each distinct `matches` pattern of the case, run on the output where a runaway one can be stopped. */
async function regexOutcomes(sandbox: RegexSandbox, promptCase: PromptCase, output: string): Promise<Map<string, RegexOutcome>> {
  const outcomes = new Map<string, RegexOutcome>();
  for (const check of promptCase.checks) {
    if (!('matches' in check)) continue;
    const flags = check.flags ?? '';
    const key = regexKey(check.matches, flags);
    if (!outcomes.has(key)) outcomes.set(key, await sandbox.exec(check.matches, flags, output));
  }
  return outcomes;
}

/** Errors that say nothing more can be answered: Ollama is gone, or the run was stopped. */
function endsTheRun(error: AppError, signal: AbortSignal): boolean {
  return signal.aborted || error.kind === 'cancelled' || error.kind === 'offline';
}

async function gradeAnswer(deps: EvalJobDeps, ctx: JobRunContext, judge: string, promptCase: PromptCase, output: string): Promise<Grade> {
  if (!promptCase.rubric) throw new Error('unreachable: no rubric');
  const { messages, format } = judgeRequest({ rubric: promptCase.rubric, prompt: promptCase.prompt, output });
  try {
    const answer = await evalChat(deps.link, { model: judge, request: { messages, options: { ...JUDGE_OPTIONS }, think: false }, format }, ctx.signal, ctx.waiting);
    return parseGrade(answer.output, judge);
  } catch (error) {
    const appError = toAppError(error);
    if (endsTheRun(appError, ctx.signal)) throw appError;
    return { judge, score: null, pass: null, reason: '', error: appError.message };
  }
}

/** The case's error when it asks a model that cannot think to think: such a request is never sent. */
async function thinkRefusal(deps: EvalJobDeps, model: string, think: RunResult['request']['think']): Promise<RunResult['error']> {
  if (!asksToThink(think)) return null;
  const gate = gateThink(think, (await deps.capabilities?.(model)) ?? null);
  if (!gate.refused) return null;
  return {
    kind: 'validation',
    message: `${model} cannot think (Ollama lists no "thinking" capability for it), so this case, which asks for think: ${String(think)}, was not sent. Set think: false for it, or evaluate a thinking model.`,
  };
}

async function runCase(deps: EvalJobDeps, ctx: JobRunContext, promptCase: PromptCase, model: RunModel, sandbox: RegexSandbox): Promise<RunResult> {
  const now = deps.now ?? (() => new Date());
  const request = caseRequest(deps.set, promptCase);
  const started = performance.now();
  let answer: Awaited<ReturnType<typeof evalChat>> | null = null;
  let error: RunResult['error'] = await thinkRefusal(deps, model.name, request.think);
  try {
    if (error === null) answer = await evalChat(deps.link, { model: model.name, request }, ctx.signal, ctx.waiting);
  } catch (thrown) {
    const appError = toAppError(thrown);
    if (endsTheRun(appError, ctx.signal)) throw appError;
    error = { kind: appError.kind, message: appError.message };
  }
  const totalMs = answer?.totalMs ?? performance.now() - started;
  const output = answer?.output ?? '';
  const outcomes = answer === null ? undefined : await regexOutcomes(sandbox, promptCase, output);
  const checks = judgeChecks(promptCase.checks, { output, outputTokens: answer?.outputTokens ?? null, totalMs, failed: answer === null, regexOutcomes: outcomes });
  const judge = deps.record.judge?.name ?? null;
  const grade = judge !== null && promptCase.rubric && answer ? await gradeAnswer(deps, ctx, judge, promptCase, output) : null;
  return {
    caseId: promptCase.id,
    model: model.name,
    request,
    output,
    thinking: answer?.thinking ?? null,
    error,
    doneReason: answer?.doneReason ?? null,
    promptTokens: answer?.promptTokens ?? null,
    outputTokens: answer?.outputTokens ?? null,
    timeToFirstTokenMs: answer?.timeToFirstTokenMs ?? null,
    tokensPerSecond: answer?.tokensPerSecond ?? null,
    totalMs,
    checks,
    // The judge's grade never decides this: only the deterministic checks do.
    passed: error === null && checks.every((check) => check.passed),
    grade,
    finishedAt: now().toISOString(),
  };
}

export function evalJobRunner(deps: EvalJobDeps): JobRunner {
  const { record, writer, bus, cases } = deps;
  const now = deps.now ?? (() => new Date());
  const total = cases.length * record.models.length;
  return async (ctx) => {
    const announce = new ProgressCoalescer(
      () => bus.emit('evals.runChanged', { family: record.family, runId: record.id, state: record.state, done: record.results.length, total }),
      RUN_EVENT_INTERVAL_MS,
    );
    announce.mark();
    const sandbox = deps.regex ?? new RegexSandbox();
    if (cases.some((c) => c.checks.some((check) => 'matches' in check))) sandbox.warm();
    try {
      for (const model of record.models) {
        ctx.report({ status: `Evaluating ${model.name}` });
        for (const [index, promptCase] of cases.entries()) {
          if (ctx.signal.aborted) throw new AppError('cancelled', 'Cancelled');
          ctx.progress(`case ${index + 1} of ${cases.length} · ${model.name}`, record.results.length, total);
          record.results.push(await runCase(deps, ctx, promptCase, model, sandbox));
          writer.changed();
          writer.throwIfFailed();
          announce.mark();
        }
      }
      ctx.progress(`${total} of ${total} done`, total, total);
      record.state = 'completed';
    } catch (error) {
      const appError = toAppError(error);
      const closing = isClosing(ctx.signal);
      record.state = closing ? 'interrupted' : ctx.signal.aborted ? 'cancelled' : 'failed';
      record.error = closing ? CLOSED_REASON : ctx.signal.aborted ? null : appError.message;
      throw appError;
    } finally {
      if (!deps.regex) sandbox.close();
      record.finishedAt = now().toISOString();
      try {
        await writer.finish();
      } finally {
        announce.flush(true);
        announce.dispose();
      }
    }
  };
}
