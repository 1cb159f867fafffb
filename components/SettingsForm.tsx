import { localizeError } from '@/utils/platform/i18n/errors';
import { useEffect, useState, type FormEvent } from 'react';
import { Field } from './Field';
import { RoutesFields } from './RoutesFields';
import { ChoiceField, GroupingField, LanguageField, num, NumberField, RestDayField } from './fields';
import { FEATURE_CATALOG } from '@/utils/platform/runner/catalog';
import {
  describeIssues,
  EXPANSION_KEYS,
  isFeatureEnabled,
  PICKER_KEYS,
  PLATFORMS,
  SettingsSchema,
  type Settings,
} from '@/utils/schema';
import { saveSettings } from '@/utils/platform/settings';
import { useSettings } from './useSettings';
import { useT } from './i18n';
import { featureText } from '@/utils/platform/i18n';

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

  if (!draft) return <p>{tr.t('settings.loading')}</p>;
  const keyName = (k: string) =>
    k === 'off' ? tr.t('settings.keyOff') : k === 'Space' ? tr.t('settings.keySpace') : k;

  const set = (change: (d: Settings) => Settings) => {
    setDraft(change(draft));
    setDirty(true);
    setMessage(null);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = SettingsSchema.safeParse(draft);
    if (!parsed.success) {
      setMessage({
        kind: 'error',
        text: tr.t('settings.notSaved', { error: localizeError(tr, describeIssues(parsed.error.issues)) }),
      });
      return;
    }
    try {
      setDraft(await saveSettings(parsed.data));
      setDirty(false);
      setMessage({ kind: 'ok', text: tr.t('settings.saved') });
    } catch (e) {
      setMessage({
        kind: 'error',
        text: tr.t('settings.notSaved', { error: e instanceof Error ? e.message : String(e) }),
      });
    }
  };

  return (
    <form className="card settings" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="settings-heading">
      <h2 id="settings-heading">{tr.t('settings.heading')}</h2>
      <Field label={tr.t('settings.myName')} hint={tr.t('settings.myNameHint')}>
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
        <legend>{tr.t('settings.rate')}</legend>
        <label className="inline">
          <input
            type="radio"
            name="rate-mode"
            checked={draft.rate.mode === 'live'}
            onChange={() => set((d) => ({ ...d, rate: { ...d.rate, mode: 'live' } }))}
          />
          {tr.t('settings.rateLive')}
        </label>
        <label className="inline">
          <input
            type="radio"
            name="rate-mode"
            checked={draft.rate.mode === 'manual'}
            onChange={() => set((d) => ({ ...d, rate: { ...d.rate, mode: 'manual' } }))}
          />
          {tr.t('settings.rateManual')}
        </label>
        <Field label={tr.t('settings.myRate')} hint={tr.t('settings.myRateHint')}>
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
        <legend>{tr.t('settings.fees')}</legend>
        {PLATFORMS.map((p) => (
          <NumberField
            key={p}
            label={tr.t('settings.feeFor', { platform: tr.t(`platform.${p}`) })}
            step="0.1"
            min={0}
            max={100}
            value={draft.fees[p]}
            onChange={(v) => set((d) => ({ ...d, fees: { ...d.fees, [p]: v } }))}
          />
        ))}
      </fieldset>

      <RoutesFields tr={tr} draft={draft} set={set} />

      <ChoiceField
        label={tr.t('settings.tax')}
        hint={tr.t('settings.taxHint')}
        value={draft.taxStatus}
        choices={['unregistered', 'pseb'] as const}
        name={(t) => tr.t(t === 'pseb' ? 'settings.taxPseb' : 'settings.taxUnregistered')}
        onChange={(taxStatus) => set((d) => ({ ...d, taxStatus }))}
      />

      <NumberField
        label={tr.t('settings.weeklyLimit')}
        hint={tr.t('settings.weeklyLimitHint')}
        step={1}
        min={1}
        max={100}
        value={draft.weeklyOrderLimit}
        onChange={(v) => set((d) => ({ ...d, weeklyOrderLimit: v }))}
      />

      <LanguageField
        tr={tr}
        label={tr.t('settings.language')}
        hint={tr.t('settings.languageHint')}
        value={draft.language}
        onChange={(language) => set((d) => ({ ...d, language }))}
      />

      <GroupingField
        tr={tr}
        label={tr.t('settings.grouping')}
        hint={tr.t('settings.groupingHint')}
        value={draft.pkrGrouping}
        onChange={(pkrGrouping) => set((d) => ({ ...d, pkrGrouping }))}
      />

      <fieldset>
        <legend>{tr.t('settings.ordersReminders')}</legend>
        <label className="inline">
          <input
            type="checkbox"
            checked={draft.topRatedSeller}
            onChange={(e) => set((d) => ({ ...d, topRatedSeller: e.target.checked }))}
          />
          {tr.t('settings.topRated')}
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={draft.reminders.deadlines}
            onChange={(e) => set((d) => ({ ...d, reminders: { ...d.reminders, deadlines: e.target.checked } }))}
          />
          {tr.t('settings.remindDeadlines')}
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={draft.reminders.clearing}
            onChange={(e) => set((d) => ({ ...d, reminders: { ...d.reminders, clearing: e.target.checked } }))}
          />
          {tr.t('settings.remindClearing')}
        </label>
      </fieldset>

      <RestDayField
        tr={tr}
        label={tr.t('settings.restDay')}
        value={draft.restDay}
        onChange={(restDay) => set((d) => ({ ...d, restDay }))}
      />

      <fieldset>
        <legend>{tr.t('settings.keys')}</legend>
        <p className="muted">{tr.t('settings.keysHint')}</p>
        <ChoiceField
          label={tr.t('settings.pickerKey')}
          value={draft.keys.picker}
          choices={PICKER_KEYS}
          name={keyName}
          onChange={(picker) => set((d) => ({ ...d, keys: { ...d.keys, picker } }))}
        />
        <ChoiceField
          label={tr.t('settings.expansionKey')}
          value={draft.keys.expansion}
          choices={EXPANSION_KEYS}
          name={keyName}
          onChange={(expansion) => set((d) => ({ ...d, keys: { ...d.keys, expansion } }))}
        />
      </fieldset>

      {FEATURE_CATALOG.length > 0 && (
        <fieldset>
          <legend>{tr.t('settings.features')}</legend>
          {FEATURE_CATALOG.map((f) => (
            <label key={f.id} className="inline switch">
              <input
                type="checkbox"
                data-gigsaathi-feature={f.id}
                checked={isFeatureEnabled(draft, f.id)}
                onChange={(e) => set((d) => ({ ...d, features: { ...d.features, [f.id]: e.target.checked } }))}
              />
              {featureText(tr, f.id, 'title')}
              <small>{featureText(tr, f.id, 'description')}</small>
            </label>
          ))}
        </fieldset>
      )}

      <button type="submit">{tr.t('settings.save')}</button>
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
