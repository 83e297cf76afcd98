import type { z } from 'zod';
import { closestName } from '../modelfile/closest-name';
import { caseOptionsSchema, checkSchema, CHECK_KINDS, promptCaseSchema, promptSetSchema, turnSchema } from './prompt-set';

/**
 * zod's issues on a prompt set, in words a person can act on, each with the path of the value it
 * is about. `key` names a key of that map the problem is about (an unknown key), so the position
 * points at the key itself.
 */

export type Path = readonly (string | number)[];
export interface IssueWords {
  path: Path;
  message: string;
  key?: string;
}

const KEY_HINTS: Record<string, string> = {
  family: 'the model family the set tests',
  cases: 'a list of cases',
  id: 'a short name for the case',
  prompt: "the user's message",
  role: 'user or assistant',
  content: 'the text of the turn',
};

const MODIFIERS = new Set(['ignore_case', 'flags']);

export function issueWords(issue: z.core.$ZodIssue, root: unknown): IssueWords[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const value = valueAt(root, path);
  // zod's union picks its own member for a broken check; judge the check by the kind it names instead.
  const checkPath = path.slice(0, 4);
  if (isCheckPath(checkPath) && (path.length > 4 || issue.code === 'unrecognized_keys' || issue.code === 'invalid_union')) {
    return checkItemWords(checkPath, valueAt(root, checkPath), root);
  }
  return plainWords(issue, path, value);
}

function plainWords(issue: z.core.$ZodIssue, path: Path, value: unknown): IssueWords[] {
  switch (issue.code) {
    case 'invalid_union':
      if (path.at(-1) === 'think') return [{ path, message: 'must be true, false, low, medium, high or max' }];
      return [{ path, message: `is not valid here (found ${describe(value)})` }];
    case 'unrecognized_keys': {
      const allowed = allowedKeys(path, value);
      return issue.keys.map((key) => ({ path, key, message: unknownKey(key, allowed, 'key') }));
    }
    case 'invalid_type': {
      if (value === undefined && path.length > 0) {
        const key = String(path.at(-1));
        const hint = KEY_HINTS[key];
        return [{ path, message: `is missing${hint ? ` (${hint})` : ''}; add it` }];
      }
      if (path.length === 0) return [{ path, message: `the file must be a map with "family" and "cases", not ${describe(value)}` }];
      return [{ path, message: `must be ${expectedWords(issue.expected)}, not ${describe(value)}` }];
    }
    case 'too_small':
    case 'too_big':
      return [{ path, message: isZodDefault(issue.message) ? sizeWords(issue) : issue.message }];
    case 'invalid_value':
      return [{ path, message: `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, not ${JSON.stringify(value) ?? 'empty'}` }];
    default:
      return [{ path, message: issue.message }];
  }
}

/** `cases[2].checks[0].matches`. */
export function pathText(path: Path): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) text += text === '' ? part : `.${part}`;
    else text += `[${JSON.stringify(part)}]`;
  }
  return text;
}

export function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const part of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

function isCheckPath(path: Path): boolean {
  return path.length === 4 && path[0] === 'cases' && path[2] === 'checks' && typeof path[3] === 'number';
}

const KIND_LIST = CHECK_KINDS.join(', ');

/** A check that fits no kind: say which kind it looks like and what is wrong with it as that kind. */
function checkItemWords(path: Path, item: unknown, root: unknown): IssueWords[] {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return [{ path, message: `must be a check such as "contains: hello" (found ${describe(item)}); use one of ${KIND_LIST}` }];
  }
  const keys = Object.keys(item);
  const kinds = keys.filter((k) => (CHECK_KINDS as readonly string[]).includes(k));
  if (kinds.length > 1) {
    return [{ path, message: `holds ${kinds.length} checks (${kinds.join(', ')}); split them, one list item ("- ${kinds[0]}: …") per check` }];
  }
  if (kinds.length === 0) {
    const unknown = keys.find((k) => !MODIFIERS.has(k));
    if (unknown === undefined) return [{ path, message: `names no check; use one of ${KIND_LIST}` }];
    return [{ path, key: unknown, message: unknownKey(unknown, CHECK_KINDS, 'check') }];
  }
  const kind = kinds[0] ?? '';
  const member = checkMember(kind);
  const result = member?.safeParse(item);
  if (!member || !result || result.success) return [{ path, message: `is not a valid ${kind} check` }];
  return result.error.issues.flatMap((inner) => {
    const innerPath = [...path, ...inner.path.filter((p): p is string | number => typeof p !== 'symbol')];
    if (inner.code === 'unrecognized_keys') {
      const allowed = Object.keys(member.shape);
      return inner.keys.map((key) => ({ path: innerPath, key, message: unknownKey(key, allowed, 'key', ` in a ${kind} check`) }));
    }
    if (inner.code === 'invalid_value' && kind === 'valid_json') {
      return [{ path: innerPath, message: 'must be true (leave the check out to skip it)' }];
    }
    return plainWords({ ...inner, path: innerPath }, innerPath, valueAt(root, innerPath));
  });
}

function unknownKey(key: string, allowed: readonly string[], what: string, where = ''): string {
  const near = closestName(key, allowed);
  return `unknown ${what} ${JSON.stringify(key)}${where}${near ? ` (did you mean "${near}"?)` : ''}; use one of ${allowed.join(', ')}`;
}

function checkMember(kind: string) {
  return checkSchema.options.find((option) => kind in option.shape);
}

function allowedKeys(path: Path, value: unknown): readonly string[] {
  if (path.length === 0) return Object.keys(promptSetSchema.shape);
  if (isCheckPath(path) && typeof value === 'object' && value !== null) {
    const kind = Object.keys(value).find((k) => (CHECK_KINDS as readonly string[]).includes(k));
    const member = kind === undefined ? undefined : checkMember(kind);
    if (member) return Object.keys(member.shape);
  }
  const last = path.at(-1);
  if (last === 'options') return Object.keys(caseOptionsSchema.shape);
  if (path.length === 2 && path[0] === 'cases') return Object.keys(promptCaseSchema.shape);
  if (path.length === 4 && path[2] === 'history') return Object.keys(turnSchema.shape);
  return [];
}

function isZodDefault(message: string): boolean {
  return /^(Too small|Too big|Invalid input)/.test(message);
}

function sizeWords(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum);
  switch (issue.origin) {
    case 'string':
      return `must be ${small ? 'at least' : 'at most'} ${limit} ${limit === 1 ? 'character' : 'characters'}`;
    case 'array':
      return small ? `needs at least ${limit} ${limit === 1 ? 'item' : 'items'}` : `may hold at most ${limit} items`;
    default:
      // The bounds zod adds for whole numbers say nothing useful.
      if (Math.abs(limit) >= Number.MAX_SAFE_INTEGER) return small ? 'is too small a number' : 'is too large a number';
      if (small) return issue.inclusive === false ? `must be more than ${limit}` : `must be at least ${limit}`;
      return issue.inclusive === false ? `must be less than ${limit}` : `must be at most ${limit}`;
  }
}

function expectedWords(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a map',
    record: 'a map',
  };
  return words[expected] ?? expected;
}

export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : `${value} (not a usable number)`;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return 'a map';
  return typeof value;
}
