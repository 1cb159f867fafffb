import { browser } from 'wxt/browser';
import { PROTOCOL, ReplySchema, type RequestOf, type RequestType, type ResponseOf } from './protocol';

export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** Asks the background; the reply is validated as strictly as the request was. */
export async function request<T extends RequestType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const checked = PROTOCOL[type].request.parse(payload);
  const raw: unknown = await browser.runtime.sendMessage({ gigsaathi: 1, type, payload: checked });
  const reply = ReplySchema.parse(raw);
  if (!reply.ok) throw new RequestError(reply.error.code, reply.error.message);
  return PROTOCOL[type].response.parse(reply.data) as ResponseOf<T>;
}
