import { defineFeature } from '@/utils/platform/runner/types';
import { fiverr, siteOf, upwork } from '@/utils/sites';
import { startTemplates } from './templates.content';

/** Templates in Fiverr's three inbox composers (Slate and two textareas), the order page, gig editor fields and any text field. */
export const fiverrTemplates = defineFeature({
  id: 'templates',
  site: 'fiverr',
  include: [(url) => siteOf(url) === 'fiverr'],
  init: (context) =>
    startTemplates(context, {
      composers: [
        fiverr.selectors.messageEditor,
        fiverr.selectors.anySlateEditor,
        fiverr.selectors.messageBoxTextArea,
        fiverr.selectors.messageBoxTestId,
      ],
      readContext: fiverr.readPageContext,
      expectComposer: (url) => fiverr.isInboxConversation(url) || fiverr.isOrderPage(url),
    }),
});

/** Templates in Upwork's cover letter and screening answers (Vue), messages (TipTap) and any text field. */
export const upworkTemplates = defineFeature({
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
