import * as z from 'zod/mini';
import { Id, IsoDate } from './common';

/** A deleted template's id and when it was deleted, kept so sync does not bring it back. */
export const TombstoneSchema = z.object({ id: Id, deletedAt: IsoDate });
export type Tombstone = z.infer<typeof TombstoneSchema>;

/** This browser's choice (never synced itself: turning sync off here leaves the others on). */
export const SyncPrefsSchema = z.object({ enabled: z._default(z.boolean(), true) });
export type SyncPrefs = z.infer<typeof SyncPrefsSchema>;

/** What the options page says about sync; written by the background after each run. */
export const SyncStatusSchema = z.object({
  /** When this browser last took a change from sync. */
  lastReceivedAt: z._default(z.nullable(IsoDate), null),
  lastSentAt: z._default(z.nullable(IsoDate), null),
  /** Templates in sync, of all on this browser. */
  synced: z._default(z.int().check(z.minimum(0)), 0),
  total: z._default(z.int().check(z.minimum(0)), 0),
  /** Items from sync that were refused (failed the schema, or half written and never completed). */
  refused: z._default(z.int().check(z.minimum(0)), 0),
  /** Why the last write did not land (a quota, the write rate), or null. */
  error: z._default(z.nullable(z.string().check(z.maxLength(500))), null),
  /** Our own writes of the last hour (ms since the epoch), for the write-rate limit. */
  writes: z._default(z.array(z.number()).check(z.maxLength(2000)), []),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
