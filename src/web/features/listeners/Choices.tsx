import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/rules';
import { SUPPORT_TOPICS, type SupportTopic } from '../../../shared/support-rules';
import { CheckboxField } from '../../ui/Field';

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list, value] : list.filter((v) => v !== value);
}

interface ChoicesProps<T extends string> {
  name: string;
  legend: string;
  hint?: string;
  values: readonly T[];
  chosen: T[];
  onChange: (next: T[]) => void;
  labelOf: (value: T) => string;
  error?: string | undefined;
}

/** A group of checkboxes with one legend: languages, topics. */
function Choices<T extends string>({ name, legend, hint, values, chosen, onChange, labelOf, error }: ChoicesProps<T>) {
  const { t } = useTranslation();
  return (
    <fieldset className="role-fieldset" aria-invalid={error ? true : undefined}>
      <legend className="field-label">{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      {error && (
        <p className="field-error">
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      )}
      <div className="role-grid">
        {values.map((v) => (
          <CheckboxField key={v} name={name} label={labelOf(v)} checked={chosen.includes(v)} onChange={(on) => onChange(toggle(chosen, v, on))} />
        ))}
      </div>
    </fieldset>
  );
}

export function LanguageChoices(props: { chosen: Language[]; onChange: (next: Language[]) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  return <Choices name="languages" legend={t('listeners.fields.languages')} hint={t('listeners.fields.languagesHint')} values={LANGUAGES} labelOf={(l) => t(`listeners.languageNames.${l}`)} {...props} />;
}

export function TopicChoices(props: { chosen: SupportTopic[]; onChange: (next: SupportTopic[]) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  return <Choices name="topics" legend={t('listeners.fields.topics')} hint={t('listeners.fields.topicsHint')} values={SUPPORT_TOPICS} labelOf={(v) => t(`listeners.topics.${v}`)} {...props} />;
}
