import type { UseMutationResult } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { REPLY_BODY_MAX } from '../../../../shared/forum-rules';
import type { CreatedReply, Reply } from '../../../api/forumTypes';
import { Button } from '../../../ui/Button';
import { CharacterCount, charCount, useCharacterStatus } from '../../../ui/CharacterCount';
import { DraftNotice } from '../../../ui/DraftNotice';
import { CheckboxField, Field } from '../../../ui/Field';
import { Form } from '../../../ui/Form';
import { useDraft } from '../../../ui/useDraft';
import { useMutationForm } from '../../../ui/useMutationForm';
import { JoinGroupPrompt } from '../../groups/JoinGroupPrompt';
import { DraftSafetyNote } from '../../safety/DraftSafetyNote';
import { useCreateReply, useUpdateReply } from './api';

interface ReplyFieldsProps<TData, TBody> {
  draftName: string;
  initial: { body: string; anonymous: boolean };
  label: string;
  mutation: UseMutationResult<TData, Error, TBody>;
  toBody: (fields: { body: string; anonymous: boolean }) => TBody;
  onDone: (data: TData) => void;
  submitLabel: string;
  busyLabel: string;
  /** Offer "Reply anonymously" (new replies only). */
  withAnonymous: boolean;
  /** Explains why "Reply anonymously" starts ticked, when it does. */
  anonymousHint?: string;
  groupSlug: string;
  onCancel?: (() => void) | undefined;
  autoFocus?: boolean;
}

/** A reply's textarea, kept as a draft in this browser until it is sent. */
function ReplyFields<TData, TBody>(props: ReplyFieldsProps<TData, TBody>) {
  const { draftName, initial, label, mutation, toBody, onDone, submitLabel, busyLabel, withAnonymous, anonymousHint, groupSlug, onCancel, autoFocus } = props;
  const { t } = useTranslation();
  const draft = useDraft(draftName, initial);
  const form = useMutationForm(mutation);
  const status = useCharacterStatus(draft.value.body, REPLY_BODY_MAX);
  const textareaRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (autoFocus) textareaRef.current?.focus();
  }, [autoFocus]);

  const { body, anonymous } = draft.value;
  const submit = form.handleSubmit(() => ({
    checks: {
      body: !body.trim() ? t('replies.bodyRequired') : charCount(body) > REPLY_BODY_MAX ? t('replies.bodyMax', { max: REPLY_BODY_MAX.toLocaleString() }) : undefined,
    },
    body: toBody({ body, anonymous }),
    onSuccess: (data: TData) => {
      draft.discard();
      onDone(data);
    },
  }));

  return (
    <div className="reply-form">
      <DraftNotice draft={draft} focusAfter={textareaRef} />
      <Form form={form} onSubmit={submit} labels={{ body: label }}>
        <JoinGroupPrompt slug={groupSlug} message={t('replies.joinToReply')} form={form} />
        <Field label={label} hint={t('replies.hint')} error={form.fieldError('body')} status={status} extra={<CharacterCount text={body} max={REPLY_BODY_MAX} />}>
          {(control) => <textarea {...control} ref={textareaRef} name="body" rows={4} value={body} onChange={(e) => draft.update({ body: e.target.value })} required />}
        </Field>
        <DraftSafetyNote text={body} kind="reply" />
        {withAnonymous && (
          <CheckboxField
            name="anonymous"
            label={t('replies.anonymous')}
            hint={anonymousHint ?? t('composer.anonymousHint')}
            checked={anonymous}
            onChange={(on) => draft.update({ anonymous: on })}
          />
        )}
        <div className="button-row">
          <Button type="submit" variant="primary" busy={mutation.isPending} busyLabel={busyLabel}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="quiet" onClick={onCancel}>
              {t('app.cancel')}
            </Button>
          )}
        </div>
      </Form>
    </div>
  );
}

interface NewReplyFormProps {
  postId: string;
  groupSlug: string;
  /** The reply being answered; null for a reply to the post. */
  parentId: string | null;
  label: string;
  onPosted: (created: CreatedReply) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
  /**
   * Start with "Reply anonymously" ticked: the member wrote the post anonymously, and a reply
   * under their handle would give them away.
   */
  anonymousByDefault?: boolean;
}

/** Writes a reply to the post or to one of its replies. */
export function NewReplyForm({ postId, groupSlug, parentId, label, onPosted, onCancel, autoFocus, anonymousByDefault = false }: NewReplyFormProps) {
  const { t } = useTranslation();
  const create = useCreateReply(postId);
  return (
    <ReplyFields
      draftName={`reply:${postId}:${parentId ?? 'post'}`}
      initial={{ body: '', anonymous: anonymousByDefault }}
      label={label}
      mutation={create}
      toBody={({ body, anonymous }) => ({ body, anonymous, parentId })}
      onDone={onPosted}
      submitLabel={t('replies.submit')}
      busyLabel={t('replies.submitting')}
      withAnonymous
      anonymousHint={anonymousByDefault ? t('replies.anonymousByDefaultHint') : undefined}
      groupSlug={groupSlug}
      onCancel={onCancel}
      autoFocus={autoFocus ?? false}
    />
  );
}

/** Changes the words of one's own reply. */
export function EditReplyForm({ reply, groupSlug, onDone }: { reply: Reply; groupSlug: string; onDone: (saved: CreatedReply | null) => void }) {
  const { t } = useTranslation();
  const update = useUpdateReply(reply.postId);
  return (
    <ReplyFields
      draftName={`reply:edit:${reply.id}`}
      initial={{ body: reply.bodyMarkdown ?? '', anonymous: reply.anonymous }}
      label={t('replies.editLabel')}
      mutation={update}
      toBody={({ body }) => ({ id: reply.id, body })}
      onDone={onDone}
      submitLabel={t('replies.save')}
      busyLabel={t('replies.saving')}
      withAnonymous={false}
      groupSlug={groupSlug}
      onCancel={() => onDone(null)}
      autoFocus
    />
  );
}
