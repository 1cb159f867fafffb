// The checks' English comes with them: Fiverr pages without a gig never load it (#19).
import '@/utils/platform/i18n/en-seo';
import { translatorFor } from '@/utils/platform/i18n';
import type { FeatureContext } from '@/utils/platform/runner/types';
import { pageSettled, waitForElement } from '@/utils/platform/runner/dom';
import { insertText } from '@/utils/platform/insert/chain';
import { request } from '@/utils/platform/messaging/client';
import {
  gigSlug,
  isGigEditor,
  mergeGigFacts,
  NO_GIG_FACTS,
  readGigEditor,
  readGigPage,
  readGigProps,
  readPerseusProps,
  searchQuery,
  selectors,
  type GigFacts,
} from '@/utils/sites/fiverr';
import { createLayer } from '@/utils/platform/ui/layer';
import { onPageChange } from './live.content';
import { createChecksView, createShell, PANEL_CSS } from './panel';
import { GIG_RULES, runRules, score, suggestKeywords, type Fix } from './rules';

/**
 * The gig editor shows one wizard step at a time, and each step is its own URL (the feature
 * restarts on it). What earlier steps showed is kept here, per gig, for the life of the tab.
 */
const editorMemory = new Map<string, GigFacts>();

const known = (facts: GigFacts) => Object.values(facts).some((v) => v !== null);

/** Fiverr gig SEO: a live panel in the gig editor, and the same checks on any gig page. */
export async function startGigSeo({ signal, url, log, settings }: FeatureContext): Promise<void> {
  const tr = translatorFor(settings.language);
  const slug = gigSlug(url);
  if (!slug) return;
  const editor = isGigEditor(url);
  if (editor) {
    const s = selectors.gigEditor;
    const field = await waitForElement([s.title, s.description, s.packageName, s.faqQuestion].join(','), { signal });
    if (!field) return log.standDown('no gig editor fields found', 'gigEditor');
  }
  await pageSettled(signal);
  if (signal.aborted) return;

  const read = (): GigFacts => {
    if (!editor) return readGigPage(document);
    const now = readGigEditor(document);
    const merged = mergeGigFacts(
      now,
      mergeGigFacts(editorMemory.get(slug) ?? NO_GIG_FACTS, readGigProps(readPerseusProps(document))),
    );
    editorMemory.set(slug, merged);
    return merged;
  };
  const first = read();
  if (!known(first))
    return log.standDown('nothing of the gig could be read on this page', editor ? 'gigEditor' : 'gigDetails');

  let keywords: string[] = [];
  try {
    keywords = (await request('seo.keywords.get', { slug })).keywords;
  } catch (e) {
    log.once('keywords', `target keywords unavailable (${e instanceof Error ? e.message : String(e)})`);
  }
  if (signal.aborted) return;

  // A gig the seller opened from a search: its tags feed that search's "what ranks here" card.
  if (!editor && first.tags) {
    const query = document.referrer ? searchQuery(document.referrer) : null;
    request('seo.gig.seen', { slug, title: first.title, tags: [...first.tags], query }).catch((e: unknown) =>
      log.once('seen', `could not note the gig's tags (${e instanceof Error ? e.message : String(e)})`),
    );
  }

  const layer = createLayer('seo', PANEL_CSS, signal, { below: true });
  const shell = await createShell(layer, 'seo', tr.t(editor ? 'panel.gigSeoLive' : 'panel.gigSeo'), tr);
  if (signal.aborted) return;
  const view = createChecksView(shell, tr);

  const applyFix = async (fix: Fix): Promise<boolean> => {
    const field = document.querySelector<HTMLTextAreaElement>(selectors.gigEditor.title);
    if (!field || fix.field !== 'title') return false;
    const result = await insertText(field, fix.text, { kind: 'field', start: 0, end: field.value.length });
    evaluate();
    return result.ok && field.value === fix.text;
  };

  const evaluate = (facts = read()) => {
    const suggestions = suggestKeywords(facts.tags ?? []);
    const set = keywords.length > 0;
    const results = runRules(GIG_RULES, { ...facts, keywords: set ? keywords : suggestions, keywordsSet: set }, tr);
    view.update({
      results,
      score: score(results),
      keywords: {
        keywords,
        set,
        suggestions,
        save: async (next) => {
          try {
            keywords = (await request('seo.keywords.set', { slug, keywords: next })).keywords;
            evaluate();
            return null;
          } catch (e) {
            return e instanceof Error ? e.message : tr.t('panel.saveFailed');
          }
        },
      },
      tags: editor ? null : { heading: tr.t('panel.gigTags'), tags: facts.tags ?? [] },
      ...(editor ? { applyFix } : {}),
    });
  };
  evaluate(first);
  if (editor) onPageChange(() => evaluate(), { signal, layer });
}
