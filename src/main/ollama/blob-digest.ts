import { AppError } from '../../shared/errors';

/**
 * Blob digests as Ollama accepts them (manifest.BlobsPath). Every digest is checked against this
 * before it goes into a URL or a path: a crafted one is how CVE-2024-37032 walked out of the
 * blobs folder.
 */
export const BLOB_DIGEST_PATTERN = /^sha256[:-][0-9a-fA-F]{64}$/;

export function assertBlobDigest(digest: string): string {
  if (!BLOB_DIGEST_PATTERN.test(digest)) {
    throw new AppError('validation', `"${digest.slice(0, 80)}" is not a blob digest (expected sha256:<64 hex digits>)`);
  }
  return digest;
}

/** `/api/blobs/sha256:<hex>`, only ever built from a checked digest. */
export function blobPath(digest: string): string {
  return `/api/blobs/${assertBlobDigest(digest)}`;
}
