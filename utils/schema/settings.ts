import * as z from 'zod/mini';
import { Percent } from './common';
import { DefaultRoutesSchema, RoutesSchema } from './routes';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

const def = z._default;

/**
 * The keys that open the template picker and expand a shortcut. Ctrl+Space switches the input
 * language on many Windows machines and Brave takes it, so there are others; Ctrl+Shift+Space is
 * the browser command (manifest) and so not offered here. `off` switches the key off.
 */
export const PICKER_KEYS = ['Ctrl+Space', 'Ctrl+.', 'Ctrl+;', 'Alt+.', 'off'] as const;
export const EXPANSION_KEYS = ['Tab', 'Space', 'off'] as const;
export type PickerKey = (typeof PICKER_KEYS)[number];
export const LANGUAGES = ['auto', 'en', 'ur'] as const;
export const GROUPINGS = ['thousands', 'lakh'] as const;
export type ExpansionKey = (typeof EXPANSION_KEYS)[number];

/**
 * Every figure that can change (fees, taxes, rates) is a default the user can edit: see
 * shared/FACTS.md (gathered November 2026).
 */
export const SettingsSchema = z.object(
  {
    myName: def(z.string().check(z.trim(), z.maxLength(100, { error: 'your name is at most 100 characters' })), ''),
    rate: def(
      z.object({
        mode: def(z.enum(['live', 'manual']), 'live'),
        /** "Use my own rate": what the seller's bank or Payoneer actually gave them. */
        manualPkrPerUsd: def(
          z.nullable(
            z
              .number({ error: 'expected a rate' })
              .check(
                z.minimum(50, { error: 'a PKR per USD rate below 50 is not plausible' }),
                z.maximum(2000, { error: 'a PKR per USD rate above 2,000 is not plausible' }),
              ),
          ),
          null,
        ),
      }),
      { mode: 'live', manualPkrPerUsd: null },
    ),
    fees: def(
      z.object({
        /** Fiverr terms: the seller keeps 80%, tips included. */
        fiverr: def(Percent, 20),
        /** Upwork: flat 10% from May 2023, variable 0–15% per contract since May 2025; 10% as the default. */
        upwork: def(Percent, 10),
        /** PeoplePerHour: 20% of the first £250 billed with a buyer (tiers above); the first tier as the default. */
        peopleperhour: def(Percent, 20),
        linkedin: def(Percent, 0),
        /** WorkChest: FACTS.md has no fee for it; 0% until the seller enters theirs. */
        workchest: def(Percent, 0),
        other: def(Percent, 0),
      }),
      { fiverr: 20, upwork: 10, peopleperhour: 20, linkedin: 0, workchest: 0, other: 0 },
    ),
    /** How money reaches the bank (#23): each route's fees, and the route each platform's money takes. */
    routes: RoutesSchema,
    defaultRoute: DefaultRoutesSchema,
    /**
     * Net figures use the seller's own average markup of a route, from their recent withdrawals,
     * once they have recorded one; off, the route's figure stands.
     */
    useOwnMarkup: def(z.boolean(), true),
    /** Finance Act 2025: final tax 0.25% of gross remittance if PSEB-registered, 1% otherwise. */
    taxStatus: def(z.enum(['pseb', 'unregistered']), 'unregistered'),
    /** Notifications: 24 h and 3 h before a deadline; when money clears. */
    reminders: def(z.object({ deadlines: def(z.boolean(), true), clearing: def(z.boolean(), true) }), {
      deadlines: true,
      clearing: true,
    }),
    /** Fiverr clears funds 7 days after completion for Top Rated sellers instead of 14. */
    topRatedSeller: def(z.boolean(), false),
    /**
     * Days from completion until money is available. Fiverr: 14 (7 when Top Rated, see above).
     * Upwork: its security period, 5 days for fixed-price by default (unconfirmed; editable).
     */
    clearanceDays: def(
      z.object({
        fiverr: def(z.int().check(z.minimum(0), z.maximum(90)), 14),
        upwork: def(z.int().check(z.minimum(0), z.maximum(90)), 5),
        peopleperhour: def(z.int().check(z.minimum(0), z.maximum(90)), 0),
        linkedin: def(z.int().check(z.minimum(0), z.maximum(90)), 0),
        workchest: def(z.int().check(z.minimum(0), z.maximum(90)), 0),
        other: def(z.int().check(z.minimum(0), z.maximum(90)), 0),
      }),
      { fiverr: 14, upwork: 5, peopleperhour: 0, linkedin: 0, workchest: 0, other: 0 },
    ),
    weeklyOrderLimit: def(
      z
        .int({ error: 'expected a whole number' })
        .check(
          z.minimum(1, { error: 'the weekly limit is at least 1' }),
          z.maximum(100, { error: 'the weekly limit is at most 100' }),
        ),
      3,
    ),
    restDay: def(z.enum(WEEKDAYS), 'sunday'),
    /** How rupees are written: 1,250,000 or 12,50,000 (lakh/crore). */
    pkrGrouping: def(z.enum(GROUPINGS), 'thousands'),
    /** The interface language: the browser's (auto), or one chosen here. */
    language: def(z.enum(LANGUAGES), 'auto'),
    keys: def(
      z.object({
        picker: def(z.enum(PICKER_KEYS), 'Ctrl+Space'),
        expansion: def(z.enum(EXPANSION_KEYS), 'Tab'),
      }),
      { picker: 'Ctrl+Space', expansion: 'Tab' },
    ),
    /**
     * The first-run questions were answered or skipped. Until then the defaults stand, tax at 1%
     * (not PSEB-registered): assuming 0.25% would understate every unregistered seller's tax.
     */
    setupDone: def(z.boolean(), false),
    /** Screen sharing: amounts on Fiverr and Upwork pages, ours and theirs, blurred (popup switch). */
    privacy: def(z.boolean(), false),
    /** Feature id → enabled. A feature missing here is on. */
    features: def(z.record(z.string().check(z.minLength(1), z.maxLength(80)), z.boolean()), {}),
  },
  { error: 'expected the settings (an object)' },
);

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/**
 * Reads whatever is stored, keeping every valid field and falling back to the default for each
 * field that is missing or broken, so one bad value never resets the user's other settings.
 */
export function coerceSettings(stored: unknown): Settings {
  const raw = upgradeLegacySettings(stored);
  const whole = SettingsSchema.safeParse(raw);
  if (whole.success) return whole.data;
  // Each bad value is put back to its default where it stands, and only it: one bad fee
  // (`fees.fiverr`) must not reset the other fees, nor anything else the seller set.
  let candidate: unknown = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? structuredClone(raw) : {};
  for (let round = 0; round < 50; round++) {
    const parsed = SettingsSchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) candidate = withDefaultAt(candidate, issue.path);
  }
  return DEFAULT_SETTINGS;
}

/**
 * Settings written before routes (#23) had one withdrawal model, `withdrawal: {percent, fixedUsd,
 * fxMarkupPercent}`, which every platform used. The seller's figures become the Payoneer route's,
 * the route it described, instead of being dropped as an unknown key. Stored settings and backups
 * both pass through here.
 */
export function upgradeLegacySettings(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const { withdrawal, ...rest } = raw as Record<string, unknown>;
  if (withdrawal === undefined) return raw;
  if ('routes' in rest || withdrawal === null || typeof withdrawal !== 'object') return rest;
  const w = withdrawal as Record<string, unknown>;
  return {
    ...rest,
    routes: {
      payoneer: {
        fixedFee: w.fixedUsd,
        percent: w.percent,
        fxMarkupPercent: w.fxMarkupPercent,
        currency: 'USD',
      },
    },
  };
}

/** `value` with the default put back at `path`, or at the nearest level of it the defaults have. */
function withDefaultAt(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let defaults: unknown = DEFAULT_SETTINGS;
  let depth = 0;
  for (; depth < path.length; depth++) {
    const next = (defaults as Record<PropertyKey, unknown> | null)?.[path[depth]!];
    if (next === undefined || next === null || typeof next !== 'object' || Array.isArray(next)) break;
    defaults = next;
  }
  // The leaf itself when the defaults have it; a key the defaults lack (an unknown feature switch)
  // is dropped; else the deepest object the defaults still describe.
  const leaf = depth < path.length ? (defaults as Record<PropertyKey, unknown>)?.[path[depth]!] : undefined;
  const drop = leaf === undefined && depth === path.length - 1;
  const at = leaf !== undefined || drop ? path.slice(0, depth + 1) : path.slice(0, depth);
  if (at.length === 0) return structuredClone(DEFAULT_SETTINGS);
  const root = (value !== null && typeof value === 'object' ? value : {}) as Record<PropertyKey, unknown>;
  let node = root;
  for (const key of at.slice(0, -1)) {
    const child = node[key];
    if (child === null || typeof child !== 'object' || Array.isArray(child)) node[key] = {};
    node = node[key] as Record<PropertyKey, unknown>;
  }
  if (drop) delete node[at.at(-1)!];
  else node[at.at(-1)!] = structuredClone(leaf !== undefined ? leaf : defaults);
  return root;
}

export function isFeatureEnabled(settings: Settings, featureId: string): boolean {
  return settings.features[featureId] !== false;
}
