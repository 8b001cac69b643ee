import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { Button } from '../../ui/Button';
import { Field, VERBATIM } from '../../ui/Field';
import { checkHandle, fetchHandleSuggestion } from './api';

interface HandleFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** The form's error for this field (from the server or the mirrored checks). */
  error?: string | undefined;
  /** A free handle the server offered after a clash. */
  suggestion?: string | undefined;
  /** Called when the person takes a suggestion, so the form can drop its old error. */
  onTakeSuggestion?: () => void;
  /** Offer "Suggest another" (sign-up). */
  canSuggest?: boolean;
  /** The member's own handle (settings): no need to check it. */
  ownHandle?: string;
  hint?: string;
}

type Availability =
  | { state: 'idle' }
  | { state: 'checking'; handle: string }
  | { state: 'free'; handle: string; suggested?: boolean }
  | { state: 'taken'; handle: string; message: string; suggestion?: string | undefined };

/** The handle input: checks availability when the person leaves it and offers free handles. */
export function HandleField({ value, onChange, error, suggestion, onTakeSuggestion, canSuggest = false, ownHandle, hint }: HandleFieldProps) {
  const { t } = useTranslation();
  const [availability, setAvailability] = useState<Availability>({ state: 'idle' });
  const [suggesting, setSuggesting] = useState(false);
  const [suggestError, setSuggestError] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const requestRef = useRef<AbortController | null>(null);

  const check = async () => {
    const handle = value.trim();
    if (!handle || handle === ownHandle) return setAvailability({ state: 'idle' });
    if (availability.state !== 'idle' && availability.handle === handle) return;
    requestRef.current?.abort();
    const controller = new AbortController();
    requestRef.current = controller;
    setAvailability({ state: 'checking', handle });
    try {
      const result = await checkHandle(handle, controller.signal);
      setAvailability(
        result.available
          ? { state: 'free', handle }
          : { state: 'taken', handle, message: result.message ?? t('signup.handleTaken'), suggestion: result.suggestion },
      );
    } catch (e) {
      if (controller.signal.aborted) return;
      // A format problem comes back as a field message; anything else: say nothing now, the form will.
      const message = isApiError(e) ? e.fields.handle : undefined;
      setAvailability(message ? { state: 'taken', handle, message } : { state: 'idle' });
    }
  };

  const take = (handle: string, suggested: boolean) => {
    requestRef.current?.abort();
    onChange(handle);
    setAvailability({ state: 'free', handle, suggested });
    onTakeSuggestion?.();
    inputRef.current?.focus();
  };

  const suggestAnother = async () => {
    if (suggesting) return;
    setSuggesting(true);
    setSuggestError('');
    try {
      const { handle } = await fetchHandleSuggestion();
      take(handle, true);
    } catch (e) {
      setSuggestError(isApiError(e) ? e.message : t('errors.unexpected'));
    } finally {
      setSuggesting(false);
    }
  };

  const current = value.trim();
  const stale = availability.state !== 'idle' && availability.handle !== current;
  const taken = !stale && availability.state === 'taken' ? availability : null;
  const offered = error ? suggestion : taken?.suggestion;

  let status = '';
  if (!stale && availability.state === 'checking') status = t('signup.checking');
  if (!stale && availability.state === 'free')
    status = availability.suggested ? t('signup.suggested', { handle: availability.handle }) : t('signup.handleFree', { handle: availability.handle });
  if (suggestError) status = suggestError;

  return (
    <Field
      label={t('fields.handle')}
      hint={hint ?? t('fields.handleHint')}
      error={error ?? taken?.message}
      status={status}
      extra={
        (offered || canSuggest) && (
          <div className="button-row button-row--tight">
            {offered && offered !== current && (
              <Button variant="secondary" onClick={() => take(offered, true)}>
                {t('signup.useSuggestion', { handle: offered })}
              </Button>
            )}
            {canSuggest && (
              <Button variant="quiet" busy={suggesting} onClick={() => void suggestAnother()}>
                {t('signup.suggestAnother')}
              </Button>
            )}
          </div>
        )
      }
    >
      {(control) => (
        <input
          {...control}
          ref={inputRef}
          name="handle"
          type="text"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onBlur={() => void check()}
          required
          autoComplete="username"
          {...VERBATIM}
        />
      )}
    </Field>
  );
}

interface KnownHandleFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** The handle of an account that exists (log in, recover): nothing to check or suggest. */
export function KnownHandleField({ value, onChange, error }: KnownHandleFieldProps) {
  const { t } = useTranslation();
  return (
    <Field label={t('fields.handle')} error={error}>
      {(control) => (
        <input {...control} name="handle" type="text" value={value} onChange={(e) => onChange(e.target.value)} required autoComplete="username" {...VERBATIM} />
      )}
    </Field>
  );
}
