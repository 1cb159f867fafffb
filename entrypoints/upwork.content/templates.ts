import { defineFeature } from '@/utils/platform/runner/types';
import { siteOf, upwork } from '@/utils/sites';
import { startTemplates } from '@/utils/templates/templates.content';

/** Templates in Upwork's cover letter and screening answers (Vue), messages (TipTap) and any text field. */
export default defineFeature({
  id: 'templates',
  site: 'upwork',
  include: [(url) => siteOf(url) === 'upwork'],
  init: (context) =>
    startTemplates(context, {
      composers: [
        upwork.selectors.proposal.coverLetter,
        upwork.selectors.proposal.screeningAnswers,
        upwork.selectors.messages.composer,
      ],
      readContext: upwork.readPageContext,
      expectComposer: (url) => upwork.isProposal(url) || upwork.isMessages(url),
    }),
});
