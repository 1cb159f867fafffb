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

export async function saveLearnedMarkups(markups: LearnedMarkups): Promise<void> {
  await markupsItem.setValue(markups);
}

export function watchLearnedMarkups(changed: () => void): () => void {
  return markupsItem.watch(() => changed());
}
