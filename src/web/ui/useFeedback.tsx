import type { UseMutationResult } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { toProblem } from './formProblem';

/** What an action outside a form says afterwards: a polite status when it worked, an alert when not. */
export function useFeedback() {
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const reset = useCallback(() => {
    setStatus('');
    setError('');
  }, []);
  const fail = useCallback((e: unknown) => setError(toProblem(e).message), []);
  /** Runs a mutation (a press while it is busy does nothing) and says how it went. */
  const run = useCallback(
    <TData, TVars>(mutation: UseMutationResult<TData, Error, TVars>, vars: TVars, message: (data: TData) => string) => {
      if (mutation.isPending) return;
      reset();
      mutation.mutate(vars, { onSuccess: (data) => setStatus(message(data)), onError: fail });
    },
    [reset, fail],
  );
  return useMemo(() => ({ status, error, reset, done: setStatus, fail, run }), [status, error, reset, fail, run]);
}

export type Feedback = ReturnType<typeof useFeedback>;

/** Shows a Feedback: the error as an alert, the status in a polite live region that is always there. */
export function FeedbackText({ feedback, inline = false }: { feedback: Pick<Feedback, 'status' | 'error'>; inline?: boolean }) {
  const Tag = inline ? 'span' : 'p';
  return (
    <>
      {feedback.error && (
        <Tag className="field-error" role="alert">
          {feedback.error}
        </Tag>
      )}
      <Tag className="field-status" role="status">
        {feedback.status}
      </Tag>
    </>
  );
}
