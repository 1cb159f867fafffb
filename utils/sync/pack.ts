import {
  SettingsSchema,
  upgradeLegacySettings,
  TemplateSchema,
  TombstoneSchema,
  type Settings,
  type Template,
  type Tombstone,
} from '@/utils/schema';

/**
 * How GigSaathi lays its data out in `browser.storage.sync`, within the quotas of
 * https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync (Firefox's are
 * the same sizes and have no write rate; both are read from the API where it has them):
 *
 * - `t:<template id>`: one template, as a compact tuple;
 * - `x`: every tombstone (deleted template ids and when);
 * - `s`: the settings, with when they were last changed.
 *
 * Each is a header `{v, n, h, p}`: the format version, the number of pieces, a hash of the whole,
 * and the first piece; a text too long for one item (8,192 bytes with its key) continues in
 * `~<k>:<key>` items. Sync delivers items one by one, so a reader may see a header before its
 * pieces, or pieces of two writes: the hash tells, and such an item waits until it is whole.
 */
export const FORMAT = 1;

export interface Quotas {
  bytes: number;
  perItem: number;
  items: number;
  perMinute: number;
  perHour: number;
}

/** Chrome's published quotas, for an API that does not say its own. */
export const CHROME_QUOTAS: Quotas = { bytes: 102_400, perItem: 8_192, items: 512, perMinute: 120, perHour: 1_800 };

export interface QuotaSource {
  QUOTA_BYTES?: unknown;
  QUOTA_BYTES_PER_ITEM?: unknown;
  MAX_ITEMS?: unknown;
  MAX_WRITE_OPERATIONS_PER_MINUTE?: unknown;
  MAX_WRITE_OPERATIONS_PER_HOUR?: unknown;
}

export function quotasOf(area: QuotaSource): Quotas {
  const read = (value: unknown, fallback: number) =>
    typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
  return {
    bytes: read(area.QUOTA_BYTES, CHROME_QUOTAS.bytes),
    perItem: read(area.QUOTA_BYTES_PER_ITEM, CHROME_QUOTAS.perItem),
    items: read(area.MAX_ITEMS, CHROME_QUOTAS.items),
    perMinute: read(area.MAX_WRITE_OPERATIONS_PER_MINUTE, CHROME_QUOTAS.perMinute),
    perHour: read(area.MAX_WRITE_OPERATIONS_PER_HOUR, CHROME_QUOTAS.perHour),
  };
}

export type Items = Record<string, unknown>;

export const SETTINGS_KEY = 's';
export const TOMBSTONES_KEY = 'x';
export const templateKey = (id: string) => `t:${id}`;
const pieceKey = (k: number, key: string) => `~${k}:${key}`;
/** A text of more pieces than this is not ours (20,000 characters of Urdu is 6 pieces). */
const MAX_PIECES = 64;

/** UTF-8 bytes of a string, as the quota counts them, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** An item's size as Chrome counts it: its key plus the JSON of its value. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Length(key) + utf8Length(JSON.stringify(value));
}

export function itemsBytes(items: Items): number {
  let total = 0;
  for (const [key, value] of Object.entries(items)) total += itemBytes(key, value);
  return total;
}

/** cyrb53: a fast 53-bit string hash; enough to tell a half-written text from a whole one. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** What one character adds to a JSON string's UTF-8 length (its escape, where JSON escapes it). */
function jsonCost(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (code === 0x22 || code === 0x5c) return 2;
  if (code < 0x20) return '\n\r\t\b\f'.includes(ch) ? 2 : 6;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdfff) return 6;
  return code < 0x10000 ? 3 : 4;
}

/** `text` in pieces, the first of at most `first` bytes as JSON, the others of at most `rest`. */
function split(text: string, first: number, rest: number): string[] {
  if (utf8Length(JSON.stringify(text)) - 2 <= first) return [text];
  const pieces: string[] = [];
  let current = '';
  let used = 0;
  let room = first;
  for (const ch of text) {
    const cost = jsonCost(ch);
    if (used + cost > room) {
      pieces.push(current);
      current = '';
      used = 0;
      room = rest;
    }
    current += ch;
    used += cost;
  }
  pieces.push(current);
  return pieces;
}

interface Header {
  v: number;
  n: number;
  h: string;
  p: string;
}

/** A text as the items that carry it under `key`, each within `perItem` bytes. */
export function encodeText(key: string, text: string, perItem: number): Items {
  // Room for the header around its first piece, with a three-digit count and the longest hash.
  const overhead = itemBytes(key, { v: FORMAT, n: 999, h: 'x'.repeat(11), p: '' });
  const pieceOverhead = utf8Length(pieceKey(MAX_PIECES, key)) + 2;
  const pieces = split(text, perItem - overhead, perItem - pieceOverhead);
  const header: Header = { v: FORMAT, n: pieces.length, h: hashText(text), p: pieces[0]! };
  const items: Items = { [key]: header };
  for (let k = 1; k < pieces.length; k++) items[pieceKey(k, key)] = pieces[k];
  return items;
}

export type Reading =
  { ok: true; text: string; keys: string[] } | { ok: false; why: 'incomplete' | 'corrupt' | 'newer'; keys: string[] };

function isHeader(value: unknown): value is Header {
  if (value === null || typeof value !== 'object') return false;
  const h = value as Record<string, unknown>;
  return (
    typeof h.v === 'number' &&
    Number.isInteger(h.n) &&
    (h.n as number) >= 1 &&
    (h.n as number) <= MAX_PIECES &&
    typeof h.h === 'string' &&
    typeof h.p === 'string'
  );
}

/** The text under `key`, if its header and every piece are there and agree. */
export function readText(items: Items, key: string): Reading {
  const header = items[key];
  if (!isHeader(header)) return { ok: false, why: 'corrupt', keys: [key] };
  if (header.v > FORMAT) return { ok: false, why: 'newer', keys: [key] };
  const keys = [key];
  let text = header.p;
  for (let k = 1; k < header.n; k++) {
    const piece = items[pieceKey(k, key)];
    if (typeof piece !== 'string') return { ok: false, why: 'incomplete', keys };
    keys.push(pieceKey(k, key));
    text += piece;
  }
  if (hashText(text) !== header.h) return { ok: false, why: 'incomplete', keys };
  return { ok: true, text, keys };
}

/** The item keys of a text's pieces present in `items`, whatever header they belong to. */
export function piecesOf(items: Items, key: string): string[] {
  return Object.keys(items).filter((k) => /^~\d+:/.test(k) && k.slice(k.indexOf(':') + 1) === key);
}

/** The JSON in a whole item's text, or undefined for text that is not JSON (refused by its reader). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

// A template as a tuple: 300 templates' field names alone would take a tenth of the quota.
type TemplateTuple = [string, string, string, string | null, string[], number, string | null, string?, string?];

export function encodeTemplate(t: Template, perItem: number): Items {
  const tuple: TemplateTuple = [t.id, t.title, t.body, t.shortcut, t.tags, t.usageCount, t.lastUsedAt];
  if (t.createdAt !== undefined || t.updatedAt !== undefined) tuple.push(t.createdAt ?? '', t.updatedAt ?? '');
  return encodeText(templateKey(t.id), JSON.stringify(tuple), perItem);
}

function decodeTemplate(id: string, text: string): Template | null {
  const tuple = parseJson(text);
  if (!Array.isArray(tuple) || tuple[0] !== id) return null;
  const [, title, body, shortcut, tags, usageCount, lastUsedAt, createdAt, updatedAt] = tuple as unknown[];
  const parsed = TemplateSchema.safeParse({
    id,
    title,
    body,
    shortcut,
    tags,
    usageCount,
    lastUsedAt,
    ...(createdAt ? { createdAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
  });
  return parsed.success ? parsed.data : null;
}

export function encodeTombstones(tombstones: ReadonlyArray<Tombstone>, perItem: number): Items {
  return encodeText(TOMBSTONES_KEY, JSON.stringify(tombstones.map((t) => [t.id, t.deletedAt])), perItem);
}

function decodeTombstones(text: string): Tombstone[] | null {
  const list = parseJson(text);
  if (!Array.isArray(list)) return null;
  const out: Tombstone[] = [];
  for (const entry of list) {
    const parsed = TombstoneSchema.safeParse(Array.isArray(entry) ? { id: entry[0], deletedAt: entry[1] } : null);
    if (!parsed.success) return null;
    out.push(parsed.data);
  }
  return out;
}

export interface StampedSettings {
  settings: Settings;
  /** ISO date, or '' for settings never changed on their browser. */
  updatedAt: string;
}

export function encodeSettings(s: StampedSettings, perItem: number): Items {
  return encodeText(SETTINGS_KEY, JSON.stringify({ m: s.updatedAt, v: s.settings }), perItem);
}

function decodeSettings(text: string): StampedSettings | null {
  const raw = parseJson(text);
  if (raw === null || typeof raw !== 'object') return null;
  const { m, v } = raw as { m?: unknown; v?: unknown };
  if (typeof m !== 'string' || (m !== '' && Number.isNaN(Date.parse(m)))) return null;
  // Whole or not at all: settings that fail the schema are refused, never coerced in half.
  // A browser still on an older GigSaathi sends the one withdrawal model of before routes.
  const parsed = SettingsSchema.safeParse(upgradeLegacySettings(v));
  return parsed.success ? { settings: parsed.data, updatedAt: m } : null;
}

export interface RemoteState {
  templates: Map<string, Template>;
  tombstones: Tombstone[];
  settings: StampedSettings | null;
  /** Template ids whose items are there but not (yet) whole: left alone until they are. */
  waiting: Set<string>;
  /** Keys of items that are whole but fail the schema, or are of a newer format. */
  refused: string[];
  /** The keys each readable template occupies, to remove or replace them. */
  keysOf: Map<string, string[]>;
}

/** Everything readable in the sync area, item by item: one bad item never spoils the others. */
export function decodeArea(items: Items): RemoteState {
  const state: RemoteState = {
    templates: new Map(),
    tombstones: [],
    settings: null,
    waiting: new Set(),
    refused: [],
    keysOf: new Map(),
  };
  for (const key of Object.keys(items)) {
    if (key.startsWith('~')) continue;
    const reading = readText(items, key);
    const id = key.startsWith('t:') ? key.slice(2) : null;
    if (!reading.ok) {
      if (reading.why === 'incomplete' && id !== null) state.waiting.add(id);
      else if (reading.why !== 'incomplete') state.refused.push(key);
      if (id !== null) state.keysOf.set(id, reading.keys);
      continue;
    }
    if (id !== null) {
      state.keysOf.set(id, reading.keys);
      const template = decodeTemplate(id, reading.text);
      if (template) state.templates.set(id, template);
      else state.refused.push(key);
    } else if (key === TOMBSTONES_KEY) {
      const tombstones = decodeTombstones(reading.text);
      if (tombstones) state.tombstones = tombstones;
      else state.refused.push(key);
    } else if (key === SETTINGS_KEY) {
      const settings = decodeSettings(reading.text);
      if (settings) state.settings = settings;
      else state.refused.push(key);
    }
    // Any other key is not ours (a later version's, say): left as it is.
  }
  return state;
}
