import { openPickerHere } from '@/utils/templates/inject.content';

/** Injected on demand (context menu, keyboard command); never listed in the manifest. */
export default defineUnlistedScript(() => {
  openPickerHere().catch((e: unknown) => console.info('[GigSaathi] picker:', e instanceof Error ? e.message : e));
});
