import { useEffect, useState, type FormEvent } from 'react';
import { getStampedSettings, saveSettings } from '@/utils/platform/settings';
import { describeIssues, SettingsSchema, WEEKDAYS, type Settings } from '@/utils/schema';
import { localizeError } from '@/utils/platform/i18n/errors';
import { weekdayName } from '@/utils/platform/i18n';
import { Field } from './Field';
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
        <Field label={tr.t('firstRun.weeklyLimit')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={1}
              max={100}
              value={Number.isNaN(draft.weeklyOrderLimit) ? '' : draft.weeklyOrderLimit}
              onChange={(e) =>
                set({ weeklyOrderLimit: e.target.value.trim() === '' ? Number.NaN : Number(e.target.value) })
              }
            />
          )}
        </Field>
        <Field label={tr.t('firstRun.restDay')}>
          {(p) => (
            <select
              {...p}
              value={draft.restDay}
              onChange={(e) => {
                const day = WEEKDAYS.find((w) => w === e.target.value);
                if (day) set({ restDay: day });
              }}
            >
              {WEEKDAYS.map((w) => (
                <option key={w} value={w}>
                  {weekdayName(tr, w)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="row">
        <Field label={tr.t('firstRun.language')}>
          {(p) => (
            <select
              {...p}
              value={draft.language}
              onChange={(e) => {
                const language = (['auto', 'en', 'ur'] as const).find((l) => l === e.target.value);
                if (language) set({ language });
              }}
            >
              <option value="auto">{tr.t('settings.languageAuto')}</option>
              <option value="en">{tr.t('settings.languageEn')}</option>
              <option value="ur" lang="ur">
                {tr.t('settings.languageUr')}
              </option>
            </select>
          )}
        </Field>
        <Field label={tr.t('firstRun.grouping')}>
          {(p) => (
            <select
              {...p}
              value={draft.pkrGrouping}
              onChange={(e) => set({ pkrGrouping: e.target.value === 'lakh' ? 'lakh' : 'thousands' })}
            >
              <option value="thousands">{tr.t('settings.groupingThousands')}</option>
              <option value="lakh">{tr.t('settings.groupingLakh')}</option>
            </select>
          )}
        </Field>
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
