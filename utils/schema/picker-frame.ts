import * as z from 'zod/mini';
import { Id } from './common';

/**
 * The picker frame and the content script talk over a MessageChannel whose port the content
 * script hands to the frame with a per-frame token (in the frame's URL, which the page cannot
 * read). Both ends validate what arrives: a page's script can post to the frame, never on the port.
 */
export const FRAME_PATH = '/picker-frame.html';
/** The frame's size: the picker's 380 × 440 and its 8 px margins. */
export const FRAME_WIDTH = 396;
export const FRAME_HEIGHT = 456;

export const PortOffer = z.object({ gigsaathi: z.literal('picker-port'), token: z.string().check(z.minLength(20)) });

const text = (max: number) => z.nullable(z.optional(z.string().check(z.maxLength(max))));

/** Content script → frame. */
export const ToFrame = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('open'),
    context: z.object({ client_name: text(300), gig_title: text(500) }),
    preselect: z.nullable(Id),
  }),
  z.object({ type: z.literal('inserted'), ok: z.boolean() }),
  /** The seller clicked elsewhere on the page. */
  z.object({ type: z.literal('dismiss') }),
]);
export type ToFrame = z.infer<typeof ToFrame>;

/** Frame → content script. */
export const FromFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('insert'), text: z.string().check(z.maxLength(100_000)), template: Id }),
  z.object({ type: z.literal('close'), returnFocus: z.boolean() }),
  /** The picker's height, so the frame covers no more of the page than the picker does. */
  z.object({ type: z.literal('size'), height: z.number().check(z.minimum(0), z.maximum(2000)) }),
]);
export type FromFrame = z.infer<typeof FromFrame>;
