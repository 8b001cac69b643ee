import type { FormEvent, ReactNode } from 'react';
import { FormError } from './FormError';
import type { FormProblemState } from './formProblem';

interface FormProps {
  /** From useFormProblem (or useMutationForm): the problem and where focus goes. */
  form: Pick<FormProblemState, 'problem' | 'formRef' | 'summaryRef'>;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  /** Visible labels of the form's fields, by field name, for the summary's links. */
  labels: Record<string, string>;
  children: ReactNode;
}

/** A form that checks its own fields (not the browser's bubbles) and opens with its problem summary. */
export function Form({ form, onSubmit, labels, children }: FormProps) {
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
      <FormError problem={form.problem} summaryRef={form.summaryRef} formRef={form.formRef} labels={labels} />
      {children}
    </form>
  );
}
