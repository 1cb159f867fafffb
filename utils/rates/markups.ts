import { storage } from 'wxt/utils/storage';
import { LearnedMarkupsSchema, type LearnedMarkups } from '@/utils/schema';

/**
 * The seller's own average markup per route (utils/payouts works it out from their withdrawals),
 * kept beside the rates so every net figure, in pages and ours, can use it with them.
 */
const markupsItem = storage.defineItem<unknown>('local:learnedMarkups');

export async function readLearnedMarkups(): Promise<LearnedMarkups> {
  const parsed = LearnedMarkupsSchema.safeParse(await markupsItem.getValue());
  return parsed.success ? parsed.data : {};
}

/**
 * Written only when it changed: the dashboard's figures follow this key, and each write would
 * recompute them for nothing.
 */
export async function saveLearnedMarkups(markups: LearnedMarkups): Promise<void> {
  if (JSON.stringify(await readLearnedMarkups()) === JSON.stringify(markups)) return;
  await markupsItem.setValue(markups);
}

export function watchLearnedMarkups(changed: () => void): () => void {
  return markupsItem.watch(() => changed());
}
