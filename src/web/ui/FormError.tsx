import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormProblem } from './formProblem';

interface FormErrorProps {
  problem: FormProblem | null;
  summaryRef: RefObject<HTMLDivElement | null>;
  formRef: RefObject<HTMLFormElement | null>;
  /** Visible labels of the form's fields, by field name, to list what needs a look. */
  labels?: Record<string, string>;
}

/** The form-level summary: announced when it appears, with a way to each field to fix. */
export function FormError({ problem, summaryRef, formRef, labels = {} }: FormErrorProps) {
  const { t } = useTranslation();
  const fieldNames = problem ? [...new Set(Object.keys(problem.fields).map((k) => k.split('.')[0] ?? k))] : [];
  const shown = fieldNames.filter((name) => labels[name]);

  const focusField = (name: string) => {
    formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`)?.focus();
  };

  return (
    <div ref={summaryRef} role="alert" tabIndex={-1} className={problem ? 'form-error' : 'form-error form-error--empty'}>
      {problem && (
        <>
          <p className="form-error-message">{problem.message}</p>
          {shown.length > 0 && (
            <ul className="form-error-list">
              {shown.map((name) => (
                <li key={name}>
                  <button type="button" className="link-button" onClick={() => focusField(name)}>
                    {t('form.fixField', { field: labels[name] })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
