import { splitModelName } from './model-name';

/**
 * Hugging Face models as Ollama names them: `hf.co/{user}/{repo}[:{quant}]` (or `huggingface.co/…`,
 * which Hugging Face serves alike: hub-docs `docs/hub/ollama.md`). To Ollama it is an ordinary
 * `host/namespace/model:tag` name (types/model/name.go `ParseNameBare`, `isValidPart`): the user is
 * the namespace (letters, digits, `_`, `-`, no `.`, 1–80), the repository the model (may hold `.`,
 * 1–80), the quantization the tag; no tag is `latest`, which Hugging Face answers with Q4_K_M.
 * ParseNameBare also cuts a leading `scheme://`; `http://` then fails at pull (insecure protocol),
 * so only `https://` is taken, and dropped.
 */

export const HF_HOSTS = ['hf.co', 'huggingface.co'] as const;

/** Hugging Face picks this file when the tag is `latest` (or absent). */
export const HF_DEFAULT_QUANT = 'Q4_K_M';

const USER = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;
const REPO = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,79}$/;
const MAX_PART = 80;

export interface HuggingFaceName {
  host: string;
  user: string;
  repo: string;
  /** The tag as written; null when absent (Ollama fills `latest`). */
  quant: string | null;
  /** The name to hand to Ollama: without `https://`, otherwise as written. */
  name: string;
}

export type HuggingFaceParse = { ok: true; value: HuggingFaceName } | { ok: false; problem: string };

const SHAPE = 'a Hugging Face model is named hf.co/{user}/{repository}, optionally with :{quantization} such as :Q4_K_M';

function hostOf(segment: string): string | null {
  const lower = segment.toLowerCase();
  return HF_HOSTS.find((h) => h === lower) ?? (lower === 'www.huggingface.co' ? lower : null);
}

/** Whether the name points at Hugging Face (with or without a scheme); it may still be malformed. */
export function isHuggingFaceName(input: string): boolean {
  const rest = input.trim().replace(/^[A-Za-z]+:\/\//, '');
  return hostOf(rest.split('/')[0] ?? '') !== null;
}

/** Parses a Hugging Face model name; a name that does not point at Hugging Face is a problem too. */
export function parseHuggingFaceName(input: string): HuggingFaceParse {
  const fail = (problem: string): HuggingFaceParse => ({ ok: false, problem });
  if (input !== input.trim()) return fail('remove the spaces around the name');
  let rest = input;
  const scheme = /^([A-Za-z]+):\/\//.exec(rest);
  if (scheme) {
    if (scheme[1]?.toLowerCase() !== 'https') return fail(`Ollama pulls from Hugging Face only over https; write the name without "${scheme[0]}"`);
    rest = rest.slice(scheme[0].length);
  }
  const segments = rest.split('/');
  const host = hostOf(segments[0] ?? '');
  if (host === null) return fail(`"${input}" is not on hf.co or huggingface.co`);
  if (host === 'www.huggingface.co') return fail(`write hf.co instead of www.huggingface.co: ${SHAPE}`);
  if (segments.length < 3 || segments.slice(1).some((s) => s === '')) return fail(`it needs a user and a repository: ${SHAPE}`);
  if (segments.length > 3) {
    const [, user, repo] = segments;
    return fail(`that looks like a page or file address; use the repository, hf.co/${user}/${repo?.split(':')[0]}, and name the quantization as its tag (:Q4_K_M)`);
  }
  const { model: repo, namespace: user, tag } = splitModelName(rest);
  const hasTag = rest.lastIndexOf(':') > rest.lastIndexOf('/');
  if (user.includes('.')) return fail(`the user "${user}" contains a dot, which Ollama does not allow in that part of a name`);
  if (user.length > MAX_PART) return fail(`the user "${user.slice(0, 20)}…" is longer than Ollama's ${MAX_PART} characters`);
  if (!USER.test(user)) return fail(`the user "${user}" may use only letters, digits, _ and -, and must not start with -`);
  if (repo.length > MAX_PART) return fail(`the repository name has ${repo.length} characters; Ollama takes at most ${MAX_PART}`);
  if (!REPO.test(repo)) return fail(`the repository "${repo}" may use only letters, digits, _, . and -, and must start with a letter, digit or _`);
  if (hasTag && tag === '') return fail(`nothing follows ":"; name a quantization such as :Q4_K_M, or leave ":" out for Hugging Face's default (${HF_DEFAULT_QUANT})`);
  if (hasTag && !TAG.test(tag)) {
    return fail(`the quantization tag "${tag}" may use only letters, digits, _, . and - (1–${MAX_PART} characters), such as Q4_K_M or IQ3_M`);
  }
  return { ok: true, value: { host, user, repo, quant: hasTag ? tag : null, name: rest } };
}

/**
 * The quantization a Hugging Face name asks for, upper-cased: its tag, or Hugging Face's default
 * when the tag is absent or `latest`. Null for a name that is not a valid Hugging Face name.
 */
export function huggingFaceQuant(input: string): string | null {
  const parsed = parseHuggingFaceName(input);
  if (!parsed.ok) return null;
  const quant = parsed.value.quant;
  return quant === null || quant.toLowerCase() === 'latest' ? HF_DEFAULT_QUANT : quant.toUpperCase();
}
