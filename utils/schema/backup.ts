import * as z from 'zod/mini';
import { IsoDate } from './common';
import { OrderSchema } from './order';
import { CostSchema, WithdrawalSchema } from './payouts';
import { GigKeywordsSchema } from './seo';
import { SettingsSchema } from './settings';
import { TemplateSchema } from './template';

export const BACKUP_FORMAT = 'gigsaathi-backup';
export const BACKUP_VERSION = 1;

export const BackupSchema = z.object(
  {
    format: z.literal(BACKUP_FORMAT, { error: `not a GigSaathi backup (expected "format": "${BACKUP_FORMAT}")` }),
    version: z.literal(BACKUP_VERSION, {
      error: (issue) =>
        `unsupported backup version ${JSON.stringify(issue.input)} (this GigSaathi reads version ${BACKUP_VERSION})`,
    }),
    exportedAt: IsoDate,
    templates: z.array(TemplateSchema, { error: 'expected a list of templates' }),
    orders: z.array(OrderSchema, { error: 'expected a list of orders' }),
    /**
     * Optional: a template pack a friend shares has none, and importing it leaves the seller's
     * settings as they are. When present, they are written only if the seller asks.
     */
    settings: z.optional(SettingsSchema),
    /** Added after version 1 shipped, so optional: older backups simply have none. */
    gigKeywords: z._default(z.array(GigKeywordsSchema, { error: 'expected a list of gig keywords' }), []),
    /** Added with withdrawal routes (#23); optional like gigKeywords, so older backups still import. */
    withdrawals: z._default(z.array(WithdrawalSchema, { error: 'expected a list of withdrawals' }), []),
    /** Connects, membership and other costs read from statements (#23); optional too. */
    costs: z._default(z.array(CostSchema, { error: 'expected a list of costs' }), []),
  },
  { error: 'expected a backup (an object)' },
);

export type Backup = z.infer<typeof BackupSchema>;
