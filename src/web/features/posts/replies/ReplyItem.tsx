import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedReply, Reply, SafetyOutcome } from '../../../api/forumTypes';
import { useSession } from '../../../api/session';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { focusSoon } from '../../../ui/focusSoon';
import { FeedbackText, useFeedback } from '../../../ui/useFeedback';
import { SanitizedHtml } from '../../../ui/SanitizedHtml';
import { TimeAgo } from '../../../ui/TimeAgo';
import { AuthorName, authorText } from '../AuthorName';
import { ReactionBar } from '../ReactionBar';
import { SafetyNote } from '../SafetyNote';
import { WarningGate } from '../WarningGate';
import { CrisisResponse } from '../../safety/CrisisResponse';
import { BlockButton } from '../../blocks/BlockButton';
import { ReportDialog } from '../../moderation/ReportDialog';
import { useDeleteReply } from './api';
import { EditReplyForm, NewReplyForm } from './ReplyForm';

interface ReplyItemProps {
  reply: Reply;
  groupSlug: string;
  /** Who the reply answers, for screen readers (the indent shows it to the eye). */
  parentAuthor: string | null;
  canReply: boolean;
  /** What the safety check said, on the reply just posted. */
  safety: SafetyOutcome | null;
  onPosted: (created: CreatedReply) => void;
  /** The reader wrote the post anonymously: their replies start anonymous too. */
  anonymousByDefault: boolean;
}

/** One reply in the thread: its words, reactions, and Reply / Edit / Delete (or Report, on others' replies). */
export function ReplyItem({ reply, groupSlug, parentAuthor, canReply: threadOpen, safety, onPosted, anonymousByDefault }: ReplyItemProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'read' | 'reply' | 'edit'>('read');
  // What the safety module said about the last edit: the same response as a new reply gets.
  const [edited, setEdited] = useState<SafetyOutcome | null>(null);
  const [editCount, setEditCount] = useState(0);
  const replyButton = useRef<HTMLButtonElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const articleRef = useRef<HTMLElement>(null);
  const remove = useDeleteReply(reply.postId);
  const name = authorText(reply.author, t);
  const live = !reply.deleted;
  // A reply waiting for a moderator (or removed) cannot be answered yet.
  const canReply = threadOpen && reply.status === 'published';
  const { member } = useSession();
  const canReport = !!member && !reply.author.isMe && reply.status !== 'removed';
  const blockFeedback = useFeedback();

  // Someone the reader blocked: the reply keeps its place so the answers to it read in order, nothing more.
  if (reply.blockedAuthor) {
    return (
      <article className="reply-card reply-card--blocked" id={`reply-${reply.id}`} tabIndex={-1} aria-label={t('replies.replyBy', { name })}>
        <p className="deleted-text">{t('blocks.placeholder')}</p>
      </article>
    );
  }

  const backTo = (target: typeof replyButton) => {
    setMode('read');
    requestAnimationFrame(() => target.current?.focus());
  };

  return (
    <article className="reply-card" id={`reply-${reply.id}`} tabIndex={-1} ref={articleRef} aria-label={t('replies.replyBy', { name })}>
      <p className="reply-meta">
        <AuthorName author={reply.author} />
        <TimeAgo value={reply.createdAt} />
        {reply.editedAt && live && <span className="edited">{t('posts.edited')}</span>}
        {parentAuthor && <span className="visually-hidden">{t('replies.inReplyTo', { name: parentAuthor })}</span>}
        {reply.status === 'held' && <span className="badge">{t('posts.heldBadge')}</span>}
      </p>
      {mode === 'edit' ? (
        <EditReplyForm
          reply={reply}
          groupSlug={groupSlug}
          onDone={(saved) => {
            if (saved) {
              setEdited(saved.safety);
              setEditCount((n) => n + 1);
            }
            backTo(editButton);
          }}
        />
      ) : live && reply.bodyHtml !== null ? (
        reply.contentWarning ? (
          <WarningGate warning={reply.contentWarning} what="reply">
            <SanitizedHtml className="prose reply-body" html={reply.bodyHtml} />
          </WarningGate>
        ) : (
          <SanitizedHtml className="prose reply-body" html={reply.bodyHtml} />
        )
      ) : (
        <p className="deleted-text">{t('posts.deletedText')}</p>
      )}
      {safety && <SafetyNote safety={safety} what="reply" />}
      {edited && mode !== 'edit' && <SafetyNote safety={edited} what="reply" />}
      {edited && <CrisisResponse key={editCount} response={edited.response} returnFocus={() => articleRef.current} />}
      {live && mode !== 'edit' && (
        <ReactionBar target={{ type: 'reply', id: reply.id, postId: reply.postId }} reactions={reply.reactions} myReactions={reply.myReactions} label={t('replies.reactionsLabel', { name })} />
      )}
      {live && mode !== 'edit' && (canReply || reply.canEdit || canReport) && (
        <div className="button-row reply-actions">
          {canReply && (
            <Button variant="quiet" ref={replyButton} aria-expanded={mode === 'reply'} onClick={() => (mode === 'reply' ? backTo(replyButton) : setMode('reply'))}>
              {t('replies.reply')}
              <span className="visually-hidden"> {t('replies.toName', { name })}</span>
            </Button>
          )}
          {reply.canEdit && (
            <>
              <Button variant="quiet" ref={editButton} onClick={() => setMode('edit')}>
                {t('replies.edit')}
              </Button>
              <ConfirmDialog
                trigger={t('replies.delete')}
                triggerVariant="quiet"
                title={t('replies.deleteTitle')}
                confirmLabel={t('replies.deleteConfirm')}
                busyLabel={t('posts.deleting')}
                destructive
                onConfirm={async () => {
                  await remove.mutateAsync(reply.id);
                  focusSoon(articleRef);
                }}
              >
                <p>{t('replies.deleteBody')}</p>
              </ConfirmDialog>
            </>
          )}
          {canReport && <ReportDialog targetType="reply" targetId={reply.id} name={name} />}
          {canReport && reply.author.kind === 'member' && reply.author.handle && <BlockButton handle={reply.author.handle} blocked={false} feedback={blockFeedback} named triggerVariant="quiet" />}
        </div>
      )}
      <FeedbackText feedback={blockFeedback} />
      {mode === 'reply' && canReply && (
        <NewReplyForm
          postId={reply.postId}
          groupSlug={groupSlug}
          parentId={reply.id}
          label={t('replies.replyToLabel', { name })}
          onPosted={(created) => {
            setMode('read');
            onPosted(created);
          }}
          onCancel={() => backTo(replyButton)}
          autoFocus
          anonymousByDefault={anonymousByDefault}
        />
      )}
    </article>
  );
}
