import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QuizAnswers, QuizQuestion } from '../../../shared/listeners';
import type { Language } from '../../../shared/rules';
import { Button } from '../../ui/Button';
import { focusSoon } from '../../ui/focusSoon';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';

/** A training module as every programme's training serves it (listeners, facilitators). */
export interface TrainingModuleData<Id extends string = string> {
  id: Id;
  language: Language;
  paragraphs: string[];
  questions: QuizQuestion[];
  passedAt: number | null;
}

/** What checking a quiz answers, in every programme. */
export interface QuizResultData {
  passed: boolean;
  revisit: { id: string; prompt: string; hint: string }[];
  progress: { allPassed: boolean };
}

/**
 * One training page and its quiz, checked on the server, in the screens' language; a language
 * not translated yet gets the English text with a note. The same for every programme: each
 * passes its own module query, quiz mutation, way back and words for the last pass.
 */
export function TrainingModuleView<Id extends string, R extends QuizResultData>({
  page,
  answer,
  heading,
  errorTitle,
  back,
  passedAll,
}: {
  page: UseQueryResult<TrainingModuleData<Id>, Error>;
  answer: UseMutationResult<R, Error, QuizAnswers>;
  /** The module's title as a heading, from the screens' texts. */
  heading: (id: Id) => string;
  errorTitle: string;
  back: { to: string; label: string };
  /** Said when this pass completes the training. */
  passedAll: string;
}) {
  const { t, i18n } = useTranslation();
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [result, setResult] = useState<R | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const resultRef = useRef<HTMLDivElement>(null);

  if (page.isPending) return <Loading />;
  if (page.isError) {
    return (
      <>
        <PageHeading>{errorTitle}</PageHeading>
        <LoadError message={page.error.message} onRetry={() => void page.refetch()} />
        <p>
          <Link to={back.to}>{back.label}</Link>
        </p>
      </>
    );
  }
  const m = page.data;
  const wrong = new Set(result?.revisit.map((q) => q.id) ?? []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (answer.isPending) return;
    const unanswered = m.questions.filter((q) => !chosen[q.id]).map((q) => q.id);
    setMissing(unanswered);
    if (unanswered.length > 0) {
      setResult(null);
      focusSoon(resultRef);
      return;
    }
    answer.mutate(
      { answers: chosen },
      {
        onSuccess: (r) => {
          setResult(r);
          focusSoon(resultRef);
        },
        onError: () => focusSoon(resultRef),
      },
    );
  };

  return (
    <>
      <PageHeading>{heading(m.id)}</PageHeading>
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
      {m.language !== i18n.language.slice(0, 2) && <p className="field-hint">{t('listeners.training.englishOnly')}</p>}
      {m.passedAt !== null && <p className="notice notice--success">{t('listeners.training.alreadyPassed')}</p>}
      <section aria-labelledby="module-text" lang={m.language}>
        <h2 id="module-text" className="visually-hidden">
          {t('listeners.training.read')}
        </h2>
        {m.paragraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </section>
      <section aria-labelledby="quiz-title">
        <h2 id="quiz-title">{t('listeners.quiz.title')}</h2>
        <p>{t('listeners.quiz.intro')}</p>
        <form onSubmit={submit} noValidate className="form">
          <div ref={resultRef} tabIndex={-1} role="alert" className={result?.passed ? 'notice notice--success' : result || missing.length > 0 || answer.isError ? 'notice' : 'form-error--empty'}>
            {missing.length > 0 && <p>{t('listeners.quiz.unanswered', { count: missing.length })}</p>}
            {answer.isError && <p>{answer.error.message}</p>}
            {result?.passed && (
              <>
                <p>{result.progress.allPassed ? passedAll : t('listeners.quiz.passed')}</p>
                <p>
                  <Link to={back.to}>{back.label}</Link>
                </p>
              </>
            )}
            {result && !result.passed && (
              <>
                <p>{t('listeners.quiz.notYet', { count: result.revisit.length })}</p>
                <ul>
                  {result.revisit.map((q) => (
                    <li key={q.id}>
                      <a href={`#question-${q.id}`}>{q.prompt}</a> — {q.hint}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
          {m.questions.map((q, n) => (
            <fieldset key={q.id} id={`question-${q.id}`} className="role-fieldset" lang={m.language} aria-describedby={wrong.has(q.id) || missing.includes(q.id) ? `question-${q.id}-note` : undefined}>
              <legend className="field-label">
                {n + 1}. {q.prompt}
              </legend>
              {(wrong.has(q.id) || missing.includes(q.id)) && (
                <p className="field-error" id={`question-${q.id}-note`}>
                  {wrong.has(q.id) ? t('listeners.quiz.lookAgain') : t('listeners.quiz.chooseOne')}
                </p>
              )}
              {q.options.map((o) => (
                <div className="checkbox-row" key={o.id}>
                  <input
                    type="radio"
                    id={`q-${q.id}-${o.id}`}
                    name={`q-${q.id}`}
                    checked={chosen[q.id] === o.id}
                    onChange={() => {
                      setChosen((c) => ({ ...c, [q.id]: o.id }));
                      setMissing((list) => list.filter((id) => id !== q.id));
                    }}
                  />
                  <label htmlFor={`q-${q.id}-${o.id}`}>{o.text}</label>
                </div>
              ))}
            </fieldset>
          ))}
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={answer.isPending} busyLabel={t('listeners.quiz.checking')}>
              {t('listeners.quiz.check')}
            </Button>
          </div>
        </form>
      </section>
    </>
  );
}
