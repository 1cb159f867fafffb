import { useEffect, useState, type FormEvent } from 'react';
import { getStampedSettings, saveSettings } from '@/utils/platform/settings';
import { describeIssues, SettingsSchema, type Settings } from '@/utils/schema';
import { localizeError } from '@/utils/platform/i18n/errors';
import { Field } from './Field';
import { GroupingField, LanguageField, NumberField, RestDayField } from './fields';
import { useT } from './i18n';

/**
 * The first-run questions, at the top of the options page until answered or skipped: what the
 * figures depend on and a new seller would not think to look for in the settings. Shown only on
 * a browser whose settings were never saved (a browser that got them through sync is set up).
 */
export function FirstRun() {
  const tr = useT();
  const [draft, setDraft] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    void getStampedSettings().then(({ settings, updatedAt }) => {
      if (alive && !settings.setupDone && updatedAt === '') setDraft(settings);
    });
    return () => {
      alive = false;
    };
  }, []);
  if (!draft) return null;
  const set = (change: Partial<Settings>) => setDraft({ ...draft, ...change });

  const finish = async (answers: Settings | null, event?: FormEvent) => {
    event?.preventDefault();
    // Skipping keeps every default (tax at 1%, not registered) and only marks the questions seen.
    const { settings: current } = await getStampedSettings();
    const parsed = SettingsSchema.safeParse({ ...(answers ?? current), setupDone: true });
    if (!parsed.success) {
      setError(localizeError(tr, describeIssues(parsed.error.issues)));
      return;
    }
    await saveSettings(parsed.data);
    setDraft(null);
  };

  return (
    <form
      className="card first-run"
      aria-labelledby="first-run-heading"
      noValidate
      onSubmit={(e) => void finish(draft, e)}
      data-gigsaathi-first-run=""
    >
      <h2 id="first-run-heading">{tr.t('firstRun.heading')}</h2>
      <p>{tr.t('firstRun.intro')}</p>
      <Field label={tr.t('firstRun.name')}>
        {(p) => <input {...p} value={draft.myName} maxLength={100} onChange={(e) => set({ myName: e.target.value })} />}
      </Field>
      <label className="inline">
        <input
          type="checkbox"
          checked={draft.taxStatus === 'pseb'}
          onChange={(e) => set({ taxStatus: e.target.checked ? 'pseb' : 'unregistered' })}
        />
        {tr.t('firstRun.pseb')}
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={draft.topRatedSeller}
          onChange={(e) => set({ topRatedSeller: e.target.checked })}
        />
        {tr.t('firstRun.topRated')}
      </label>
      <div className="row">
        <NumberField
          label={tr.t('firstRun.weeklyLimit')}
          step={1}
          min={1}
          max={100}
          value={draft.weeklyOrderLimit}
          onChange={(weeklyOrderLimit) => set({ weeklyOrderLimit })}
        />
        <RestDayField
          tr={tr}
          label={tr.t('firstRun.restDay')}
          value={draft.restDay}
          onChange={(restDay) => set({ restDay })}
        />
      </div>
      <div className="row">
        <LanguageField
          tr={tr}
          label={tr.t('firstRun.language')}
          value={draft.language}
          onChange={(language) => set({ language })}
        />
        <GroupingField
          tr={tr}
          label={tr.t('firstRun.grouping')}
          value={draft.pkrGrouping}
          onChange={(pkrGrouping) => set({ pkrGrouping })}
        />
      </div>
      {error && (
        <p role="alert" className="error">
          {tr.t('settings.notSaved', { error })}
        </p>
      )}
      <div className="row">
        <button type="submit">{tr.t('firstRun.save')}</button>
        <button type="button" className="secondary" onClick={() => void finish(null)}>
          {tr.t('firstRun.skip')}
        </button>
      </div>
    </form>
  );
}
