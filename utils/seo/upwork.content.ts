// The checks' English comes with them: Upwork pages without the checks never load it (#19).
import '@/utils/platform/i18n/en-seo';
import { translatorFor, type MessageKey, type Translator } from '@/utils/platform/i18n';
import type { PageNoticeKey } from '@/utils/schema';
import type { FeatureContext } from '@/utils/platform/runner/types';
import { pageSettled, waitForElement } from '@/utils/platform/runner/dom';
import {
  isCatalogEditor,
  isProfile,
  isProposal,
  readCatalogProject,
  readCoverLetter,
  readProfile,
  selectors,
} from '@/utils/sites/upwork';
import { createLayer } from '@/utils/platform/ui/layer';
import { onPageChange } from './live.content';
import { createChecksView, createShell, PANEL_CSS } from './panel';
import { runRules, score, type CheckResult } from './rules';
import { CATALOG_RULES, PROFILE_RULES, PROPOSAL_RULES } from './upwork-rules';

interface Page {
  title: MessageKey;
  /** What must be on the page before checking (the field being written). */
  ready: string;
  /** What the popup says could not be found when `ready` never shows. */
  notice: PageNoticeKey;
  check(tr: Translator): CheckResult[] | null;
}

function pageFor(url: URL): Page | null {
  if (isProposal(url))
    return {
      title: 'panel.proposal',
      ready: selectors.proposal.coverLetter,
      notice: 'coverLetter',
      check: (tr) => {
        const letter = readCoverLetter(document);
        return letter ? runRules(PROPOSAL_RULES, letter, tr) : null;
      },
    };
  if (isProfile(url))
    return {
      title: 'panel.profile',
      ready: Object.values(selectors.profile).join(','),
      notice: 'profile',
      check: (tr) => runRules(PROFILE_RULES, readProfile(document), tr),
    };
  if (isCatalogEditor(url))
    return {
      title: 'panel.catalog',
      ready: [selectors.catalog.title, selectors.catalog.description].join(','),
      notice: 'project',
      check: (tr) => runRules(CATALOG_RULES, readCatalogProject(document), tr),
    };
  return null;
}

/** Upwork: checks of the cover letter, the profile or a catalog project, live as they are written. */
export async function startUpworkSeo({ signal, url, log, settings }: FeatureContext): Promise<void> {
  const tr = translatorFor(settings.language);
  const page = pageFor(url);
  if (!page) return;
  if (!(await waitForElement(page.ready, { signal })))
    return log.standDown(`nothing to check (${page.ready})`, page.notice);
  await pageSettled(signal);
  if (signal.aborted) return;
  const layer = createLayer('seo', PANEL_CSS, signal, { below: true });
  const shell = await createShell(layer, 'seo', tr.t(page.title), tr);
  if (signal.aborted) return;
  const view = createChecksView(shell, tr);
  const evaluate = () => {
    const results = page.check(tr);
    if (results) view.update({ results, score: score(results) });
  };
  evaluate();
  onPageChange(evaluate, { signal, layer });
}
