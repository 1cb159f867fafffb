import { listOf, MESSAGES, type MessageKey, type Translator } from '.';

/**
 * Validation and import errors are written in English where they arise (the schemas, the backup
 * reader): they also go into logs and tests, and one wording is the contract. Shown to a seller
 * in Urdu, they are translated here: exact messages by their text (`error.exact.*`, whose English
 * is the schema's own), the rest by their shape. Anything unknown stays as written.
 */
const EXACT = new Map(
  Object.entries(MESSAGES.en)
    .filter(([key]) => key.startsWith('error.exact.'))
    .map(([key, text]) => [text, key as MessageKey]),
);

const noun = (tr: Translator, what: string) => {
  const key = `noun.${what}`;
  return key in MESSAGES.en ? tr.t(key as MessageKey) : what;
};

type Shape = [RegExp, (tr: Translator, m: RegExpExecArray) => string];
const SHAPES: ReadonlyArray<Shape> = [
  [/^(.+) cannot be empty$/, (tr, m) => tr.t('error.empty', { what: noun(tr, m[1]!) })],
  [
    /^(.+) needs at least ([\d,]+) characters$/,
    (tr, m) => tr.t('error.minChars', { what: noun(tr, m[1]!), min: m[2]! }),
  ],
  [/^(.+) is at most ([\d,]+) characters$/, (tr, m) => tr.t('error.maxChars', { what: noun(tr, m[1]!), max: m[2]! })],
  [/^expected (.+) \(text\)$/, (tr, m) => tr.t('error.expectedText', { what: noun(tr, m[1]!) })],
  [
    /^expected one of (.+)$/,
    // The allowed values are what the file must say, so they stay as written, quoted.
    (tr, m) =>
      tr.t('error.oneOf', {
        list: listOf(
          tr,
          m[1]!.split(', ').map((v) => `"${v}"`),
        ),
      }),
  ],
  [/^at most (\d+) keywords per gig$/, (tr, m) => tr.t('error.maxKeywords', { max: m[1]! })],
  [
    /^unknown currency (.+) \(expected an ISO 4217 code such as "USD"\)$/,
    (tr, m) => tr.t('error.unknownCurrency', { code: m[1]! }),
  ],
  [
    /^The file is ([\d.]+) MB; a GigSaathi backup is at most (\d+) MB\.$/,
    (tr, m) => tr.t('error.tooBig', { size: m[1]!, max: m[2]! }),
  ],
  [/^The file is not valid JSON \(is it complete\?\): (.*)$/s, (tr, m) => tr.t('error.notJson', { detail: m[1]! })],
  [
    /^Unsupported backup version (.+): this GigSaathi reads version (\d+)\.$/,
    (tr, m) => tr.t('error.version', { version: m[1]!, supported: m[2]! }),
  ],
];

/** Messages that carry their own record paths (the backup reader's duplicate checks). */
const PATHED: ReadonlyArray<Shape> = [
  [
    /^(\w+\[\d+\])\.id: duplicate id (.+) \(also (\w+\[\d+\])\)$/,
    (tr, m) => tr.t('error.duplicateId', { path: m[1]!, id: m[2]!, other: m[3]! }),
  ],
  [
    /^(templates\[\d+\])\.shortcut: the shortcut (.+) is also used by (templates\[\d+\])$/,
    (tr, m) => tr.t('error.duplicateShortcut', { path: m[1]!, shortcut: m[2]!, other: m[3]! }),
  ],
];

const MORE = /^(.*) \(and (\d+) more problems?\)$/s;
const STOPPED = ' Checking stopped there: more records may be invalid.';
/** `orders[3].amount: …`: the path is data, the rest is the message. */
const PATH = /^([A-Za-z_$][\w$]*(?:\[\d+\]|\.[A-Za-z_$][\w$]*)*): (.*)$/s;

function one(tr: Translator, message: string): string {
  const exact = EXACT.get(message);
  if (exact) return tr.t(exact);
  const shaped = (shapes: ReadonlyArray<Shape>) => {
    for (const [shape, render] of shapes) {
      const m = shape.exec(message);
      if (m) return render(tr, m);
    }
    return null;
  };
  const pathed = shaped(PATHED);
  if (pathed) return pathed;
  const path = PATH.exec(message);
  if (path) return `${path[1]}: ${one(tr, path[2]!)}`;
  return shaped(SHAPES) ?? message;
}

export function localizeError(tr: Translator, message: string): string {
  if (tr.locale === 'en') return message;
  if (message.endsWith(STOPPED))
    return `${localizeError(tr, message.slice(0, -STOPPED.length))} ${tr.t('error.stopped')}`;
  const more = MORE.exec(message);
  if (more) return tr.tn('error.more', Number(more[2]), { head: one(tr, more[1]!) });
  return one(tr, message);
}
