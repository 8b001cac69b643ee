import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, VERBATIM } from '../../ui/Field';

interface PassphraseFieldProps {
  /** The field's name; its label is the `fields.<name>` text. */
  name: 'passphrase' | 'currentPassphrase' | 'newPassphrase';
  value: string;
  onChange: (value: string) => void;
  /** A passphrase being chosen: the browser may offer one, and the hint gives the rules. */
  isNew?: boolean;
  error?: string | undefined;
  hint?: ReactNode;
  autoFocus?: boolean;
}

/** A passphrase input with a show/hide toggle (its name is "Show passphrase"/"Hide passphrase"). */
export function PassphraseField({ name, value, onChange, isNew = false, error, hint, autoFocus }: PassphraseFieldProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <Field label={t(`fields.${name}`)} hint={hint ?? (isNew ? t('fields.newPassphraseHint') : undefined)} error={error}>
      {(control) => (
        <div className="input-with-button">
          <input
            {...control}
            name={name}
            type={visible ? 'text' : 'password'}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            autoComplete={isNew ? 'new-password' : 'current-password'}
            autoFocus={autoFocus}
            required
            {...VERBATIM}
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
