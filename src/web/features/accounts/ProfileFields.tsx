import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../shared/rules';
import { browserLanguage } from '../../i18n';
import { Field } from '../../ui/Field';

/** Language names in their own language: a person looks for the one they read. */
const LANGUAGE_NAMES: Record<(typeof LANGUAGES)[number], string> = { en: 'English', es: 'Español' };

/** A new member starts with the language a visitor sees: the browser's, when Kindred has it. */
export function defaultLanguage(): (typeof LANGUAGES)[number] {
  return browserLanguage();
}

interface CountryFieldProps {
  value: string;
  onChange: (value: string) => void;
  countries: readonly { code: string; name: string }[];
  error?: string | undefined;
}

/** Country, optional: "" means "Prefer not to say". */
export function CountryField({ value, onChange, countries, error }: CountryFieldProps) {
  const { t } = useTranslation();
  // Keep a saved country selectable even if the list has not loaded (or no longer has it).
  const options = value && !countries.some((c) => c.code === value) ? [...countries, { code: value, name: value }] : countries;
  return (
    <Field label={t('fields.country')} hint={t('fields.countryHint')} error={error}>
      {(control) => (
        <select {...control} name="country" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('fields.countryNone')}</option>
          {options.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function LanguageField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Field label={t('fields.language')} hint={t('fields.languageHint')} error={error}>
      {(control) => (
        <select {...control} name="language" value={value} onChange={(e) => onChange(e.target.value)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
