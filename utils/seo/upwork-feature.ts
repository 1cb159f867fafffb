import type { FeatureContext } from '../features/types';
import { pageSettled, waitForElement } from '../features/dom';
import {
  isCatalogEditor,
  isProfile,
  isProposal,
  readCatalogProject,
  readCoverLetter,
  readProfile,
  selectors,
} from '../sites/upwork';
import { createLayer } from '../ui/layer';
import { onPageChange } from './live';
import { createChecksView, createShell, PANEL_CSS } from './panel';
import { runRules, score, type CheckResult } from './rules';
import { CATALOG_RULES, PROFILE_RULES, PROPOSAL_RULES } from './upwork-rules';

interface Page {
  title: string;
  /** What must be on the page before checking (the field being written). */
  ready: string;
  check(): CheckResult[] | null;
}

function pageFor(url: URL): Page | null {
  if (isProposal(url))
    return {
      title: 'Proposal check',
      ready: selectors.proposal.coverLetter,
      check: () => {
        const letter = readCoverLetter(document);
        return letter ? runRules(PROPOSAL_RULES, letter) : null;
      },
    };
  if (isProfile(url))
    return {
      title: 'Profile check',
      ready: Object.values(selectors.profile).join(','),
      check: () => runRules(PROFILE_RULES, readProfile(document)),
    };
  if (isCatalogEditor(url))
    return {
      title: 'Project Catalog check',
      ready: [selectors.catalog.title, selectors.catalog.description].join(','),
      check: () => runRules(CATALOG_RULES, readCatalogProject(document)),
    };
  return null;
}

/** Upwork: checks of the cover letter, the profile or a catalog project, live as they are written. */
export async function startUpworkSeo({ signal, url, log }: FeatureContext): Promise<void> {
  const page = pageFor(url);
  if (!page) return;
  if (!(await waitForElement(page.ready, { signal }))) return log.standDown(`nothing to check (${page.ready})`);
  await pageSettled(signal);
  if (signal.aborted) return;
  const layer = createLayer('seo', PANEL_CSS, signal, { below: true });
  const shell = await createShell(layer, 'seo', page.title);
  if (signal.aborted) return;
  const view = createChecksView(shell);
  const evaluate = () => {
    const results = page.check();
    if (results) view.update({ results, score: score(results) });
  };
  evaluate();
  onPageChange(evaluate, { signal, layer });
}
