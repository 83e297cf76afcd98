/**
 * Words for a failed file operation, for messages people read: "permission denied", never
 * "EACCES". Unknown codes get a plain sentence with no code in it, and the error's own message
 * only when it has no code at all (then it is a sentence already).
 */
const FILE_REASONS: Record<string, string> = {
  ENOENT: 'it does not exist',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EBUSY: 'it is in use by another program',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EEXIST: 'it exists already',
  ENAMETOOLONG: 'the path is too long',
  EIO: 'the disk reported an input/output error',
  ELOOP: 'the path has too many symbolic links',
};

export function fileErrorReason(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string') return FILE_REASONS[code] ?? 'the system refused the file operation';
  const message = error instanceof Error ? error.message : String(error);
  return message || 'an unknown error';
}
