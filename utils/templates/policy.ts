import { translator, type Translator } from '@/utils/platform/i18n';
import { cleanText } from '@/utils/schema/common';
/**
 * Fiverr's Terms of Service and Upwork's rules both forbid taking communication or payment off
 * the platform, and both suspend accounts for it; their message filters flag exactly these
 * patterns. A template that contains one gets a warning saying why (it is not blocked: the
 * seller decides).
 */
export interface PolicyWarning {
  kind: 'email' | 'phone' | 'contact-app' | 'payment';
  match: string;
  reason: string;
}

/** An address's parts, bounded as RFC 5321 bounds them: a local part of 64, a domain of 255. */
const LOCAL_CHAR = /[a-z0-9._%+-]/i;
const DOMAIN_CHAR = /[a-z0-9.-]/i;
const DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/i;

/**
 * Email addresses, found from each `@` outwards. A single regex over the text backtracked from
 * every start: 742 ms on one 20,000-character body. This is one pass, each `@` reading at most
 * 64 characters back and 255 ahead.
 */
export function findEmails(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let floor = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > floor && at - start < 64 && LOCAL_CHAR.test(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && end - at <= 255 && DOMAIN_CHAR.test(text[end]!)) end++;
    const domain = DOMAIN.exec(text.slice(at + 1, end));
    if (start === at || !domain) continue;
    out.push({ start, end: at + 1 + domain[0].length });
    floor = at + 1 + domain[0].length;
  }
  return out;
}

const ARABIC_INDIC = /[\u0660-\u0669\u06f0-\u06f9]/g;

/**
 * What a buyer's eye reads, not what the bytes say, so a disguised address is still caught:
 * full-width letters (NFKC), zero-width and bidi characters (removed), Arabic-Indic and Urdu digits
 * (as 0–9), and "name [at] gmail [dot] com" or "name at gmail dot com".
 */
export function readable(text: string): string {
  return (
    cleanText(text)
      .replace(ARABIC_INDIC, (d) => String((d.charCodeAt(0) - (d.charCodeAt(0) >= 0x06f0 ? 0x06f0 : 0x0660)) % 10))
      // Bounded runs of spaces, so a long run of them costs one pass, not a scan from each space.
      .replace(/[ \t]{0,3}[[({<][ \t]{0,3}at[ \t]{0,3}[\])}>][ \t]{0,3}/gi, '@')
      .replace(/[ \t]{0,3}[[({<][ \t]{0,3}dot[ \t]{0,3}[\])}>][ \t]{0,3}/gi, '.')
      .replace(/\b([a-z0-9._%+-]{1,64}) at ([a-z0-9-]{1,63}) dot ([a-z]{2,10})\b/gi, '$1@$2.$3')
      .replace(/@([a-z0-9-]{1,63}) dot ([a-z]{2,10})\b/gi, '@$1.$2')
  );
}
// +92 300 1234567, 0300-1234567, (555) 123-4567…: digit runs with the usual separators, kept only
// with 10+ digits (9 after a +) so dates, prices and order numbers do not count.
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d(?:[\s.-]?\d){5,13}/g;

const WORDS: { pattern: RegExp; kind: PolicyWarning['kind']; reason: string }[] = [
  { pattern: /\bwhats\s?app\b/gi, kind: 'contact-app', reason: 'moves the conversation off the platform' },
  { pattern: /\bskype\b/gi, kind: 'contact-app', reason: 'moves the conversation off the platform' },
  { pattern: /\btelegram\b/gi, kind: 'contact-app', reason: 'moves the conversation off the platform' },
  { pattern: /\bsignal app\b/gi, kind: 'contact-app', reason: 'moves the conversation off the platform' },
  { pattern: /\bdiscord\b/gi, kind: 'contact-app', reason: 'moves the conversation off the platform' },
  { pattern: /\bpay\s?pal\b/gi, kind: 'payment', reason: 'asks for payment outside the platform' },
  {
    pattern: /\bpay(?:ing|ment)?\s+(?:me\s+)?(?:outside|directly|off[-\s]platform)\b/gi,
    kind: 'payment',
    reason: 'asks for payment outside the platform',
  },
  { pattern: /\bbank\s+transfer\b/gi, kind: 'payment', reason: 'asks for payment outside the platform' },
  {
    pattern: /\b(?:wire\s+transfer|western\s+union|easypaisa|jazzcash)\b/gi,
    kind: 'payment',
    reason: 'asks for payment outside the platform',
  },
];

export function policyWarnings(raw: string): PolicyWarning[] {
  const out: PolicyWarning[] = [];
  const text = readable(raw);
  const emails = findEmails(text);
  let withoutEmails = '';
  let last = 0;
  for (const { start, end } of emails) {
    out.push({
      kind: 'email',
      match: text.slice(start, end),
      reason: 'shares an email address, which moves the conversation off the platform',
    });
    withoutEmails += `${text.slice(last, start)} `;
    last = end;
  }
  withoutEmails += text.slice(last);
  for (const raw of withoutEmails.match(PHONE) ?? []) {
    const match = raw.trim();
    // Dates, order numbers and prices are not phone numbers: require 10+ digits unless it starts with +.
    const digits = match.replace(/\D/g, '').length;
    if (digits >= 10 || (match.startsWith('+') && digits >= 9)) {
      out.push({
        kind: 'phone',
        match,
        reason: 'shares a phone number, which moves the conversation off the platform',
      });
    }
  }
  for (const { pattern, kind, reason } of WORDS) {
    for (const match of text.match(pattern) ?? [])
      out.push({ kind, match, reason: `mentions ${match}, which ${reason}` });
  }
  return out;
}

export function describePolicyWarnings(warnings: PolicyWarning[], tr: Translator = translator('en')): string {
  const first = warnings[0];
  return first ? tr.t(`policy.${first.kind}`, { match: first.match }) : '';
}
