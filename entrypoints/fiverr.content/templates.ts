import { defineFeature } from '@/utils/platform/runner/types';
import { fiverr, siteOf } from '@/utils/sites';
import { startTemplates } from '@/utils/templates/templates.content';

/** Templates in Fiverr's three inbox composers (Slate and two textareas), the order page, gig editor fields and any text field. */
export default defineFeature({
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
