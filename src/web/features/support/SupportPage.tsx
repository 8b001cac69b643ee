import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LANGUAGES, type Language } from '../../../shared/rules';
import { REQUEST_NOTE_MAX, SUPPORT_TOPICS, type SupportTopic } from '../../../shared/support-rules';
import type { CrisisResponse as Response } from '../../api/safetyTypes';
import { isApiError } from '../../api/client';
import { Button } from '../../ui/Button';
import { CharacterCount, charCount, useCharacterStatus } from '../../ui/CharacterCount';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CheckboxField, Field } from '../../ui/Field';
import { toProblem } from '../../ui/formProblem';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { CrisisResponse } from '../safety/CrisisResponse';
import { useAskForListener, useCancelRequest, useMySupport, useSupportLive, type MySupportRequest } from './api';
import '../../styles/support.css';

interface Problem {
  message: string;
  fields: Record<string, string>;
}

/** Topics, language and an optional note: all a member needs to say to be matched. */
function RequestForm({ onAsked }: { onAsked: (response: Response) => void }) {
  const { t, i18n } = useTranslation();
  const ask = useAskForListener();
  const uiLanguage = LANGUAGES.find((l) => i18n.language?.startsWith(l)) ?? 'en';
  const [topics, setTopics] = useState<SupportTopic[]>([]);
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const noteStatus = useCharacterStatus(note, REQUEST_NOTE_MAX);
  const summaryRef = useRef<HTMLParagraphElement>(null);

  const fail = (p: Problem) => {
    setProblem(p);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields: Record<string, string> = {};
    if (topics.length === 0) fields.topics = t('support.topicsRequired');
    if (charCount(note) > REQUEST_NOTE_MAX) fields.note = t('support.noteTooLong', { max: REQUEST_NOTE_MAX });
    if (Object.keys(fields).length) return fail({ message: Object.values(fields)[0]!, fields });
    setProblem(null);
    ask.mutate(
      { topics, language, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: (created) => onAsked(created.safety.response),
        onError: (err) => {
          const p = toProblem(err);
          fail({ message: p.message, fields: p.fields });
        },
      },
    );
  };

  return (
    <form className="support-section" onSubmit={submit} noValidate aria-labelledby="support-form-title">
      <h2 id="support-form-title" className="visually-hidden">
        {t('support.send')}
      </h2>
      {problem && (
        <p className="field-error" role="alert" tabIndex={-1} ref={summaryRef}>
          {problem.message}
        </p>
      )}
      <fieldset className="role-fieldset" aria-invalid={problem?.fields.topics ? true : undefined}>
        <legend className="field-label">{t('support.topicsLegend')}</legend>
        <p className="field-hint">{t('support.topicsHint')}</p>
        {problem?.fields.topics && (
          <p className="field-error">
            <span className="visually-hidden">{t('form.errorPrefix')} </span>
            {problem.fields.topics}
          </p>
        )}
        <div className="role-grid">
          {SUPPORT_TOPICS.map((topic) => (
            <CheckboxField
              key={topic}
              name="topics"
              label={t(`support.topics.${topic}`)}
              checked={topics.includes(topic)}
              onChange={(on) => setTopics((list) => (on ? [...list, topic] : list.filter((x) => x !== topic)))}
            />
          ))}
        </div>
      </fieldset>
      <Field label={t('support.languageLabel')} error={problem?.fields.language}>
        {(control) => (
          <select {...control} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`support.languages.${l}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('support.noteLabel')} hint={t('support.noteHint')} error={problem?.fields.note} status={noteStatus} extra={<CharacterCount text={note} max={REQUEST_NOTE_MAX} />}>
        {(control) => <textarea {...control} rows={4} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div>
        <Button type="submit" variant="primary" busy={ask.isPending} busyLabel={t('support.sending')}>
          {t('support.send')}
        </Button>
      </div>
    </form>
  );
}

/** Waiting: the place in the queue and the estimated wait, updating live; Stop waiting. */
function Waiting({ request }: { request: MySupportRequest }) {
  const { t } = useTranslation();
  const cancel = useCancelRequest();
  return (
    <section className="support-section" aria-labelledby="support-waiting-title">
      <h2 id="support-waiting-title" tabIndex={-1}>
        {t('support.waiting.title')}
      </h2>
      <p>{t('support.waiting.thanks')}</p>
      {/* Polite: the place and the wait are told again when they change. */}
      <div role="status" className="support-place">
        <p className="lead">{request.position !== null ? t('support.waiting.position', { position: request.position }) : t('support.waiting.positionUnknown')}</p>
        <p>
          {request.estimatedWaitMinutes !== null
            ? t('support.waiting.estimate', { count: request.estimatedWaitMinutes })
            : request.waitNote === 'no_listener_on_duty'
              ? t('support.waiting.noListenerOnDuty')
              : request.waitNote === 'longer_than_limit'
                ? t('support.waiting.longerThanLimit')
                : t('support.waiting.noEstimate')}
        </p>
        {request.status === 'offered' && <p>{t('support.waiting.offered')}</p>}
      </div>
      <p className="field-hint">{t('support.waiting.stayNote')}</p>
      <p>
        {t('support.waiting.meanwhile')} <Link to="/safety-plan">{t('support.waiting.safetyPlan')}</Link> · <Link to="/help">{t('support.crisisLink')}</Link>
      </p>
      <div>
        <ConfirmDialog
          trigger={t('support.waiting.cancel')}
          title={t('support.waiting.cancelTitle')}
          confirmLabel={t('support.waiting.cancelConfirm')}
          busyLabel={t('support.waiting.cancelling')}
          cancelLabel={t('support.waiting.keepWaiting')}
          onConfirm={() => cancel.mutateAsync()}
        >
          <p>{t('support.waiting.cancelBody')}</p>
        </ConfirmDialog>
      </div>
    </section>
  );
}

/** Nobody was free: said kindly, with the other places to be heard now. */
function Expired() {
  const { t } = useTranslation();
  return (
    <section className="support-section notice notice--info" aria-labelledby="support-expired-title">
      <h2 id="support-expired-title">{t('support.expired.title')}</h2>
      <p>{t('support.expired.body')}</p>
      <ul className="support-list">
        <li>
          <Link to="/groups">{t('support.expired.groups')}</Link>
        </li>
        <li>
          <Link to="/needs-reply">{t('support.expired.needsReply')}</Link>
        </li>
        <li>
          <Link to="/help">{t('support.expired.help')}</Link>
        </li>
      </ul>
    </section>
  );
}

/** /support — ask for a trained listener, wait with a place in the queue, and go to the chat once matched. */
export function SupportPage() {
  const { t } = useTranslation();
  useSupportLive();
  const mine = useMySupport();
  const [crisis, setCrisis] = useState<{ key: number; response: Response } | null>(null);
  const headingRef = useRef<HTMLDivElement>(null);
  const request = mine.data ?? null;
  const open = request && (request.status === 'waiting' || request.status === 'offered' || request.status === 'matched');
  const canAsk = !mine.isPending && !mine.isError && !open;

  // Asked: back to the top, where the place in the queue now shows, with focus on it.
  const onAsked = (response: Response) => {
    window.scrollTo(0, 0);
    requestAnimationFrame(() => document.getElementById('support-waiting-title')?.focus({ preventScroll: true }));
    if (response === 'screen' || response === 'card') setCrisis({ key: Date.now(), response });
  };

  return (
    <div className="support-page" ref={headingRef}>
      <PageHeading>{t('support.title')}</PageHeading>

      {mine.isPending && <Loading label={t('support.loading')} />}
      {mine.isError && !(isApiError(mine.error) && mine.error.status === 401) && <LoadError message={mine.error.message} onRetry={() => void mine.refetch()} />}

      {request && (request.status === 'waiting' || request.status === 'offered') && <Waiting request={request} />}
      {request?.status === 'matched' && request.conversationId && (
        <section className="support-section notice notice--success" aria-labelledby="support-matched-title" role="status">
          <h2 id="support-matched-title">{t('support.matched.title')}</h2>
          <p>{request.listener ? t('support.matched.body', { handle: request.listener.handle }) : t('support.matched.bodyNoHandle')}</p>
          <p>
            <Link className="button button--primary" to={`/chats/${encodeURIComponent(request.conversationId)}`}>
              {t('support.matched.go')}
            </Link>
          </p>
        </section>
      )}
      {request?.status === 'expired' && <Expired />}
      {request?.status === 'ended' && request.conversationId && (
        <section className="support-section" aria-labelledby="support-ended-title">
          <h2 id="support-ended-title">{t('support.ended.title')}</h2>
          <p>{t('support.ended.body')}</p>
          <p>
            <Link to={`/chats/${encodeURIComponent(request.conversationId)}`}>{request.feedbackGiven ? t('support.ended.transcript') : t('support.ended.feedback')}</Link>
          </p>
        </section>
      )}
      {request?.status === 'cancelled' && (
        <div className="notice notice--info">
          <p>{t('support.cancelled')}</p>
        </div>
      )}

      <p className="lead">{t('support.intro')}</p>
      <p>{t('support.private')}</p>
      <div className="notice notice--help">
        <p>
          {t('support.crisisNote')} <Link to="/help">{t('support.crisisLink')}</Link>
        </p>
      </div>

      {canAsk && <RequestForm onAsked={onAsked} />}

      {crisis && (crisis.response === 'screen' || crisis.response === 'card') && (
        <CrisisResponse key={crisis.key} response={crisis.response} returnFocus={() => headingRef.current?.querySelector<HTMLElement>('h1') ?? null} />
      )}
    </div>
  );
}
