import { useEffect, useState, type FormEvent } from 'react';
import { Field } from './Field';
import { FEATURE_CATALOG } from '@/utils/features/catalog';
import { describeIssues, isFeatureEnabled, PLATFORMS, SettingsSchema, WEEKDAYS, type Settings } from '@/utils/schema';
import { saveSettings } from '@/utils/settings';
import { request } from '@/utils/messaging/client';
import { useSettings } from './useSettings';
import { useT } from './i18n';

const PLATFORM_LABELS: Record<(typeof PLATFORMS)[number], string> = {
  fiverr: 'Fiverr',
  upwork: 'Upwork',
  peopleperhour: 'PeoplePerHour',
  linkedin: 'LinkedIn',
  other: 'Other',
};

/** A number setting; an emptied field reads as NaN so validation names it. */
function NumberField({
  label,
  hint,
  value,
  onChange,
  ...limits
}: {
  label: string;
  hint?: string;
  value: number;
  onChange: (value: number) => void;
  step?: string | number;
  min?: number;
  max?: number;
}) {
  return (
    <Field label={label} hint={hint}>
      {(p) => (
        <input
          {...p}
          type="number"
          {...limits}
          value={Number.isNaN(value) ? '' : value}
          onChange={(e) => onChange(num(e.target.value))}
        />
      )}
    </Field>
  );
}

/** `Number('')` is 0; an emptied field must read as missing so validation can say so. */
const num = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

export function SettingsForm() {
  const tr = useT();
  const stored = useSettings();
  const [draft, setDraft] = useState<Settings | null>(null);
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);

  // Follow changes made elsewhere (an imported backup, another tab) until the user starts
  // editing, so saving never writes stale values over them.
  useEffect(() => {
    if (stored && !dirty) setDraft(stored);
  }, [stored, dirty]);

  if (!draft) return <p>Loading settings…</p>;

  const set = (change: (d: Settings) => Settings) => {
    setDraft(change(draft));
    setDirty(true);
    setMessage(null);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = SettingsSchema.safeParse(draft);
    if (!parsed.success) {
      setMessage({ kind: 'error', text: `Not saved: ${describeIssues(parsed.error.issues)}` });
      return;
    }
    try {
      setDraft(await saveSettings(parsed.data));
      setDirty(false);
      request('reminders.sync', {}).catch(() => {});
      setMessage({ kind: 'ok', text: 'Settings saved.' });
    } catch (e) {
      setMessage({ kind: 'error', text: `Not saved: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  return (
    <form className="card settings" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <Field label="Your name" hint="Fills {{my_name}} in templates.">
        {(p) => (
          <input
            {...p}
            value={draft.myName}
            onChange={(e) => set((d) => ({ ...d, myName: e.target.value }))}
            maxLength={100}
          />
        )}
      </Field>

      <fieldset>
        <legend>Exchange rate</legend>
        <label className="inline">
          <input
            type="radio"
            name="rate-mode"
            checked={draft.rate.mode === 'live'}
            onChange={() => set((d) => ({ ...d, rate: { ...d.rate, mode: 'live' } }))}
          />
          Live rate
        </label>
        <label className="inline">
          <input
            type="radio"
            name="rate-mode"
            checked={draft.rate.mode === 'manual'}
            onChange={() => set((d) => ({ ...d, rate: { ...d.rate, mode: 'manual' } }))}
          />
          Use my own rate
        </label>
        <Field label="My rate (PKR per USD)" hint="The rate your bank or Payoneer gave you.">
          {(p) => (
            <input
              {...p}
              type="number"
              step="0.01"
              min={50}
              max={2000}
              value={draft.rate.manualPkrPerUsd ?? ''}
              disabled={draft.rate.mode !== 'manual'}
              onChange={(e) =>
                set((d) => ({
                  ...d,
                  rate: { ...d.rate, manualPkrPerUsd: e.target.value === '' ? null : num(e.target.value) },
                }))
              }
            />
          )}
        </Field>
      </fieldset>

      <fieldset>
        <legend>Platform fees (% the platform keeps)</legend>
        {PLATFORMS.map((p) => (
          <NumberField
            key={p}
            label={`${PLATFORM_LABELS[p]} fee %`}
            step="0.1"
            min={0}
            max={100}
            value={draft.fees[p]}
            onChange={(v) => set((d) => ({ ...d, fees: { ...d.fees, [p]: v } }))}
          />
        ))}
      </fieldset>

      <fieldset>
        <legend>Withdrawal cost</legend>
        <NumberField
          label="Withdrawal fee %"
          hint="Payoneer to a local bank: about 3%."
          step="0.1"
          min={0}
          max={100}
          value={draft.withdrawal.percent}
          onChange={(v) => set((d) => ({ ...d, withdrawal: { ...d.withdrawal, percent: v } }))}
        />
        <NumberField
          label="Fixed fee per withdrawal (USD)"
          step="0.01"
          min={0}
          value={draft.withdrawal.fixedUsd}
          onChange={(v) => set((d) => ({ ...d, withdrawal: { ...d.withdrawal, fixedUsd: v } }))}
        />
        <NumberField
          label="Exchange markup %"
          hint="The spread over the market rate, about 2% (unconfirmed)."
          step="0.1"
          min={0}
          max={100}
          value={draft.withdrawal.fxMarkupPercent}
          onChange={(v) => set((d) => ({ ...d, withdrawal: { ...d.withdrawal, fxMarkupPercent: v } }))}
        />
      </fieldset>

      <Field label="Income tax status" hint="Finance Act 2025: 0.25% of remittances if PSEB-registered, 1% otherwise.">
        {(p) => (
          <select
            {...p}
            value={draft.taxStatus}
            onChange={(e) => set((d) => ({ ...d, taxStatus: e.target.value === 'pseb' ? 'pseb' : 'unregistered' }))}
          >
            <option value="unregistered">Not PSEB-registered (1%)</option>
            <option value="pseb">PSEB-registered (0.25%)</option>
          </select>
        )}
      </Field>

      <NumberField
        label="Weekly order limit"
        hint="A healthy pace; the dashboard warns gently when you go over."
        step={1}
        min={1}
        max={100}
        value={draft.weeklyOrderLimit}
        onChange={(v) => set((d) => ({ ...d, weeklyOrderLimit: v }))}
      />

      <Field label={tr.t('settings.language')} hint={tr.t('settings.languageHint')}>
        {(p) => (
          <select
            {...p}
            value={draft.language}
            onChange={(e) =>
              set((d) => ({
                ...d,
                language: e.target.value === 'en' || e.target.value === 'ur' ? e.target.value : 'auto',
              }))
            }
          >
            <option value="auto">{tr.t('settings.languageAuto')}</option>
            <option value="en">{tr.t('settings.languageEn')}</option>
            <option value="ur" lang="ur">
              {tr.t('settings.languageUr')}
            </option>
          </select>
        )}
      </Field>

      <Field label="Rupee amounts" hint="How PKR amounts are written next to prices.">
        {(p) => (
          <select
            {...p}
            value={draft.pkrGrouping}
            onChange={(e) => set((d) => ({ ...d, pkrGrouping: e.target.value === 'lakh' ? 'lakh' : 'thousands' }))}
          >
            <option value="thousands">Thousands: Rs 1,250,000</option>
            <option value="lakh">Lakh and crore: Rs 12,50,000</option>
          </select>
        )}
      </Field>

      <fieldset>
        <legend>Orders and reminders</legend>
        <label className="inline">
          <input
            type="checkbox"
            checked={draft.topRatedSeller}
            onChange={(e) => set((d) => ({ ...d, topRatedSeller: e.target.checked }))}
          />
          I am a Top Rated seller on Fiverr (funds clear in 7 days, not 14)
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={draft.reminders.deadlines}
            onChange={(e) => set((d) => ({ ...d, reminders: { ...d.reminders, deadlines: e.target.checked } }))}
          />
          Remind me 24 hours and 3 hours before an order is due
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={draft.reminders.clearing}
            onChange={(e) => set((d) => ({ ...d, reminders: { ...d.reminders, clearing: e.target.checked } }))}
          />
          Tell me when money clears
        </label>
      </fieldset>

      <Field label="Rest day">
        {(p) => (
          <select
            {...p}
            value={draft.restDay}
            onChange={(e) => {
              const day = WEEKDAYS.find((w) => w === e.target.value);
              if (day) set((d) => ({ ...d, restDay: day }));
            }}
          >
            {WEEKDAYS.map((w) => (
              <option key={w} value={w}>
                {w[0]!.toUpperCase() + w.slice(1)}
              </option>
            ))}
          </select>
        )}
      </Field>

      {FEATURE_CATALOG.length > 0 && (
        <fieldset>
          <legend>Features on Fiverr and Upwork pages</legend>
          {FEATURE_CATALOG.map((f) => (
            <label key={f.id} className="inline switch">
              <input
                type="checkbox"
                data-gigsaathi-feature={f.id}
                checked={isFeatureEnabled(draft, f.id)}
                onChange={(e) => set((d) => ({ ...d, features: { ...d.features, [f.id]: e.target.checked } }))}
              />
              {f.title}
              <small>{f.description}</small>
            </label>
          ))}
        </fieldset>
      )}

      <button type="submit">Save settings</button>
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'error' : undefined}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
