import { translator, type Translator } from '../i18n';
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

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;
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

export function policyWarnings(text: string): PolicyWarning[] {
  const out: PolicyWarning[] = [];
  const emails = text.match(EMAIL) ?? [];
  for (const match of emails)
    out.push({
      kind: 'email',
      match,
      reason: 'shares an email address, which moves the conversation off the platform',
    });
  const withoutEmails = text.replace(EMAIL, ' ');
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
