import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { PromptSetProblem } from './eval-calls';
import { jsonSchemaProblem } from './json-schema-usable';
import { compileRegex } from './regex-compile';
import { type PromptSet, promptSetSchema } from './prompt-set';
import { issueWords, pathText, valueAt, type IssueWords, type Path } from './prompt-set-issues';

/**
 * A prompt-set file's text → the set, or every problem with its 1-based line and column, so the
 * editor can underline it and the user can fix it. Never throws: whatever the text, the answer is
 * a set or problems.
 */

export const PROMPT_SET_MAX_BYTES = 8 * 1024 * 1024;
/** A prompt set has little use for aliases; a few are fine, an expansion bomb is not. */
const MAX_ALIAS_COUNT = 20;
const MAX_ALIAS_NODES = 100;
/** Beyond this many, more problems help nobody: fix these first. */
const MAX_PROBLEMS = 100;
const MAX_YAML_ERRORS = 10;
const TOO_DEEP = 'values nest too deeply here (lists or maps inside one another); a prompt set needs only a few levels';

export interface PromptSetParse {
  set: PromptSet | null;
  problems: PromptSetProblem[];
}

export function parsePromptSet(text: string): PromptSetParse {
  try {
    return parse(text);
  } catch (error) {
    // A safety net: nothing above should throw, but a file must never crash the app.
    if (error instanceof RangeError) return { set: null, problems: [whole(TOO_DEEP)] };
    return { set: null, problems: [whole(`the file could not be read: ${error instanceof Error ? error.message : String(error)}`)] };
  }
}

function parse(text: string): PromptSetParse {
  if (tooBig(text)) {
    return { set: null, problems: [whole(`the file is larger than ${PROMPT_SET_MAX_BYTES / 1024 / 1024} MiB; keep fewer or shorter cases in it`)] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const at = (offset: number): { line: number; column: number } => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };

  const yamlErrors = [...doc.errors, ...doc.warnings];
  if (yamlErrors.length > 0) {
    const problems = yamlErrors.slice(0, MAX_YAML_ERRORS).map((e) => ({ message: yamlWords(e, text), path: '', ...at(e.pos[0]) }));
    // Running out of stack is reported once per level it unwinds: once is enough.
    const deep = problems.find((p) => p.message === TOO_DEEP);
    const rest = problems.filter((p) => p.message !== TOO_DEEP);
    return { set: null, problems: deep ? [deep, ...rest] : rest };
  }

  const aliases = aliasProblem(doc);
  if (aliases !== null) return { set: null, problems: [{ message: aliases.message, path: '', ...at(aliases.offset) }] };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const offset = firstAlias(doc) ?? 0;
    const why = error instanceof ReferenceError ? 'the file expands its aliases (*name) into too much text' : `the file could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return { set: null, problems: [{ message: `${why}; write the values out instead`, path: '', ...at(offset) }] };
  }
  if (value === null || value === undefined) {
    return { set: null, problems: [whole('the file is empty; a prompt set needs "family" and a list of "cases" (start from the template)')] };
  }

  const located = (words: IssueWords): PromptSetProblem => {
    const label = pathText(words.path);
    return { message: label ? `${label}: ${words.message}` : words.message, path: label, ...at(offsetOf(doc, words.path, words.key)) };
  };
  const words: IssueWords[] = [];
  const result = promptSetSchema.safeParse(value);
  // Wording an issue costs more than finding it: word a few past the limit, count the rest.
  const issues = result.success ? [] : result.error.issues;
  for (const issue of issues.slice(0, MAX_PROBLEMS * 2)) words.push(...issueWords(issue, value));
  words.push(...checkContents(value));
  const unworded = Math.max(0, issues.length - MAX_PROBLEMS * 2);

  const problems = dedupe(words.map(located)).sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  if (problems.length > MAX_PROBLEMS || unworded > 0) {
    const more = problems.length - Math.min(problems.length, MAX_PROBLEMS) + unworded;
    problems.length = Math.min(problems.length, MAX_PROBLEMS);
    problems.push(whole(`and ${more} more ${more === 1 ? 'problem' : 'problems'}; fix these first`));
  }
  return { set: problems.length === 0 && result.success ? result.data : null, problems };
}

/** What zod cannot see: regular expressions that do not compile and schemas that cannot be used. */
function checkContents(root: unknown): IssueWords[] {
  const words: IssueWords[] = [];
  const cases = valueAt(root, ['cases']);
  if (!Array.isArray(cases)) return words;
  cases.forEach((c: unknown, i) => {
    const checks = valueAt(c, ['checks']);
    if (!Array.isArray(checks)) return;
    checks.forEach((check: unknown, j) => {
      const path: Path = ['cases', i, 'checks', j];
      const pattern = valueAt(check, ['matches']);
      if (typeof pattern === 'string') {
        const flags = valueAt(check, ['flags']);
        const { problem } = compileRegex(pattern, typeof flags === 'string' && /^[imsu]*$/.test(flags) ? flags : '');
        if (problem) words.push({ path: [...path, 'matches'], message: problem });
      }
      const schema = valueAt(check, ['json_schema']);
      if (typeof schema === 'object' && schema !== null && !Array.isArray(schema)) {
        const problem = jsonSchemaProblem(schema);
        if (problem) words.push({ path: [...path, 'json_schema'], message: `is not a usable JSON schema: ${problem}` });
      }
    });
  });
  return words;
}

/** Where the node at `path` (or its key `key`) starts; the nearest existing ancestor when it is missing. */
function offsetOf(doc: Document, path: Path, key?: string): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const part of path) {
    const next: unknown = isMap(node) || isSeq(node) ? node.get(part, true) : undefined;
    const start = rangeStart(next);
    if (start === undefined) return offset;
    node = next;
    offset = start;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    const start = rangeStart(pair?.key);
    if (start !== undefined) return start;
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range = (node as { range?: [number, number, number] }).range;
  return range?.[0];
}

/**
 * Aliases that would hurt: one inside the value it names (toJS would build a circular value), or
 * more than a set has use for (each alias makes the parser look its anchor up, so thousands of
 * them cost seconds). One pass, anchors recorded as they are met: YAML defines them before use.
 */
function aliasProblem(doc: Document): { offset: number; message: string } | null {
  const anchors = new Map<string, unknown>();
  let count = 0;
  let problem: { offset: number; message: string } | null = null;
  visit(doc, {
    Node(_, node, path) {
      if (!isAlias(node)) {
        if (node.anchor) anchors.set(node.anchor, node);
        return undefined;
      }
      const offset = node.range?.[0] ?? 0;
      if (++count > MAX_ALIAS_NODES) {
        problem = { offset, message: `the file uses more than ${MAX_ALIAS_NODES} aliases (*name); write the values out instead` };
        return visit.BREAK;
      }
      if (path.includes(anchors.get(node.source) as never)) {
        problem = { offset, message: 'an alias (*name) refers to a value that contains it; write the value out instead' };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return problem;
}

function firstAlias(doc: Document): number | null {
  let found: number | null = null;
  visit(doc, {
    Alias(_, node) {
      found = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return found;
}

function yamlWords(error: YAMLError, text: string): string {
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return `the key ${keyAt(text, error.pos[0])} appears twice in one map; keep one`;
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (a second "---"); a prompt set is a single document';
    case 'TAB_AS_INDENT':
      return 'a tab indents this line; YAML needs spaces for indentation';
    default:
      // The parser reports running out of stack as an error of its own.
      if (/call stack/i.test(error.message)) return TOO_DEEP;
      return `not valid YAML: ${error.message}`;
  }
}

/** The key written at `offset` (the error marks only its first character), quoted for a message. */
function keyAt(text: string, offset: number): string {
  const line = text.slice(offset, offset + 200).split(/\r?\n/)[0] ?? '';
  const key = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:]*?)\s*:(?:\s|$)/.exec(line)?.[1] ?? line;
  return /^["']/.test(key) ? key : JSON.stringify(key);
}

function tooBig(text: string): boolean {
  if (text.length > PROMPT_SET_MAX_BYTES) return true;
  // A UTF-16 unit is at most 3 UTF-8 bytes: only count bytes when it could matter.
  return text.length * 3 > PROMPT_SET_MAX_BYTES && new TextEncoder().encode(text).length > PROMPT_SET_MAX_BYTES;
}

function whole(message: string): PromptSetProblem {
  return { message, path: '', line: 1, column: 1 };
}

function dedupe(problems: PromptSetProblem[]): PromptSetProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
