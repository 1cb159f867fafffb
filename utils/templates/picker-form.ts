import { MESSAGES, type MessageKey, type Translator } from '@/utils/platform/i18n';
import { h } from '@/utils/platform/ui/h';
import { onUserSubmit, trusted } from '@/utils/platform/ui/trusted';
import type { Template } from '@/utils/schema';

/** A variable's name for the form: ours from the locale files, the user's own as written. */
const label = (tr: Translator, variable: string) => {
  const key = `variableName.${variable}`;
  if (key in MESSAGES.en) return tr.t(key as MessageKey);
  const words = variable.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * The picker's questions for the variables the page cannot fill: one field each, Insert, and
 * Back to the list (when the picker opened on the list). Every field must be filled; `alert`
 * says which is not. Submitted only by the seller (onUserSubmit).
 */
export function variablesForm({
  template,
  missing,
  tr,
  alert,
  back,
  submit,
}: {
  template: Template;
  missing: string[];
  tr: Translator;
  alert: HTMLElement;
  back: (() => void) | null;
  submit(answers: Record<string, string>): void;
}): { form: HTMLFormElement; focus(): void } {
  const inputs = missing.map((name) => h('input', { name, type: 'text', autocomplete: 'off' }));
  const form = h(
    'form',
    { 'aria-label': tr.t('picker.fillIn', { title: template.title }) },
    h('p', { className: 'hint' }, tr.tn('picker.needs', missing.length, { title: template.title })),
    ...missing.map((name, i) =>
      h(
        'label',
        {},
        label(tr, name),
        inputs[i]!,
        name === 'my_name' ? h('small', { className: 'hint' }, tr.t('picker.savedName')) : null,
      ),
    ),
    h(
      'div',
      { className: 'actions' },
      h('button', { type: 'submit', className: 'primary' }, tr.t('picker.insert')),
      back
        ? h('button', { type: 'button', className: 'secondary', onclick: trusted(back) }, tr.t('picker.back'))
        : null,
    ),
  );
  onUserSubmit(form, () => {
    const answers = Object.fromEntries(missing.map((name, i) => [name, inputs[i]!.value]));
    const empty = missing.find((name) => !answers[name]?.trim());
    if (empty) {
      alert.textContent = tr.t('picker.pleaseFill', {
        what: tr.locale === 'en' ? label(tr, empty).toLowerCase() : label(tr, empty),
      });
      inputs[missing.indexOf(empty)]!.focus();
      return;
    }
    submit(answers);
  });
  return { form, focus: () => inputs[0]?.focus() };
}
