import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What a control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** A polite live message about the value (e.g. "That handle is free"). */
  status?: ReactNode;
  /** Shown under the control, e.g. a "Suggest another" button. */
  extra?: ReactNode;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** For handles, codes and passphrases: the keyboard must not change what the person types. */
export const VERBATIM = { autoCapitalize: 'none', autoCorrect: 'off', spellCheck: false } as const;

const ids = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(' ') || undefined;

/** A labelled form control with its hint and the error next to it. */
export function Field({ label, hint, error, status, extra, className, children }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const statusId = `${id}-status`;
  const control: ControlProps = { id };
  const describedBy = ids(!!error && errorId, !!hint && hintId, !!status && statusId);
  if (describedBy) control['aria-describedby'] = describedBy;
  if (error) control['aria-invalid'] = true;

  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      )}
      {children(control)}
      <div className="field-status" id={statusId} aria-live="polite">
        {status}
      </div>
      {extra}
    </div>
  );
}

interface CheckboxFieldProps {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  name?: string;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
}

/** A native checkbox with its label beside it and its error above. */
export function CheckboxField({ label, checked, onChange, name, error, hint, required }: CheckboxFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div className={error ? 'checkbox-field field--invalid' : 'checkbox-field'}>
      {error && (
        <p className="field-error" id={errorId}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      )}
      <div className="checkbox-row">
        <input
          type="checkbox"
          id={id}
          name={name}
          checked={checked}
          required={required}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={ids(!!error && errorId, !!hint && hintId)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
