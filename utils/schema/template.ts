import * as z from 'zod/mini';
import { cleanText, Id, IsoDate, trimmedText } from './common';

/** `/thanks`, `;intro`, `thx`: no spaces, so it can be matched right before the caret. */
export const Shortcut = z
  .string({ error: 'expected a shortcut (text) or null' })
  .check(
    z.overwrite(cleanText),
    z.minLength(2, { error: 'a shortcut needs at least 2 characters' }),
    z.maxLength(32, { error: 'a shortcut is at most 32 characters' }),
    z.regex(/^\S+$/u, { error: 'a shortcut cannot contain spaces' }),
  );

export const TemplateSchema = z.object(
  {
    id: Id,
    title: trimmedText('a title', 1, 200),
    body: z
      .string({ error: 'expected a body (text)' })
      .check(
        z.minLength(1, { error: 'a body cannot be empty' }),
        z.maxLength(20_000, { error: 'a body is at most 20,000 characters' }),
      ),
    shortcut: z.nullable(Shortcut),
    tags: z._default(
      z.array(trimmedText('a tag', 1, 40), { error: 'expected a list of tags' }).check(z.maxLength(20)),
      [],
    ),
    usageCount: z._default(z.int().check(z.minimum(0)), 0),
    lastUsedAt: z._default(z.nullable(IsoDate), null),
    createdAt: z.optional(IsoDate),
    updatedAt: z.optional(IsoDate),
  },
  { error: 'expected a template (an object)' },
);

export type Template = z.infer<typeof TemplateSchema>;

/**
 * The starter library's ids (utils/templates/starter.ts has their text; a test keeps the two
 * lists equal). Here because the database's upgrade to v4 needs them too.
 */
export const STARTER_IDS = [
  'starter-first-reply',
  'starter-requirements',
  'starter-timeline',
  'starter-delivery',
  'starter-revision',
  'starter-extension',
  'starter-thanks',
  'starter-review',
  'starter-repeat',
  'starter-cover-letter',
  'starter-interview-follow-up',
  'starter-decline',
] as const;
