import type { FeatureContext } from '@/utils/platform/runner/types';
import { fiverr, upwork } from '@/utils/sites';
import { startCapture } from './capture.content';

/** What Fiverr's capture pack runs (entrypoints/fiverr-capture.ts): one order, or the whole list. */
export const startFiverrCapture = (context: FeatureContext) =>
  fiverr.isManageOrders(context.url)
    ? startCapture(context, (doc) => fiverr.readOrderRows(doc), 'capture.saveAll')
    : startCapture(context, fiverr.readOrder);

/** What Upwork's capture pack runs (entrypoints/upwork-capture.ts): the contract page's. */
export const startUpworkCapture = (context: FeatureContext) => startCapture(context, upwork.readContract);
