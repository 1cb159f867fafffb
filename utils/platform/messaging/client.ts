import { browser } from 'wxt/browser';
import type { RequestOf, RequestType, ResponseOf } from './protocol';
import { ReplySchema, RESPONSES } from './responses';

export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }

  /** The message without the request's name the router puts first (`orders.capture: …`). */
  get detail(): string {
    return this.message.replace(/^[\w.]+: /, '');
  }
}

/**
 * Asks the background. The request is validated once, where it arrives (the router): a malformed
 * one comes back as a `bad-request` RequestError. The reply is validated here.
 */
export async function request<T extends RequestType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  return readReply(type, await browser.runtime.sendMessage({ gigsaathi: 1, type, payload }));
}

/** The answer to a `type` request, validated; a refusal as a RequestError. */
export function readReply<T extends RequestType>(type: T, raw: unknown): ResponseOf<T> {
  const reply = ReplySchema.parse(raw);
  if (!reply.ok) throw new RequestError(reply.error.code, reply.error.message);
  return RESPONSES[type].parse(reply.data) as ResponseOf<T>;
}
