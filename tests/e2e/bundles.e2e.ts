import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pages from '@/utils/platform/i18n/locales/en-pages.json';
import options from '@/utils/platform/i18n/locales/en-options.json';
import core from '@/utils/platform/i18n/locales/en.json';
import { ROOT } from '../harness/paths';

/**
 * What the built content scripts carry (#19): the English they show, not the words only the
 * extension's own pages show, which every Fiverr and Upwork page would otherwise load.
 */
describe.each(['chrome-mv3', 'firefox-mv2'])('built content scripts (%s)', (target) => {
  const dir = join(ROOT, '.output', target, 'content-scripts');
  const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));

  it.each(scripts)('%s carries no page-only English, and the English it shows', (file) => {
    // However the bundler quotes and escapes a message (a JS string, or JSON inside JSON.parse),
    // its words are there in order: compared without quotes and backslashes.
    const plain = (s: string) => s.replace(/[\\'"`]/g, '');
    const code = plain(readFileSync(join(dir, file), 'utf8'));
    // Long, distinctive messages only: a short one ("Delete") could be in the code for other reasons.
    const distinctive = (v: string) => v.length > 40;
    const leaked = [...Object.values(pages), ...Object.values(options)]
      .filter(distinctive)
      .filter((v) => code.includes(plain(v)));
    expect(leaked).toEqual([]);
    expect(code).toContain(plain(core['card.earnedNote']));
  });
});
