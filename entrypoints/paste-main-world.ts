import { listenForPasteRequests } from '@/utils/platform/insert/main-world-page';

/** Firefox only: injected into Fiverr/Upwork pages by the templates feature (see utils/platform/insert/main-world.ts). */
export default defineUnlistedScript(() => {
  listenForPasteRequests(document);
});
