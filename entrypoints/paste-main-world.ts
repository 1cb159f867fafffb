import { listenForPasteRequests } from '@/utils/insert/main-world-page';

/** Firefox only: injected into Fiverr/Upwork pages by the templates feature (see utils/insert/main-world.ts). */
export default defineUnlistedScript(() => {
  listenForPasteRequests(document);
});
