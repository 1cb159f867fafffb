import { GROUPINGS, LANGUAGES, WEEKDAYS, type Settings } from '@/utils/schema';
import { weekdayName, type Translator } from '@/utils/platform/i18n';
import { Field } from './Field';

/** `Number('')` is 0; an emptied field must read as missing so validation can say so. */
export const num = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/** A number setting; an emptied field reads as NaN so validation names it. */
export function NumberField({
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

/** A select of fixed choices: only one of them is ever passed on, each shown by `name`. */
export function ChoiceField<T extends string>({
  label,
  hint,
  value,
  choices,
  name,
  lang,
  onChange,
}: {
  label: string;
  hint?: string;
  value: T;
  choices: ReadonlyArray<T>;
  name: (choice: T) => string;
  /** The language of a choice's own name, where it is not the page's ("اردو"). */
  lang?: (choice: T) => string | undefined;
  onChange: (choice: T) => void;
}) {
  return (
    <Field label={label} hint={hint}>
      {(p) => (
        <select
          {...p}
          value={value}
          onChange={(e) => {
            const choice = choices.find((c) => c === e.target.value);
            if (choice !== undefined) onChange(choice);
          }}
        >
          {choices.map((c) => (
            <option key={c} value={c} lang={lang?.(c)}>
              {name(c)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The settings both the first-run questions and the settings form ask, each under its own label. */
type Asked<K extends keyof Settings> = {
  tr: Translator;
  label: string;
  hint?: string;
  value: Settings[K];
  onChange: (value: Settings[K]) => void;
};

export function RestDayField({ tr, ...rest }: Asked<'restDay'>) {
  return <ChoiceField {...rest} choices={WEEKDAYS} name={(w) => weekdayName(tr, w)} />;
}

const LANGUAGE_NAMES = { auto: 'settings.languageAuto', en: 'settings.languageEn', ur: 'settings.languageUr' } as const;
export function LanguageField({ tr, ...rest }: Asked<'language'>) {
  return (
    <ChoiceField
      {...rest}
      choices={LANGUAGES}
      name={(l) => tr.t(LANGUAGE_NAMES[l])}
      lang={(l) => (l === 'ur' ? 'ur' : undefined)}
    />
  );
}

const GROUPING_NAMES = { thousands: 'settings.groupingThousands', lakh: 'settings.groupingLakh' } as const;
export function GroupingField({ tr, ...rest }: Asked<'pkrGrouping'>) {
  return <ChoiceField {...rest} choices={GROUPINGS} name={(g) => tr.t(GROUPING_NAMES[g])} />;
}
