import path from 'node:path';
import type { RegistryProblem } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { fileErrorReason } from '../../shared/file-error-reason';
import { fileTooLargeMessage } from '../../shared/registry-limits';
import { parseRegistryText, type ParsedRegistry } from './parse';
import type { RegistryText } from './read-file';

/** What the store says about a registry file it cannot use, in words for the user. */

/** Parses what was read; null for no file (nothing declared yet). */
export function parseRead(file: string, read: RegistryText): ParsedRegistry | null {
  if (read.kind === 'missing') return null;
  const name = path.basename(file);
  if (read.kind === 'too_large') {
    const message = `${name} is too large: ${fileTooLargeMessage(read.bytes, 'is')}.`;
    return { ok: false, message, line: null, column: null, issues: [], empty: false };
  }
  return parseRegistryText(read.text, name);
}

export function unreadableProblem(file: string, error: unknown): RegistryProblem {
  return {
    message: `${path.basename(file)} cannot be read (${fileErrorReason(error)}).`,
    file,
    line: null,
    column: null,
    backupPath: null,
    issues: [],
  };
}

export function readOnlyError(problem: RegistryProblem): AppError {
  const copy = problem.backupPath ? ` A copy of the invalid file was saved as ${problem.backupPath}.` : '';
  return new AppError(
    'read_only',
    `The registry file ${problem.file} is invalid, so nothing can be changed until it is fixed: ${problem.message}${copy} Fix the file on disk; the app picks it up as soon as it is valid.`,
    problem.issues.length > 0 ? problem.issues : undefined,
  );
}
