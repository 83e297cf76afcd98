import { createHash } from 'node:crypto';

/**
 * The fake's "sampler": a small PRNG (sfc32) seeded from a SHA-256 of everything that decides a
 * real model's output, so the same inputs give the same words on every machine and run.
 */

export class ReplyRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(key: string) {
    const hash = createHash('sha256').update(key).digest();
    this.a = hash.readUInt32LE(0);
    this.b = hash.readUInt32LE(4);
    this.c = hash.readUInt32LE(8);
    this.d = hash.readUInt32LE(12);
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

const VOCABULARY = [
  'the', 'rent', 'lease', 'tenant', 'model', 'answer', 'is', 'a', 'clear', 'short', 'reply', 'about', 'your',
  'question', 'and', 'it', 'depends', 'on', 'local', 'rules', 'we', 'can', 'check', 'that', 'first', 'then',
  'send', 'notice', 'in', 'writing', 'before', 'month', 'end', 'usually', 'yes', 'no', 'maybe', 'paris',
  'capital', 'number', 'seven', 'blue', 'river', 'fast', 'quiet', 'kind', 'fair', 'late', 'fee', 'repair',
  'water', 'heater', 'door', 'key', 'owner', 'agent', 'office', 'today', 'tomorrow', 'soon', 'thanks', 'please',
] as const;

/** `count` words as streamed tokens: the first capitalised, each later one with its leading space, a full stop at the end. */
export function wordTokens(random: ReplyRandom, count: number): string[] {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    let word: string = random.pick(VOCABULARY);
    if (i === 0) word = word.charAt(0).toUpperCase() + word.slice(1);
    if (i === count - 1) word += '.';
    tokens.push(i === 0 ? word : ` ${word}`);
  }
  return tokens;
}

/** A word for JSON string values. */
export function word(random: ReplyRandom): string {
  return random.pick(VOCABULARY);
}

/** Scripted text as tokens: each word with the whitespace before it, as the fake has always split it. */
export function textTokens(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}
