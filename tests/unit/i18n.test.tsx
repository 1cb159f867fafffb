import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { I18nProvider } from '@/components/i18n';
import { App as PopupApp } from '@/entrypoints/popup/App';
import { App as OptionsApp } from '@/entrypoints/options/App';
import { createHandlers } from '@/entrypoints/background/handlers';
import { getDb } from '@/utils/platform/db';
import { saveOrder } from '@/utils/orders/store';
import { saveTemplate } from '@/utils/templates/store';
import { ageText, durationText, MESSAGES, resolveLocale, translator, weekdayName } from '@/utils/platform/i18n';
import { createRouter } from '@/utils/platform/messaging/router';
import { DEFAULT_SETTINGS, describeIssues, OrderSchema, SettingsSchema, TemplateSchema } from '@/utils/schema';
import { localizeError } from '@/utils/platform/i18n/errors';
import { PAGE_PREFIXES } from '@/utils/platform/i18n/en-pages';
import { OPTIONS_PREFIXES } from '@/utils/platform/i18n/en-options';
import { SEO_PREFIXES } from '@/utils/platform/i18n/en-seo';
import enSeo from '@/utils/platform/i18n/locales/en-seo.json';
import enOptions from '@/utils/platform/i18n/locales/en-options.json';
import enCore from '@/utils/platform/i18n/locales/en.json';
import enPages from '@/utils/platform/i18n/locales/en-pages.json';

function readdirRecursive(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? readdirRecursive(path) : [path];
  });
}
import { parseBackupText } from '@/utils/backup/store';
import { fullOrder } from './data';
import { saveSettings } from '@/utils/platform/settings';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locale files', () => {
  const en = MESSAGES.en;
  const ur = MESSAGES.ur;

  it('keep each surface’s English where that surface loads it', () => {
    const files = [
      ...readdirRecursive('utils'),
      ...readdirRecursive('entrypoints'),
      ...readdirRecursive('components'),
    ].filter((f) => /\.tsx?$/.test(f));
    const uses = (prefixes: readonly string[], of: (f: string) => boolean) => {
      const key = new RegExp(`\\btn?\\(\\s*['\`](${prefixes.join('|')})\\.`, 'g');
      return files.filter(of).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(key)].map((m) => `${f}: ${m[0]}`));
    };
    // Content scripts (everything but the pages, the background and their stores) load en.json alone.
    const pageSide =
      /^components\/|(^|\/)(ui|options|popup|background|payouts|sync|backup)\/|\.background\.ts$|\/store\.ts$|orders\/reminders\.ts$|i18n\/en-(pages|options)\.ts$/;
    expect(uses([...PAGE_PREFIXES, ...OPTIONS_PREFIXES], (f) => !pageSide.test(f))).toEqual([]);
    // The popup loads en-pages, not the options page's words.
    const popup = new Set([
      'entrypoints/popup/App.tsx',
      'utils/orders/ui/Dashboard.tsx',
      'utils/rates/ui/RatePanel.tsx',
      'utils/templates/ui/TemplateList.tsx',
      'components/PageNotices.tsx',
      'components/Field.tsx',
    ]);
    expect(uses(OPTIONS_PREFIXES, (f) => popup.has(f))).toEqual([]);
    // The checks' words: only the modules that import en-seo (and what only they import) use them.
    const checks = new Set([
      'utils/seo/gig.content.ts',
      'utils/seo/upwork.content.ts',
      'utils/seo/rules.ts',
      'utils/seo/upwork-rules.ts',
    ]);
    expect(uses(SEO_PREFIXES, (f) => !pageSide.test(f) && !checks.has(f))).toEqual([]);
    for (const f of ['utils/seo/gig.content.ts', 'utils/seo/upwork.content.ts'])
      expect(readFileSync(f, 'utf8'), f).toContain("import '@/utils/platform/i18n/en-seo';");
    // Every key sits in the file of its prefix, so the split is by prefix alone.
    for (const k of Object.keys(enCore))
      expect([...PAGE_PREFIXES, ...OPTIONS_PREFIXES, ...SEO_PREFIXES], k).not.toContain(k.split('.')[0]);
    for (const k of Object.keys(enSeo)) expect(SEO_PREFIXES, k).toContain(k.split('.')[0]);
    for (const k of Object.keys(enPages)) expect(PAGE_PREFIXES, k).toContain(k.split('.')[0]);
    for (const k of Object.keys(enOptions)) expect(OPTIONS_PREFIXES, k).toContain(k.split('.')[0]);
  });

  it('have the same keys in English and Urdu', () => {
    expect(Object.keys(ur).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same placeholders in both languages, and no empty message', () => {
    for (const key of Object.keys(en)) {
      expect(placeholders(ur[key]!), key).toEqual(placeholders(en[key]!));
      expect(en[key]!.trim(), key).not.toBe('');
      expect(ur[key]!.trim(), key).not.toBe('');
    }
  });

  it('write Urdu in Urdu script', () => {
    // Brand and platform names stay as they are; everything else carries Arabic-script letters.
    const latinOnly = Object.entries(ur).filter(([, m]) => {
      const words = m.replace(/\{\w+\}/g, '');
      return /[A-Za-z]/.test(words) && !/[\u0600-\u06FF]/.test(words);
    });
    // Quoted English openings are what the letter literally says; FAQ is the word Fiverr uses.
    expect(latinOnly.map(([k]) => k).sort()).toEqual(
      [
        'platform.fiverr',
        'platform.upwork',
        'platform.peopleperhour',
        'platform.linkedin',
        'platform.workchest',
        // Upwork's own name for what proposals cost.
        'cost.connects',
        'seo.faq.label',
        'opening.dear-sir',
        'opening.whom',
        'opening.i-am',
        'opening.my-name',
      ].sort(),
    );
  });

  it('have both forms of every plural', () => {
    for (const key of Object.keys(en)) {
      if (key.endsWith('.one')) expect(en, key).toHaveProperty(key.replace(/\.one$/, '.other'));
    }
  });
});

describe('translator', () => {
  it('follows the setting, else the browser language, else English', () => {
    expect(resolveLocale('ur', ['en-US'])).toBe('ur');
    expect(resolveLocale('en', ['ur-PK'])).toBe('en');
    expect(resolveLocale('auto', ['ur-PK', 'en-US'])).toBe('ur');
    expect(resolveLocale('auto', ['ur'])).toBe('ur');
    expect(resolveLocale('auto', ['de-DE', 'en-GB', 'ur'])).toBe('en');
    expect(resolveLocale('auto', ['fr-FR'])).toBe('en');
    expect(resolveLocale('auto', [])).toBe('en');
  });

  it('fills placeholders, picks plural forms and formats numbers for the locale', () => {
    const en = translator('en');
    const ur = translator('ur');
    expect(en.tn('templates.used', 1)).toBe('used 1 time');
    expect(en.tn('templates.used', 1500)).toBe('used 1,500 times');
    expect(ur.tn('templates.used', 3)).toBe('3 بار استعمال ہوا');
    expect(en.t('dashboard.weekNew', { limit: 3 })).toBe('New this week (limit 3)');
    expect(ur.dir).toBe('rtl');
    expect(en.dir).toBe('ltr');
    expect(ageText(en, 3 * 3600_000)).toBe('3 hours ago');
    expect(ageText(ur, 20_000)).toBe('ابھی ابھی');
    expect(durationText(en, -50 * 3600_000)).toBe('2 days');
    expect(weekdayName(en, 'sunday')).toBe('Sunday');
    expect(weekdayName(ur, 'friday')).toBe('جمعہ');
  });
});

/**
 * Renders a page of ours in Urdu and lists every English word it shows: text and accessible
 * names, outside user content (`translate="no"`: templates, client names, order titles).
 */
// Names that are the same in Urdu: currencies, platforms and their programmes, file types, keys.
const ALLOWED = new Set(
  'USD EUR GBP PKR ISO Fiverr Upwork PeoplePerHour LinkedIn WorkChest Payoneer Wise PRC SBP Connects VAT GST PSEB Top Rated ExchangeRate API CSV Ctrl Alt Space Tab English'.split(
    ' ',
  ),
);
function englishWords(root: Element): string[] {
  const found: string[] = [];
  const userContent = (el: Element | null) => el?.closest('[translate="no"]') != null;
  // The user's own words may sit inside our labels ("Copy {title}"): those are not ours.
  const theirs = [...root.querySelectorAll('[translate="no"]')]
    .map((e) => e.textContent ?? '')
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  const scan = (raw: string) => {
    // Template variables ({{my_name}}) are syntax the user types, not words.
    const text = theirs.reduce((t, u) => t.split(u).join(' '), raw).replace(/\{\{[^}]*\}\}/g, ' ');
    for (const word of text.match(/[A-Za-z]{2,}/g) ?? []) if (!ALLOWED.has(word)) found.push(word);
  };
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    if (!userContent(n.parentElement)) scan(n.textContent ?? '');
  for (const el of root.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
    if (userContent(el)) continue;
    for (const attr of ['aria-label', 'placeholder', 'title', 'alt']) scan(el.getAttribute(attr) ?? '');
  }
  return found;
}

async function renderPage(
  Page: () => React.JSX.Element,
  language: 'en' | 'ur',
): Promise<{ root: HTMLElement; unmount(): void }> {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const db = getDb();
  const route = createRouter(createHandlers(db), fakeBrowser.runtime.id);
  // As our own popup: the dashboard is asked for only from our pages.
  const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => route(message, popup));
  await saveSettings({ ...DEFAULT_SETTINGS, language, weeklyOrderLimit: 1, restDay: 'sunday' });
  const now = Date.now();
  const iso = (ms: number) => new Date(now + ms).toISOString();
  await saveTemplate(db, {
    id: 'tpl-en',
    title: 'Thanks, English stays',
    body: 'Thank you for your order!',
    shortcut: '/ty',
    tags: [],
  });
  for (const [i, due] of [2 * 86400_000, -3600_000].entries())
    await saveOrder(db, {
      id: `o${i}`,
      platform: 'fiverr',
      client: 'علی',
      title: 'Logo for a tea shop',
      amount: 40,
      currency: 'USD',
      status: 'active',
      orderedAt: iso(-60_000),
      dueAt: iso(due),
    });
  const root = document.createElement('div');
  document.body.append(root);
  const reactRoot = createRoot(root);
  await act(async () => {
    reactRoot.render(
      <I18nProvider>
        <Page />
      </I18nProvider>,
    );
  });
  for (
    let i = 0;
    i < 100 &&
    !(
      root.querySelector('[data-gigsaathi-template]') &&
      root.querySelector('[data-gigsaathi-rate]') &&
      root.querySelector('[data-gigsaathi-active]')
    );
    i++
  )
    await act(() => new Promise((r) => setTimeout(r, 20)));
  return { root, unmount: () => act(() => reactRoot.unmount()) as unknown as void };
}

describe('the popup in Urdu', () => {
  afterEach(async () => {
    const db = getDb();
    await Promise.all([db.orders.clear(), db.templates.clear()]);
    document.body.replaceChildren();
  });

  it('shows no English of ours, only the user’s own content, right to left', async () => {
    const { root, unmount } = await renderPage(PopupApp, 'ur');
    expect(root.querySelectorAll('[data-gigsaathi-active]')).toHaveLength(2);
    expect(root.querySelector('.warning[role="note"]')).not.toBeNull(); // over the weekly limit
    expect(englishWords(root)).toEqual([]);
    expect(root.textContent).toContain('Thank you for your order!'); // the template stays as written
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ur-PK');
    unmount();
  });

  it('the options page shows no English of ours either', async () => {
    const { root, unmount } = await renderPage(OptionsApp, 'ur');
    expect(root.querySelector('form.settings')).not.toBeNull();
    expect(root.querySelectorAll('[data-gigsaathi-order]')).toHaveLength(2);
    expect(englishWords(root)).toEqual([]);
    unmount();
  });

  it('the check finds English when the popup is in English', async () => {
    const { root, unmount } = await renderPage(PopupApp, 'en');
    expect(englishWords(root)).toEqual(expect.arrayContaining(['Earnings', 'Exchange', 'rate', 'Templates']));
    expect(document.documentElement.dir).toBe('ltr');
    unmount();
  });
});

describe('errors shown in Urdu', () => {
  const ur = translator('ur');
  const en = translator('en');
  /** English words left after taking out paths (orders[3].amount), quoted values and JSON. */
  const leftover = (text: string) =>
    (
      text
        .replace(/[\w$]+(?:\[\d+\]|\.[\w$]+)*:/g, ' ')
        .replace(/"[^"]*"|“[^”]*”|”[^“]*“/g, ' ')
        .match(/[A-Za-z]{3,}/g) ?? []
    ).filter((w) => !['JSON', 'ISO', 'USD', 'PKR'].includes(w));

  it('translates every known message, and leaves English as it was', () => {
    for (const [key, english] of Object.entries(MESSAGES.en).filter(([k]) => k.startsWith('error.exact.'))) {
      expect(localizeError(en, english)).toBe(english);
      expect(leftover(localizeError(ur, english)), key).toEqual([]);
    }
    expect(localizeError(ur, 'something nobody wrote')).toBe('something nobody wrote');
  });

  it('translates what the schemas and the backup reader really say', () => {
    const messages = [
      describeIssues(OrderSchema.safeParse({ ...fullOrder(), amount: -5 }).error!.issues),
      describeIssues(OrderSchema.safeParse({ ...fullOrder(), currency: 'XYZ', client: '' }).error!.issues),
      describeIssues(
        TemplateSchema.safeParse({ id: 't', title: '', body: 'x', shortcut: 'a b', tags: [] }).error!.issues,
      ),
      describeIssues(SettingsSchema.safeParse({ weeklyOrderLimit: 0 }).error!.issues),
      describeIssues(OrderSchema.safeParse({ ...fullOrder(), status: 'lost' }).error!.issues),
      ...['', '{"format":', '[]', '{"format":"x"}', JSON.stringify({ format: 'gigsaathi-backup', version: 9 })].map(
        (text) => {
          const r = parseBackupText(text);
          return r.ok ? '' : r.error;
        },
      ),
    ];
    for (const message of messages) {
      expect(message).not.toBe('');
      const urdu = localizeError(ur, message);
      expect(leftover(urdu), `${message} → ${urdu}`).toEqual([]);
      expect(urdu).toMatch(/[\u0600-\u06FF]/);
    }
  });
});
