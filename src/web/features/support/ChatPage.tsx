import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FEEDBACK_NOTE_MAX, HELPED, type Helped } from '../../../shared/support-rules';
import { isApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { Button } from '../../ui/Button';
import { CharacterCount, charCount } from '../../ui/CharacterCount';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Field } from '../../ui/Field';
import { toProblem } from '../../ui/formProblem';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { Room } from '../rooms/Room';
import { useBringModerator, useConversationView, useReportChat, useEndChat, useListenerQueue, useMySupport, useShareCrisisLines, useSupportFeedback, useSupportLive } from './api';
import '../../styles/rooms.css';
import '../../styles/support.css';

/** End chat (either side, after "are you sure?"), and for the listener: crisis lines and a moderator, each in one click. */
function ChatTools({ requestId, listener }: { requestId: string; listener: boolean }) {
  const { t } = useTranslation();
  const end = useEndChat();
  const share = useShareCrisisLines();
  const moderator = useBringModerator();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = (mutation: typeof share, done: string) => {
    setError(null);
    setStatus('');
    mutation.mutate(requestId, { onSuccess: () => setStatus(done), onError: (e) => setError(toProblem(e).message) });
  };
  return (
    <section className="support-tools" aria-label={listener ? t('support.chat.toolsLabel') : t('support.chat.end')}>
      <div className="button-row">
        {listener && (
          <>
            <Button variant="secondary" busy={share.isPending} busyLabel={t('support.chat.sharing')} onClick={() => act(share, t('support.chat.shared'))}>
              {t('support.chat.shareCrisis')}
            </Button>
            <Button variant="secondary" busy={moderator.isPending} busyLabel={t('support.chat.bringing')} onClick={() => act(moderator, t('support.chat.moderatorAsked'))}>
              {t('support.chat.bringModerator')}
            </Button>
          </>
        )}
        <ConfirmDialog
          trigger={t('support.chat.end')}
          title={t('support.chat.endTitle')}
          confirmLabel={t('support.chat.endConfirm')}
          busyLabel={t('support.chat.ending')}
          cancelLabel={t('support.chat.keepTalking')}
          destructive
          onConfirm={() => end.mutateAsync(requestId)}
        >
          <p>{t('support.chat.endBody')}</p>
        </ConfirmDialog>
      </div>
      <ReportForm requestId={requestId} />
      <p className="field-hint" role="status">
        {status}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** Report the other person: only the moderators read it, and the person reported is not told who. */
function ReportForm({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const report = useReportChat();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <p className="field-hint" role="status">
        {t('support.report.thanks')}
      </p>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim()) {
      setError(t('support.report.noteRequired'));
      return;
    }
    setError(null);
    report.mutate({ requestId, note: note.trim() }, { onSuccess: () => setDone(true), onError: (err) => setError(toProblem(err).message) });
  };
  return (
    <div className="support-report">
      <Button variant="quiet" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('support.report.open')}
      </Button>
      {open && (
        <form onSubmit={submit} noValidate>
          <Field label={t('support.report.label')} hint={t('support.report.hint')} error={error ?? undefined} extra={<CharacterCount text={note} max={FEEDBACK_NOTE_MAX} />}>
            {(control) => <textarea {...control} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <Button type="submit" variant="primary" busy={report.isPending} busyLabel={t('support.report.sending')}>
            {t('support.report.send')}
          </Button>
        </form>
      )}
    </div>
  );
}

/** After the chat: did it help (yes / somewhat / no), a note for the listener, a note for the moderators. */
function FeedbackForm({ requestId, given }: { requestId: string; given: boolean }) {
  const { t } = useTranslation();
  const feedback = useSupportFeedback(requestId);
  const [helped, setHelped] = useState<Helped | null>(null);
  const [forListener, setForListener] = useState('');
  const [forModerators, setForModerators] = useState('');
  const [problem, setProblem] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (done) {
    return (
      <div className="notice notice--success" role="status">
        <p>{done}</p>
      </div>
    );
  }
  // Said on an earlier visit: nothing more to ask.
  if (given) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!helped) {
      setProblem({ message: t('support.feedback.helpedRequired'), fields: { helped: t('support.feedback.helpedRequired') } });
      document.getElementById(`helped-${requestId}-yes`)?.focus();
      return;
    }
    const tooLong = t('support.noteTooLong', { max: FEEDBACK_NOTE_MAX });
    const fields: Record<string, string> = {};
    if (charCount(forListener) > FEEDBACK_NOTE_MAX) fields.noteForListener = tooLong;
    if (charCount(forModerators) > FEEDBACK_NOTE_MAX) fields.noteForModerators = tooLong;
    if (Object.keys(fields).length) {
      setProblem({ message: tooLong, fields });
      return;
    }
    setProblem(null);
    feedback.mutate(
      { helped, ...(forListener.trim() ? { noteForListener: forListener.trim() } : {}), ...(forModerators.trim() ? { noteForModerators: forModerators.trim() } : {}) },
      {
        onSuccess: () => setDone(t('support.feedback.thanks')),
        onError: (err) => {
          if (isApiError(err) && err.code === 'feedback_given') setDone(t('support.feedback.already'));
          else {
            const p = toProblem(err);
            setProblem({ message: p.message, fields: (p.fields ?? {}) as Record<string, string> });
          }
        },
      },
    );
  };

  return (
    <form className="support-feedback" onSubmit={submit} noValidate aria-labelledby={`feedback-${requestId}`}>
      <h2 id={`feedback-${requestId}`}>{t('support.feedback.title')}</h2>
      {problem && (
        <p className="field-error" role="alert">
          {problem.message}
        </p>
      )}
      <fieldset className="choice-list" aria-invalid={problem?.fields.helped ? true : undefined}>
        <legend className="field-label">{t('support.feedback.helpedLegend')}</legend>
        {HELPED.map((h) => (
          <div className="checkbox-row" key={h}>
            <input type="radio" id={`helped-${requestId}-${h}`} name="helped" checked={helped === h} onChange={() => setHelped(h)} />
            <label htmlFor={`helped-${requestId}-${h}`}>{t(`support.feedback.helped.${h}`)}</label>
          </div>
        ))}
      </fieldset>
      <Field label={t('support.feedback.forListener')} hint={t('support.feedback.forListenerHint')} error={problem?.fields.noteForListener} extra={<CharacterCount text={forListener} max={FEEDBACK_NOTE_MAX} />}>
        {(control) => <textarea {...control} rows={3} value={forListener} onChange={(e) => setForListener(e.target.value)} />}
      </Field>
      <Field label={t('support.feedback.forModerators')} hint={t('support.feedback.forModeratorsHint')} error={problem?.fields.noteForModerators} extra={<CharacterCount text={forModerators} max={FEEDBACK_NOTE_MAX} />}>
        {(control) => <textarea {...control} rows={3} value={forModerators} onChange={(e) => setForModerators(e.target.value)} />}
      </Field>
      <Button type="submit" variant="primary" busy={feedback.isPending} busyLabel={t('support.feedback.sending')}>
        {t('support.feedback.send')}
      </Button>
    </form>
  );
}

/** /chats/:id — a private support chat: the room UI, with End chat, the listener's tools, and feedback once it ends. */
export function ChatPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { member } = useSession();
  useSupportLive();
  const view = useConversationView(id);
  const isListener = !!view.data?.me.isHost;
  const mine = useMySupport(!!view.data && !isListener);
  const queue = useListenerQueue(isListener);

  const myRequest = mine.data && mine.data.conversationId === id ? mine.data : null;
  const listenerChat = queue.data?.chats.find((c) => c.conversationId === id) ?? null;
  const requestId = myRequest?.id ?? listenerChat?.requestId ?? null;
  const otherHandle = myRequest?.listener?.handle ?? listenerChat?.member.handle ?? null;
  const title = otherHandle ? t('support.chat.titleWith', { handle: otherHandle }) : t('support.chat.title');

  const notFound = view.isError && isApiError(view.error) && (view.error.status === 404 || view.error.status === 403);

  const ended = (
    <div className="support-ended">
      <div className="notice notice--info" role="status">
        <p>{t('support.chat.ended')}</p>
      </div>
      {myRequest?.status === 'ended' && <FeedbackForm requestId={myRequest.id} given={myRequest.feedbackGiven} />}
    </div>
  );

  return (
    <div className="room-page support-chat">
      <p className="breadcrumb">
        {isListener ? <Link to="/listeners/queue">{t('support.chat.backQueue')}</Link> : <Link to="/support">{t('support.chat.back')}</Link>}
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="field-hint">{t('support.chat.intro')}</p>
      {view.isPending && <Loading label={t('support.chat.loading')} />}
      {notFound && (
        <div className="notice notice--info">
          <p>{t('support.chat.notFound')}</p>
        </div>
      )}
      {view.isError && !notFound && <LoadError message={view.error.message} onRetry={() => void view.refetch()} />}
      {view.data && member && (
        <Room
          key={`${view.data.room.id}:${view.dataUpdatedAt}`}
          view={view.data}
          member={member}
          tools={requestId ? <ChatTools requestId={requestId} listener={isListener && !!listenerChat} /> : null}
          ended={ended}
        />
      )}
    </div>
  );
}
