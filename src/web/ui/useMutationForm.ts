import type { UseMutationResult } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { clientProblem, useFormProblem } from './formProblem';

/** What one press of submit would send, and the checks it must pass first. */
export interface Submission<TBody, TData> {
  checks: Record<string, string | undefined>;
  body: TBody;
  onSuccess?: (data: TData) => void;
}

/**
 * A form that sends one mutation. Its `handleSubmit` ignores presses while sending, shows the
 * problems found before sending (moving focus to them), else sends and shows the server's.
 */
export function useMutationForm<TData, TError, TBody>(mutation: UseMutationResult<TData, TError, TBody>) {
  const form = useFormProblem();

  /** `prepare` runs on each press that is not ignored; it returns null to send nothing. */
  const handleSubmit = (prepare: () => Submission<TBody, TData> | null) => (e: FormEvent) => {
    e.preventDefault();
    if (mutation.isPending) return;
    const submission = prepare();
    if (!submission) return;
    const problem = clientProblem(submission.checks);
    if (problem) return form.show(problem);
    form.clear();
    mutation.mutate(submission.body, { onSuccess: submission.onSuccess, onError: form.fail });
  };

  return { ...form, handleSubmit };
}
