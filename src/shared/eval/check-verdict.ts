import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import { findJsonSyntaxError } from '../json-position';
import { JSON_SCHEMA_DRAFT, jsonSchemaProblem } from './json-schema-usable';
import { compileRegex } from './regex-compile';
import { type Check, CHECK_KINDS, type CheckKind } from './prompt-set';
import type { CheckVerdict } from './run-record';

/** The deterministic checks of a case, judged on one answer, each with its reason in words. */

export interface Answer {
  output: string;
  /** Ollama's eval_count; null when it did not say. */
  outputTokens: number | null;
  totalMs: number;
  /** The model gave no answer (Ollama failed): every check fails. */
  failed: boolean;
  /**
   * `matches` patterns already run on this output elsewhere (main runs them in a worker with a time
   * limit, see `regexKey`); a pattern not in here is run inline.
   */
  regexOutcomes?: ReadonlyMap<string, RegexOutcome>;
}

/** A pattern's result on an output, run somewhere that can stop it. */
export type RegexOutcome =
  | { kind: 'done'; match: { index: number; text: string } | null }
  | { kind: 'invalid'; problem: string }
  | { kind: 'timed-out'; limitMs: number };

export function regexKey(pattern: string, flags: string): string {
  return `${flags}/${pattern}`;
}

export function checkKind(check: Check): CheckKind {
  const kind = CHECK_KINDS.find((k) => k in check);
  if (kind === undefined) throw new Error('not a check');
  return kind;
}

export function checkLabel(check: Check): string {
  if ('contains' in check) return `contains ${quote(check.contains)}${check.ignore_case ? ' (any case)' : ''}`;
  if ('not_contains' in check) return `does not contain ${quote(check.not_contains)}${check.ignore_case ? ' (any case)' : ''}`;
  if ('matches' in check) return `matches /${check.matches}/${check.flags ?? ''}`;
  if ('valid_json' in check) return 'valid JSON';
  if ('json_schema' in check) return 'matches the JSON schema';
  if ('max_tokens' in check) return `at most ${check.max_tokens} ${check.max_tokens === 1 ? 'token' : 'tokens'}`;
  return `answered within ${check.max_seconds} s`;
}

export function judgeChecks(checks: readonly Check[], answer: Answer): CheckVerdict[] {
  return checks.map((check) => {
    const kind = checkKind(check);
    const label = checkLabel(check);
    if (answer.failed) return { kind, label, passed: false, detail: 'no answer' };
    const { passed, detail } = judge(check, answer);
    return { kind, label, passed, detail };
  });
}

interface Judgement {
  passed: boolean;
  detail: string | null;
}

function judge(check: Check, answer: Answer): Judgement {
  const { output } = answer;
  if ('contains' in check) {
    const at = find(output, check.contains, check.ignore_case === true);
    return at === null ? { passed: false, detail: 'not found' } : { passed: true, detail: `found at character ${at + 1}` };
  }
  if ('not_contains' in check) {
    const at = find(output, check.not_contains, check.ignore_case === true);
    return at === null ? { passed: true, detail: null } : { passed: false, detail: `found ${quote(output.slice(at, at + check.not_contains.length))} at character ${at + 1}` };
  }
  if ('matches' in check) {
    const flags = check.flags ?? '';
    const outcome = answer.regexOutcomes?.get(regexKey(check.matches, flags));
    return outcome ? judgeRegexOutcome(outcome) : judgeMatch(output, check.matches, flags);
  }
  if ('valid_json' in check) {
    const json = readJson(output);
    return json.ok ? { passed: true, detail: json.fenced ? 'JSON inside a ``` fence' : null } : { passed: false, detail: json.detail };
  }
  if ('json_schema' in check) return judgeSchema(output, check.json_schema);
  if ('max_tokens' in check) {
    if (answer.outputTokens === null) return { passed: false, detail: 'the token count is unknown (Ollama did not report it)' };
    return { passed: answer.outputTokens <= check.max_tokens, detail: `used ${answer.outputTokens} ${answer.outputTokens === 1 ? 'token' : 'tokens'}` };
  }
  const seconds = answer.totalMs / 1000;
  return { passed: seconds <= check.max_seconds, detail: `took ${seconds.toFixed(1)} s` };
}

/** The offset of the first occurrence, or null. Ignoring case goes through a regex so offsets stay those of the output. */
function find(output: string, needle: string, ignoreCase: boolean): number | null {
  if (!ignoreCase) {
    const at = output.indexOf(needle);
    return at < 0 ? null : at;
  }
  const match = new RegExp(needle.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'), 'iu').exec(output);
  return match ? match.index : null;
}

function judgeMatch(output: string, pattern: string, flags: string): Judgement {
  const { regex, problem } = compileRegex(pattern, flags);
  if (!regex) return { passed: false, detail: `the pattern ${problem}` };
  const match = regex.exec(output);
  return match ? { passed: true, detail: `matched ${quote(match[0])} at character ${match.index + 1}` } : { passed: false, detail: 'no match' };
}

function judgeRegexOutcome(outcome: RegexOutcome): Judgement {
  if (outcome.kind === 'invalid') return { passed: false, detail: `the pattern is not a valid regular expression: ${outcome.problem}` };
  if (outcome.kind === 'timed-out') {
    const seconds = outcome.limitMs / 1000;
    return {
      passed: false,
      detail: `the pattern was stopped after ${seconds} s without finishing on this answer: it backtracks too much (nested repeats such as (a+)+ do). Simplify it`,
    };
  }
  const { match } = outcome;
  return match ? { passed: true, detail: `matched ${quote(match.text)} at character ${match.index + 1}` } : { passed: false, detail: 'no match' };
}

function judgeSchema(output: string, schema: Record<string, unknown>): Judgement {
  const json = readJson(output);
  if (!json.ok) return { passed: false, detail: json.detail };
  const problem = jsonSchemaProblem(schema);
  if (problem) return { passed: false, detail: `the schema cannot be used: ${problem}` };
  try {
    const result = new Validator(schema as Schema, JSON_SCHEMA_DRAFT, false).validate(json.value);
    if (result.valid) return { passed: true, detail: json.fenced ? 'JSON inside a ``` fence' : null };
    return { passed: false, detail: schemaError(result.errors) };
  } catch (error) {
    return { passed: false, detail: `the schema cannot be used: ${message(error)}` };
  }
}

/**
 * The most telling schema error: the deepest one, since the validator also reports every parent
 * that failed because of it ("Property "name" does not match schema").
 */
function schemaError(errors: readonly OutputUnit[]): string {
  const summaries = new Set(['properties', 'items', 'prefixItems', 'allOf', 'additionalProperties', 'unevaluatedProperties', 'dependentSchemas', '$ref']);
  const specific = errors.filter((e) => !summaries.has(e.keyword));
  const pool = specific.length > 0 ? specific : errors;
  const depth = (e: OutputUnit) => e.instanceLocation.split('/').length;
  const best = pool.reduce((a, b) => (depth(b) > depth(a) ? b : a), pool[0] as OutputUnit);
  if (!best) return 'does not match the schema';
  return `${jsonPath(best.instanceLocation)}: ${schemaWords(best)}`;
}

function schemaWords(unit: OutputUnit): string {
  const type = /^Instance type "(\w+)" is invalid\. Expected "(.+)"\.$/.exec(unit.error);
  if (type) return `expected ${type[2]?.replace(/", "/g, ' or ')}, found ${type[1]}`;
  const required = /^Instance does not have required property "(.*)"\.$/.exec(unit.error);
  if (required) return `missing the property "${required[1]}"`;
  if (unit.keyword === 'false') return 'is not allowed here';
  return unit.error.replace(/^Instance /, '').replace(/\.$/, '');
}

/** `#/tags/1` → `$.tags[1]`. */
function jsonPath(location: string): string {
  let path = '$';
  for (const raw of location.replace(/^#\/?/, '').split('/')) {
    if (raw === '') continue;
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(part) ? `[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`;
  }
  return path;
}

type JsonRead = { ok: true; value: unknown; fenced: boolean } | { ok: false; detail: string };

/**
 * The output as JSON. Decision: an output that is exactly one fenced block (```json … ``` or
 * ``` … ```), give or take surrounding whitespace, counts as its content. Models wrap JSON in
 * fences even when told not to; the checks ask whether the answer IS the data, not how it was
 * typeset. The pass detail says when a fence was taken off, so a user who needs bare JSON sees
 * it. Anything else around the JSON (prose, a second block) fails.
 */
export function readJson(output: string): JsonRead {
  const fence = /^\s*```[A-Za-z0-9_-]*[ \t]*\r?\n([\s\S]*?)\r?\n?```\s*$/.exec(output);
  const text = fence ? (fence[1] ?? '') : output;
  if (text.trim() === '') return { ok: false, detail: output.trim() === '' ? 'is empty, not JSON' : 'the fenced block is empty, not JSON' };
  try {
    return { ok: true, value: JSON.parse(text), fenced: fence !== null };
  } catch (error) {
    const problem = findJsonSyntaxError(text);
    const where = problem ? `${problem.message} (line ${problem.line}, column ${problem.column})` : message(error);
    return { ok: false, detail: `is not JSON: ${where}` };
  }
}

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
