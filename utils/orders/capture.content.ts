import { localizeError } from '@/utils/platform/i18n/errors';
import { translatorFor } from '@/utils/platform/i18n';
import type { FeatureContext } from '@/utils/platform/runner/types';
import { request, RequestError } from '@/utils/platform/messaging/client';
import type { RequestOf } from '@/utils/platform/messaging/protocol';
import { h } from '@/utils/platform/ui/h';
import { createLayer } from '@/utils/platform/ui/layer';
import { trusted } from '@/utils/platform/ui/trusted';

const CSS = `
:host { all: initial; }
.capture { position: fixed; right: 16px; bottom: 16px; display: flex; flex-direction: column; align-items: flex-end; gap: 6px;
  font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif; }
button { font: 600 14px/1 system-ui, sans-serif; padding: 10px 14px; border-radius: 8px; border: 1px solid #0b6e4f; background: #0b6e4f; color: #fff; cursor: pointer; box-shadow: 0 2px 8px rgba(0,0,0,.2); }
button:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
p { margin: 0; padding: 6px 10px; border-radius: 6px; background: #fff; color: #1b1f24; border: 1px solid #8c959f; }
p:empty { display: none; }
`;

/**
 * "Save to GigSaathi" on an order or contract page: reads the order from the page only when the
 * user clicks (never in the background) and has the background save or update it.
 */
export function startCapture(
  { signal, log, settings }: FeatureContext,
  read: (doc: Document, url: URL) => Record<string, unknown> | Record<string, unknown>[] | null,
  label: 'capture.save' | 'capture.saveAll' = 'capture.save',
): void {
  const tr = translatorFor(settings.language);
  const layer = createLayer('capture', CSS, signal);
  layer.setLocale(tr);
  const status = h('p', { role: 'status' });
  // The page's reading goes to the background as read: it is validated once, where it arrives
  // (CapturedOrderSchema in the router), and a reading that fails comes back as a bad request.
  const capture = (order: Record<string, unknown>) =>
    request('orders.capture', { order: order as RequestOf<'orders.capture'>['order'] });
  const whyNot = (e: unknown) =>
    e instanceof RequestError && e.code === 'bad-request'
      ? localizeError(tr, e.detail.replace(/^order\./, ''))
      : e instanceof Error
        ? e.message
        : String(e);
  const save = async () => {
    status.textContent = '';
    const raw = read(document, new URL(location.href));
    if (!raw) {
      log.standDown('could not read the order from this page', 'orderDetails');
      status.textContent = tr.t('capture.unreadable');
      return;
    }
    if (Array.isArray(raw) && raw.length === 0) {
      log.standDown('no order rows on this page', 'orderList');
      status.textContent = tr.t('capture.noRows');
      return;
    }
    if (Array.isArray(raw)) {
      await saveAll(raw);
      return;
    }
    try {
      const { created, order } = await capture(raw);
      status.textContent = tr.t(created ? 'capture.saved' : 'capture.updated', {
        title: order.title,
        status: tr.t(`stage.${order.status}`),
      });
    } catch (e) {
      status.textContent = tr.t('capture.notSaved', { error: whyNot(e) });
    }
  };
  /** A list page: every visible row, one by one, then one summary. */
  const saveAll = async (rows: Record<string, unknown>[]) => {
    let added = 0;
    let updated = 0;
    let failed = 0;
    for (const row of rows) {
      try {
        const { created } = await capture(row);
        if (created) added++;
        else updated++;
      } catch {
        failed++;
      }
    }
    const counts = {
      saved: tr.tn('count.orders', added),
      updated: tr.tn('count.orders', updated),
      failed,
    };
    status.textContent = tr.t(failed ? 'capture.summaryFailed' : 'capture.summary', counts);
  };
  layer.root.append(
    h(
      'div',
      { className: 'capture' },
      status,
      // Only the seller's own click: a page script's .click() must not save what it chose.
      h('button', { type: 'button', onclick: trusted(() => void save()) }, tr.t(label)),
    ),
  );
}
