import { useCallback, useEffect, useRef, useState } from 'react';
import i18n from '../i18n';
import { isApiError } from '../api/client';

/** What went wrong with a form: one message for the summary, and one per field. */
export interface FormProblem {
  code: string;
  message: string;
  fields: Record<string, string>;
  suggestion?: string | undefined;
}

export function toProblem(error: unknown): FormProblem {
  if (isApiError(error)) return { code: error.code, message: error.message, fields: error.fields, suggestion: error.suggestion };
  return { code: 'unexpected', message: i18n.t('errors.unexpected'), fields: {} };
}

/** A problem found before sending: the same words the server would use. */
export function clientProblem(fields: Record<string, string | undefined>): FormProblem | null {
  const found = Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string'));
  if (Object.keys(found).length === 0) return null;
  return { code: 'invalid_input', message: i18n.t('form.checkFields'), fields: found };
}

/**
 * Holds a form's problem and moves focus when one appears: to the first invalid field,
 * or to the summary when no field is to blame. Nothing the person typed is touched.
 */
export function useFormProblem() {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  // Bumped on each failed attempt: focus moves then, not when a single error is cleared.
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt === 0) return;
    const firstInvalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (firstInvalid ?? summaryRef.current)?.focus();
  }, [attempt]);

  /** Shows a problem (from the server or from `clientProblem`) and moves focus to it. */
  const show = useCallback((next: FormProblem) => {
    setProblem(next);
    setAttempt((n) => n + 1);
  }, []);
  const fail = useCallback((error: unknown) => show(toProblem(error)), [show]);
  const clear = useCallback(() => setProblem(null), []);
  /** Forgets one field's error, e.g. once the person took the suggested handle. */
  const clearField = useCallback((name: string) => {
    setProblem((p) => {
      if (!p || !(name in p.fields)) return p;
      const fields = { ...p.fields };
      delete fields[name];
      return Object.keys(fields).length === 0 && p.code === 'invalid_input' ? null : { ...p, fields };
    });
  }, []);
  /** The server's message for a field; `rules.3` style keys are gathered under `rules`. */
  const fieldError = useCallback(
    (name: string): string | undefined => {
      if (!problem) return undefined;
      const direct = problem.fields[name];
      if (direct) return direct;
      const nested = Object.entries(problem.fields).filter(([key]) => key.startsWith(`${name}.`));
      if (nested.length === 0) return undefined;
      return nested.map(([key, message]) => i18n.t('form.itemError', { n: Number(key.split('.')[1] ?? 0) + 1, message })).join(' ');
    },
    [problem],
  );

  return { problem, show, fail, clear, clearField, fieldError, formRef, summaryRef };
}

export type FormProblemState = ReturnType<typeof useFormProblem>;
