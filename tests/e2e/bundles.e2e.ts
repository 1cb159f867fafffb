import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pages from '@/utils/platform/i18n/locales/en-pages.json';
import options from '@/utils/platform/i18n/locales/en-options.json';
import core from '@/utils/platform/i18n/locales/en.json';
import seo from '@/utils/platform/i18n/locales/en-seo.json';
import { ROOT } from '../harness/paths';

/**
 * What the built content scripts carry (#19): the English they show, not the words only the
 * extension's own pages show, which every Fiverr and Upwork page would otherwise load.
 */
// However the bundler quotes and escapes a message (a JS string, or JSON inside JSON.parse), its
// words are there in order: compared without quotes and backslashes.
const plain = (s: string) => s.replace(/[\\'"`]/g, '');

describe.each(['chrome-mv3', 'firefox-mv2'])('built content scripts (%s)', (target) => {
  const dir = join(ROOT, '.output', target, 'content-scripts');
  const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));

  it.each(scripts)('%s carries no page-only English, and the English it shows', (file) => {
    const code = plain(readFileSync(join(dir, file), 'utf8'));
    // Long, distinctive messages only: a short one ("Delete") could be in the code for other reasons.
    const distinctive = (v: string) => v.length > 40;
    const leaked = [...Object.values(pages), ...Object.values(options)]
      .filter(distinctive)
      .filter((v) => code.includes(plain(v)));
    expect(leaked).toEqual([]);
    expect(code).toContain(plain(core['card.earnedNote']));
    // The listing checks' words come with their pack, on the pages that have checks.
    expect(code).not.toContain(plain(seo['seo.title-prefix.hint']));
    expect(code).not.toContain(plain(seo['seo.cover-opening.hint']));
  });

  // What the background injects beside them: each site's checks and capture, with their words.
  it.each([
    ['fiverr-seo.js', 'seo.title-prefix.hint'],
    ['upwork-seo.js', 'seo.cover-opening.hint'],
  ] as const)('%s carries the checks and their English', (file, key) => {
    expect(plain(readFileSync(join(ROOT, '.output', target, file), 'utf8'))).toContain(plain(seo[key]));
  });
  it.each(['fiverr-capture.js', 'upwork-capture.js'])('%s is built', (file) => {
    expect(readFileSync(join(ROOT, '.output', target, file), 'utf8')).toContain('Save to GigSaathi');
  });
});
