import { z } from 'zod';

import { DISMISSED_WARNINGS_KEY as KEY } from '../storage-keys';
/** Enough for every Ollama a user has had; older entries drop off. */
const KEEP = 20;

const Stored = z.array(z.string()).catch([]);

export function loadDismissedWarnings(storage: Storage | null): string[] {
  try {
    const raw = storage?.getItem(KEY);
    return raw ? Stored.parse(JSON.parse(raw)).slice(-KEEP) : [];
  } catch {
    // Unreadable: the warnings show again, which is the safe side.
    return [];
  }
}

export function saveDismissedWarnings(storage: Storage | null, texts: string[]): void {
  try {
    storage?.setItem(KEY, JSON.stringify(texts.slice(-KEEP)));
  } catch {
    // Not remembered across runs; dismissed for now.
  }
}
