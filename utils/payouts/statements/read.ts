import type * as z from 'zod/mini';
import {
  CostSchema,
  OrderSchema,
  WithdrawalSchema,
  describeIssues,
  type Cost,
  type CostKind,
  type Order,
  type Platform,
  type RouteId,
  type Withdrawal,
} from '@/utils/schema';
import { column, headerKey, parseCsv, type CsvRecord } from './csv';
import { pakistanNoon } from '@/utils/money/pakistan-time';
import { dayOrderOf, parseAmount, parseStatementDay, type DayOrder } from './values';

/**
 * The platforms' own statement files (shared/FACTS.md, "Statement files"), read into orders,
 * withdrawals and costs. Lenient about the columns (matched by name, trimmed, in any case, with
 * the names each format has had) and strict about every value: a line that cannot be read is
 * named with its line number and why, never guessed at.
 */
export const STATEMENT_SOURCES = [
  'upwork-transactions',
  'upwork-statements',
  'payoneer-transactions',
  'payoneer-activity',
] as const;
export type StatementSource = (typeof STATEMENT_SOURCES)[number];

/** Why a line was left out; each has its words in the locale files (`statement.reason.*`). */
export type LineReason =
  | 'bad-date'
  | 'bad-amount'
  | 'unknown-type'
  | 'not-final'
  | 'fee-unmatched'
  | 'withdrawal-fee-unmatched'
  | 'spending'
  | 'not-earning'
  | 'short-line'
  | 'duplicate'
  | 'invalid';

export interface LineNote {
  line: number;
  reason: LineReason;
  /** The value at fault, or the schema's message for `invalid`. */
  detail?: string;
}

export interface StatementRead {
  source: StatementSource;
  /** Data lines in the file (the header not counted). */
  records: number;
  orders: Order[];
  withdrawals: Withdrawal[];
  costs: Cost[];
  /**
   * Money from a platform into Payoneer: the platform's own orders count it already, so it is
   * shown and not written (it would count the same earning twice).
   */
  transfers: { line: number; from: string; amount: number; currency: string }[];
  /** Lines read and left out on purpose (a pending payment, a card purchase), with why. */
  skipped: LineNote[];
  /** Lines that cannot be read, with why. */
  unreadable: LineNote[];
}

export type StatementError = 'empty' | 'unknown-format' | 'weekly-summary' | 'mixed-dates';
export type ReadResult = { ok: true; statement: StatementRead } | { ok: false; error: StatementError };

/** A file of 10,000 lines is a decade of weekly Upwork payments; 20 MB is far past any real one. */
export const MAX_STATEMENT_BYTES = 20 * 1024 * 1024;

type Get = (rec: CsvRecord, ...names: string[]) => string;

function sourceOf(header: ReadonlyArray<string>): StatementSource | 'weekly-summary' | null {
  const has = (n: string) => header.includes(n);
  if (has('credit amount') && has('debit amount')) return 'payoneer-transactions';
  if (has('transaction type') || (has('transaction id') && has('ref id'))) return 'upwork-transactions';
  if (has('ref id') && has('type') && (has('balance') || has('amount'))) return 'upwork-statements';
  if (has('contract') && has('hours') && has('payment type')) return 'weekly-summary';
  if (has('description') && has('amount') && has('transaction id')) return 'payoneer-activity';
  return null;
}

const cents = (n: number) => Math.round(n * 100) / 100;
const slug = (s: string) => s.replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 80);

/** What the reader builds before validation; `line` is where it came from. */
interface Draft<T> {
  line: number;
  value: T;
  /** For a withdrawal: the ids its fee line may name it by. */
  refs?: string[];
}

export function readStatement(text: string, now = new Date()): ReadResult {
  const records = parseCsv(text);
  if (records.length === 0) return { ok: false, error: 'empty' };
  const header = records[0]!.fields.map(headerKey);
  const source = sourceOf(header);
  if (source === null) return { ok: false, error: 'unknown-format' };
  if (source === 'weekly-summary') return { ok: false, error: 'weekly-summary' };
  const rows = records.slice(1);
  const get: Get = (rec, ...names) => {
    const i = column(header, ...names);
    return i >= 0 ? (rec.fields[i] ?? '').trim() : '';
  };
  const dateColumn = source === 'payoneer-transactions' ? ['transaction date', 'date'] : ['date'];
  // Upwork and Payoneer are American and write month first (FACTS.md); a file saved again by a
  // spreadsheet in Pakistan may have turned them day first.
  const order = dayOrderOf(
    rows.map((r) => get(r, ...dateColumn)),
    'month-first',
  );
  if (order === null) return { ok: false, error: 'mixed-dates' };
  const out: StatementRead = {
    source,
    records: rows.length,
    orders: [],
    withdrawals: [],
    costs: [],
    transfers: [],
    skipped: [],
    unreadable: [],
  };
  const ctx: ReaderContext = { out, get, order, dateColumn, now, header };
  if (source === 'upwork-transactions' || source === 'upwork-statements') readUpwork(ctx, rows);
  else readPayoneer(ctx, rows);
  return { ok: true, statement: out };
}

interface ReaderContext {
  out: StatementRead;
  get: Get;
  order: DayOrder;
  dateColumn: string[];
  now: Date;
  header: string[];
}

/** The row's day and amount, or a note on the line saying which cannot be read. */
function basics(ctx: ReaderContext, rec: CsvRecord, amountText: string): { day: string; amount: number } | null {
  if (rec.fields.length < Math.min(3, ctx.header.length)) {
    ctx.out.unreadable.push({ line: rec.line, reason: 'short-line' });
    return null;
  }
  const dateText = ctx.get(rec, ...ctx.dateColumn);
  const day = parseStatementDay(dateText, ctx.order);
  if (!day) {
    ctx.out.unreadable.push({ line: rec.line, reason: 'bad-date', detail: dateText });
    return null;
  }
  const amount = parseAmount(amountText);
  if (amount === null || amount === 0) {
    ctx.out.unreadable.push({ line: rec.line, reason: 'bad-amount', detail: amountText });
    return null;
  }
  return { day, amount: cents(amount) };
}

/** Validates what a reader built; a record the schema refuses is an unreadable line. */
function finish<T>(
  ctx: ReaderContext,
  drafts: ReadonlyArray<Draft<unknown>>,
  schema: z.ZodMiniType<T>,
  into: T[],
): void {
  const seen = new Set<string>();
  for (const d of drafts) {
    const parsed = schema.safeParse(d.value);
    if (!parsed.success) {
      ctx.out.unreadable.push({ line: d.line, reason: 'invalid', detail: describeIssues(parsed.error.issues) });
      continue;
    }
    const id = (parsed.data as { id: string }).id;
    if (seen.has(id)) {
      ctx.out.skipped.push({ line: d.line, reason: 'duplicate', detail: id });
      continue;
    }
    seen.add(id);
    into.push(parsed.data);
  }
}

const EARNING_TYPES = new Set(['hourly', 'fixed-price', 'fixed price', 'fixed_price', 'bonus', 'milestone']);

/** Upwork's payout methods as its statements name them. */
function upworkRoute(text: string): RouteId | undefined {
  if (/local bank|direct to local|\bdtlb\b/i.test(text)) return 'upwork-local-bank';
  if (/payoneer/i.test(text)) return 'upwork-payoneer';
  if (/\bwise\b|transferwise/i.test(text)) return 'wise';
  return undefined;
}

/** The Ref IDs a fee row names: its own column, and "Ref ID 123" in its description. */
function namedRefs(refColumn: string, description: string): string[] {
  // The description first: in the older statements each row's own Ref ID is its own.
  const refs = [...description.matchAll(/ref(?:erence)?\.?\s*id[:#\s]*(\d{3,})/gi)].map((m) => m[1]!);
  if (refColumn) refs.push(refColumn);
  return refs;
}

function readUpwork(ctx: ReaderContext, rows: CsvRecord[]): void {
  const { get, out, now } = ctx;
  const orders: Draft<Record<string, unknown>>[] = [];
  const withdrawals: Draft<Record<string, unknown>>[] = [];
  const costs: Draft<Record<string, unknown>>[] = [];
  const earningByRef = new Map<string, Draft<Record<string, unknown>>>();
  const fees: { rec: CsvRecord; amount: number; refs: string[] }[] = [];
  const withdrawalFees: WithdrawalFee[] = [];

  for (const rec of rows) {
    const b = basics(ctx, rec, get(rec, 'amount $', 'amount', 'amount ($)', 'amount usd'));
    if (!b) continue;
    const type = get(rec, 'transaction type', 'type').toLowerCase().replace(/\s+/g, ' ');
    const txId = get(rec, 'transaction id');
    const refId = get(rec, 'ref id', 'reference id');
    const summary = get(rec, 'transaction summary', 'description');
    const details = [
      get(rec, 'transaction summary details'),
      get(rec, 'description 1'),
      get(rec, 'entered description'),
    ].find((s) => s !== '');
    const description = [summary, details].filter(Boolean).join(' · ');
    const key = refId || txId;
    const at = pakistanNoon(b.day);
    const balance = get(rec, 'current balance $', 'current balance', 'balance');
    // Upwork lists pending payments with the future day they become available and no balance yet.
    const pending = balance === '' && Date.parse(at) > now.getTime();

    if (EARNING_TYPES.has(type)) {
      if (b.amount < 0) {
        costs.push({ line: rec.line, value: costDraft('upwork', 'refund', rec, b, description, key) });
        continue;
      }
      const client = get(rec, 'team', 'client team', 'account name', 'client') || 'Upwork client';
      const title = details || summary || (type === 'bonus' ? 'Bonus' : type === 'hourly' ? 'Hourly' : 'Fixed-price');
      const draft: Draft<Record<string, unknown>> = {
        line: rec.line,
        value: {
          id: `ord-upwork-${slug(key || `line-${rec.line}-${b.day}`)}`,
          platform: 'upwork',
          externalId: key || undefined,
          client,
          title: title.slice(0, 300),
          amount: b.amount,
          currency: 'USD',
          status: 'completed',
          orderedAt: pending ? now.toISOString() : at,
          completedAt: pending ? now.toISOString() : at,
          clearsAt: at,
          notes: `Imported from an Upwork statement (${type}).`,
          updatedAt: now.toISOString(),
        },
      };
      orders.push(draft);
      if (refId) earningByRef.set(refId, draft);
      if (txId) earningByRef.set(txId, draft);
    } else if (type === 'service fee') {
      fees.push({ rec, amount: Math.abs(b.amount), refs: namedRefs(refId, description) });
    } else if (type === 'withdrawal') {
      const method = get(rec, 'payment method');
      const local = parseAmount(get(rec, 'amount in local currency'));
      const currency = get(rec, 'currency').toUpperCase();
      withdrawals.push({
        line: rec.line,
        refs: [refId, txId].filter(Boolean),
        value: {
          id: `wd-upwork-${slug(key || `line-${rec.line}-${b.day}`)}`,
          at,
          amount: Math.abs(b.amount),
          currency: 'USD',
          ...(currency === 'PKR' && local ? { pkrReceived: Math.abs(cents(local)) } : {}),
          route: upworkRoute(`${method} ${description}`),
          externalId: key || undefined,
        },
      });
    } else if (type === 'withdrawal fee') {
      withdrawalFees.push({ rec, day: b.day, amount: Math.abs(b.amount), refs: namedRefs(refId, description) });
    } else if (type === 'connects' || type === 'membership fee' || type === 'membership') {
      const kind: CostKind = type === 'connects' || /connects/i.test(description) ? 'connects' : 'membership';
      costs.push({ line: rec.line, value: costDraft('upwork', kind, rec, b, description, key) });
    } else if (
      type === 'vat' ||
      type === 'gst' ||
      type === 'refund' ||
      type === 'miscellaneous' ||
      type === 'payment'
    ) {
      if (b.amount > 0) {
        out.skipped.push({ line: rec.line, reason: 'not-earning', detail: get(rec, 'transaction type', 'type') });
        continue;
      }
      const kind: CostKind = type === 'vat' || type === 'gst' ? 'tax' : type === 'refund' ? 'refund' : 'other';
      costs.push({ line: rec.line, value: costDraft('upwork', kind, rec, b, description, key) });
    } else {
      out.unreadable.push({ line: rec.line, reason: 'unknown-type', detail: get(rec, 'transaction type', 'type') });
    }
  }

  // A service fee belongs to the earning whose Ref ID it names; the order keeps the percentage,
  // which is what varies per contract since May 2025.
  for (const f of fees) {
    const earning = f.refs.map((r) => earningByRef.get(r)).find(Boolean);
    if (!earning) {
      out.skipped.push({ line: f.rec.line, reason: 'fee-unmatched', detail: f.refs[0] });
      continue;
    }
    const gross = earning.value.amount as number;
    const fee = ((earning.value.feeUsd as number | undefined) ?? 0) + f.amount;
    earning.value.feeUsd = fee;
    earning.value.feePercent = Math.min(100, Math.round((fee / gross) * 10_000) / 100);
  }
  for (const o of orders) delete o.value.feeUsd;

  attachWithdrawalFees(ctx, withdrawalFees, withdrawals);
  finishAll(ctx, orders, withdrawals, costs);
}

interface WithdrawalFee {
  rec: CsvRecord;
  day: string;
  amount: number;
  /** The ids it names: a withdrawal's Ref ID or Payoneer's Reference ID. */
  refs: string[];
}

/**
 * A withdrawal fee is a line of its own: it goes with the withdrawal it names, else the first of
 * the same day without a fee, and what left the account is then the two together.
 */
function attachWithdrawalFees(
  ctx: ReaderContext,
  fees: ReadonlyArray<WithdrawalFee>,
  withdrawals: ReadonlyArray<Draft<Record<string, unknown>>>,
): void {
  for (const f of fees) {
    const w =
      withdrawals.find((d) => f.refs.some((r) => d.refs?.includes(r))) ??
      withdrawals.find((d) => d.value.at === pakistanNoon(f.day) && d.value.fee === undefined);
    if (!w) {
      ctx.out.skipped.push({ line: f.rec.line, reason: 'withdrawal-fee-unmatched', detail: f.refs[0] ?? f.day });
      continue;
    }
    w.value.fee = cents(((w.value.fee as number | undefined) ?? 0) + f.amount);
    w.value.amount = cents((w.value.amount as number) + f.amount);
  }
}

function finishAll(
  ctx: ReaderContext,
  orders: ReadonlyArray<Draft<unknown>>,
  withdrawals: ReadonlyArray<Draft<unknown>>,
  costs: ReadonlyArray<Draft<unknown>>,
): void {
  finish(ctx, orders, OrderSchema, ctx.out.orders);
  finish(ctx, withdrawals, WithdrawalSchema, ctx.out.withdrawals);
  finish(ctx, costs, CostSchema, ctx.out.costs);
}

function costDraft(
  platform: Platform,
  kind: CostKind,
  rec: CsvRecord,
  b: { day: string; amount: number },
  description: string,
  key: string,
): Record<string, unknown> {
  return {
    id: `cost-${platform}-${slug(key || `line-${rec.line}-${b.day}`)}`,
    at: pakistanNoon(b.day),
    platform,
    kind,
    amount: Math.abs(b.amount),
    currency: 'USD',
    description: description.slice(0, 300) || undefined,
    externalId: key || undefined,
  };
}

/** Who sent money into Payoneer: a marketplace, whose own orders count it, or a client. */
const MARKETPLACES: ReadonlyArray<[RegExp, string]> = [
  [/fiverr/i, 'Fiverr'],
  [/upwork/i, 'Upwork'],
  [/peopleperhour/i, 'PeoplePerHour'],
  [/workchest/i, 'WorkChest'],
];
const FINAL = /^(completed?|approved|success(ful)?|done|paid|)$/i;

function readPayoneer(ctx: ReaderContext, rows: CsvRecord[]): void {
  const { get, out, now } = ctx;
  const split = ctx.out.source === 'payoneer-transactions';
  const orders: Draft<Record<string, unknown>>[] = [];
  const withdrawals: Draft<Record<string, unknown>>[] = [];
  const costs: Draft<Record<string, unknown>>[] = [];
  const fees: WithdrawalFee[] = [];

  for (const rec of rows) {
    let amountText: string;
    if (split) {
      const credit = get(rec, 'credit amount');
      const debit = get(rec, 'debit amount');
      // Two positive columns; the debit one is money out.
      amountText = credit !== '' && parseAmount(credit) ? credit : debit !== '' ? `-${debit.replace(/^-/, '')}` : '';
    } else amountText = get(rec, 'amount');
    const b = basics(ctx, rec, amountText);
    if (!b) continue;
    const status = get(rec, 'status');
    if (!FINAL.test(status)) {
      out.skipped.push({ line: rec.line, reason: 'not-final', detail: status });
      continue;
    }
    const description = [get(rec, 'description'), get(rec, 'additional description')].filter(Boolean).join(' · ');
    const txId = get(rec, 'transaction id');
    const ref = get(rec, 'reference id');
    const key = txId || ref;
    const currency = (get(rec, 'currency') || 'USD').toUpperCase();
    const at = pakistanNoon(b.day);
    const from = `${description} ${get(rec, 'source')} ${get(rec, 'store name')}`;

    if (b.amount > 0) {
      const market = MARKETPLACES.find(([re]) => re.test(from));
      if (market) {
        out.transfers.push({ line: rec.line, from: market[1], amount: b.amount, currency });
        continue;
      }
      if (!/payment|received|transfer from|deposit/i.test(description)) {
        out.skipped.push({ line: rec.line, reason: 'not-earning', detail: description });
        continue;
      }
      // A client who pays through Payoneer directly: an order of its own.
      const client = /^payment from\s+(.+?)(?:\s*[·(-].*)?$/i.exec(get(rec, 'description'))?.[1]?.trim();
      orders.push({
        line: rec.line,
        value: {
          id: `ord-payoneer-${slug(key || `line-${rec.line}-${b.day}`)}`,
          platform: 'other',
          externalId: key || undefined,
          client: client || 'Payoneer client',
          title: (description || 'Payment').slice(0, 300),
          amount: b.amount,
          currency,
          feePercent: 0,
          route: 'payoneer',
          status: 'completed',
          orderedAt: at,
          completedAt: at,
          clearsAt: at,
          notes: 'Imported from a Payoneer statement.',
          updatedAt: now.toISOString(),
        },
      });
      continue;
    }

    if (/card charge|purchase|atm/i.test(description)) {
      out.skipped.push({ line: rec.line, reason: 'spending', detail: description });
    } else if (/withdraw|to (your )?bank|bank account|bank transfer/i.test(description) && !/fee/i.test(description)) {
      const transfer = parseAmount(get(rec, 'transfer amount'));
      const transferCurrency = get(rec, 'transfer amount currency').toUpperCase();
      withdrawals.push({
        line: rec.line,
        refs: [ref, txId].filter(Boolean),
        value: {
          id: `wd-payoneer-${slug(key || `line-${rec.line}-${b.day}`)}`,
          at,
          amount: Math.abs(b.amount),
          currency,
          ...(transferCurrency === 'PKR' && transfer ? { pkrReceived: Math.abs(cents(transfer)) } : {}),
          route: 'payoneer',
          externalId: key || undefined,
        },
      });
    } else if (/fee/i.test(description)) {
      if (/withdraw|transfer|bank/i.test(description)) {
        fees.push({ rec, day: b.day, amount: Math.abs(b.amount), refs: ref ? [ref] : [] });
      } else {
        costs.push({
          line: rec.line,
          value: { ...costDraft('other', 'fee', rec, b, description, key), currency },
        });
      }
    } else {
      out.skipped.push({ line: rec.line, reason: 'not-earning', detail: description });
    }
  }
  attachWithdrawalFees(ctx, fees, withdrawals);
  finishAll(ctx, orders, withdrawals, costs);
}
