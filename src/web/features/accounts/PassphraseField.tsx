import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';

interface PassphraseFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'new-password' | 'current-password';
  error?: string | undefined;
  hint?: ReactNode;
  autoFocus?: boolean;
}

/** A passphrase input with a show/hide toggle (its name is "Show passphrase"/"Hide passphrase"). */
export function PassphraseField({ label, name, value, onChange, autoComplete, error, hint, autoFocus }: PassphraseFieldProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <div className="input-with-button">
          <input
            {...control}
            name={name}
            type={visible ? 'text' : 'password'}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            autoComplete={autoComplete}
            autoFocus={autoFocus}
            required
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
          />
          <button type="button" className="button button--quiet toggle-visibility" aria-controls={control.id} onClick={() => setVisible((v) => !v)}>
            {visible ? t('fields.hide') : t('fields.show')}
            <span className="visually-hidden"> {t('fields.passphraseWord')}</span>
          </button>
        </div>
      )}
    </Field>
  );
}
