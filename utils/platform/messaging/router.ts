import { describeIssues } from '@/utils/schema';
import { EnvelopeSchema, PROTOCOL, type RequestType, type ResponseOf } from './protocol';
import type { Reply } from './responses';
import type * as z from 'zod/mini';

/** Thrown by a handler for a sender that may not ask this: the reply says `forbidden`. */
export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
}

/** Who sent a message, as the browser says (never as the message says). */
export interface SenderInfo {
  id?: string;
  /** The tab a content script runs in; absent for our own pages (popup, options). */
  tab?: { id?: number; url?: string };
  /** The frame a content script runs in (0: the tab's top frame). */
  frameId?: number;
  url?: string;
}

export type Handlers = {
  [T in RequestType]: (
    payload: z.output<(typeof PROTOCOL)[T]['request']>,
    sender: SenderInfo,
  ) => Promise<ResponseOf<T>>;
};

/**
 * Turns any incoming message into a reply and never throws: a malformed message gets a
 * `bad-request` reply, a handler failure a `failed` one, and the service keeps running.
 */
export function createRouter(handlers: Handlers, extensionId: string) {
  return async function route(raw: unknown, sender: SenderInfo): Promise<Reply> {
    if (sender.id !== extensionId) {
      return { ok: false, error: { code: 'forbidden', message: 'messages are accepted from GigSaathi only' } };
    }
    const envelope = EnvelopeSchema.safeParse(raw);
    if (!envelope.success) {
      return { ok: false, error: { code: 'bad-request', message: describeIssues(envelope.error.issues) } };
    }
    const type = envelope.data.type;
    const payload = PROTOCOL[type].request.safeParse(envelope.data.payload ?? {});
    if (!payload.success) {
      return { ok: false, error: { code: 'bad-request', message: `${type}: ${describeIssues(payload.error.issues)}` } };
    }
    try {
      const handler = handlers[type] as (p: unknown, s: SenderInfo) => Promise<unknown>;
      const data = PROTOCOL[type].response.parse(await handler(payload.data, sender));
      return { ok: true, data };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const code = e instanceof ForbiddenError ? 'forbidden' : 'failed';
      return { ok: false, error: { code, message: `${type}: ${message}` } };
    }
  };
}

/** True for messages meant for this router, so other listeners' messages are left alone. */
export function isEnvelope(raw: unknown): boolean {
  return raw !== null && typeof raw === 'object' && (raw as { gigsaathi?: unknown }).gigsaathi === 1;
}
