import fs from 'node:fs';
import path from 'node:path';
import type { Conversation } from '../../shared/chat';
import { AppError } from '../../shared/errors';
import type { PromptSetFile, PromptSetSummary } from '../../shared/eval/eval-calls';
import { EVALS_DIR, promptSetPath } from '../../shared/eval/prompt-set';
import { promptSetFromConversations, templatePromptSet } from '../../shared/eval/prompt-set-template';
import { fileErrorReason } from '../../shared/file-error-reason';
import { writeFileAtomic } from '../modelfiles/atomic-write';
import { sha256Hex } from '../modelfiles/sha256';
import { ensureFolderOf, evalsDir, evalsPath, readTextOrNull } from './evals-folder';
import { parsePromptSetCached } from './prompt-set-cache';

/**
 * The prompt sets of a workspace: `evals/<family slug>.yaml`, one per family. Reads hand back the
 * text with its sha256, and a save names the sha256 it was based on, so an edit made meanwhile in
 * another editor (or by git) is refused instead of overwritten. All file work here is synchronous,
 * so nothing in this process runs between the hash check and the write.
 */

/** The contract's limit on a saved text; a bigger file on disk is refused the same way. */
const MAX_SET_BYTES = 8 * 1024 * 1024;

function sameFamily(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function fileOf(workspaceDir: string, family: string): { rel: string; abs: string } {
  const rel = promptSetPath(family);
  return { rel, abs: evalsPath(workspaceDir, rel) };
}

function asFile(family: string, rel: string, text: string): PromptSetFile {
  const sha256 = sha256Hex(text);
  const { set, problems } = parsePromptSetCached(text, sha256);
  return { family, path: rel, text, sha256, set, problems };
}

/** Two families share a slug (`team/bot` and `team:bot`): the file says which one it is for. */
function checkFamily(file: PromptSetFile, family: string): void {
  const declared = file.set?.family;
  if (declared !== undefined && !sameFamily(declared, family)) {
    throw new AppError(
      'conflict',
      `${file.path} is the prompt set of "${declared}", not of "${family}". Rename one of the families, or move that file away to start a set for "${family}".`,
    );
  }
}

export function readPromptSet(workspaceDir: string, family: string): PromptSetFile {
  const { rel, abs } = fileOf(workspaceDir, family);
  const text = readTextOrNull(abs, rel, MAX_SET_BYTES);
  if (text === null) throw new AppError('not_found', `"${family}" has no prompt set yet (${rel}). Start one with "New prompt set".`);
  const file = asFile(family, rel, text);
  checkFamily(file, family);
  return file;
}

/** Every `evals/*.yaml`, by family; a broken file is listed with its problem count and no cases. */
export function listPromptSets(workspaceDir: string): PromptSetSummary[] {
  const dir = evalsDir(workspaceDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new AppError('internal', `Cannot list ${EVALS_DIR}/: ${fileErrorReason(error)}.`);
  }
  const summaries: PromptSetSummary[] = [];
  for (const name of names.sort()) {
    if (!name.endsWith('.yaml') || name.startsWith('.')) continue;
    const rel = `${EVALS_DIR}/${name}`;
    try {
      const abs = path.join(dir, name);
      const stat = fs.statSync(abs);
      if (!stat.isFile() || stat.size > MAX_SET_BYTES) continue;
      const text = fs.readFileSync(abs, 'utf8');
      const { set, problems } = parsePromptSetCached(text, sha256Hex(text));
      summaries.push({
        family: set?.family ?? name.slice(0, -'.yaml'.length),
        path: rel,
        description: set?.description ?? null,
        caseCount: set ? set.cases.length : null,
        problemCount: problems.length,
        modifiedAt: stat.mtime.toISOString(),
      });
    } catch {
      // Gone or unreadable since the listing: not a prompt set to show.
    }
  }
  return summaries;
}

function writeSet(workspaceDir: string, abs: string, rel: string, text: string): void {
  ensureFolderOf(workspaceDir, abs);
  try {
    writeFileAtomic(abs, text);
  } catch (error) {
    throw new AppError('internal', `Cannot write ${rel}: ${fileErrorReason(error)}. Nothing was changed.`);
  }
}

/**
 * Writes the set when the file on disk is still the one `baseSha256` was read from (null: there
 * was no file). The text is saved even with problems (a half-written set is the user's work); the
 * answer carries them.
 */
export function savePromptSet(workspaceDir: string, family: string, text: string, baseSha256: string | null): PromptSetFile {
  const { rel, abs } = fileOf(workspaceDir, family);
  const next = asFile(family, rel, text);
  const declared = next.set?.family;
  if (declared !== undefined && !sameFamily(declared, family)) {
    const why = `says family: ${declared}, but this is the prompt set of "${family}"`;
    throw new AppError('validation', `The text ${why}; change its family line to "${family}" (a set for another family is started from that family).`, [{ path: 'text', message: why }]);
  }
  const current = readTextOrNull(abs, rel, MAX_SET_BYTES);
  const currentSha = current === null ? null : sha256Hex(current);
  if (currentSha !== baseSha256) {
    const what = current === null ? 'was deleted' : baseSha256 === null ? 'was created meanwhile' : 'changed on disk';
    throw new AppError('conflict', `${rel} ${what} since you opened it. Reload it to see the other change, then make yours again.`);
  }
  writeSet(workspaceDir, abs, rel, text);
  return next;
}

export type NewSetSource = { kind: 'template' } | { kind: 'conversations'; conversations: readonly Conversation[] };

/** Starts a family's set; never over an existing file (open that one instead). */
export function newPromptSet(workspaceDir: string, family: string, source: NewSetSource): PromptSetFile {
  const { rel, abs } = fileOf(workspaceDir, family);
  if (fs.existsSync(abs)) throw new AppError('conflict', `${rel} exists already; open it to add cases, or move it away to start afresh.`);
  const text = source.kind === 'template' ? templatePromptSet(family) : promptSetFromConversations(family, source.conversations);
  ensureFolderOf(workspaceDir, abs);
  try {
    // `wx`: a file made between the check above and now (another program) is never replaced.
    fs.writeFileSync(abs, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new AppError('conflict', `${rel} exists already; open it to add cases.`);
    throw new AppError('internal', `Cannot write ${rel}: ${fileErrorReason(error)}.`);
  }
  return asFile(family, rel, text);
}
