import type { UseMutationResult } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CONTENT_WARNINGS, POST_BODY_MAX, POST_TITLE_MAX } from '../../../../shared/forum-rules';
import type { ContentWarning } from '../../../api/forumTypes';
import { Button } from '../../../ui/Button';
import { CharacterCount, charCount, useCharacterStatus } from '../../../ui/CharacterCount';
import { DraftNotice } from '../../../ui/DraftNotice';
import { CheckboxField, Field } from '../../../ui/Field';
import { Form } from '../../../ui/Form';
import { useDraft } from '../../../ui/useDraft';
import { useMutationForm } from '../../../ui/useMutationForm';
import { GroupRulesPrompt } from '../../groups/GroupRulesPrompt';
import { JoinGroupPrompt } from '../../groups/JoinGroupPrompt';
import { DraftSafetyNote } from '../../safety/DraftSafetyNote';
import { MarkdownField, type EditorTab } from './MarkdownField';

export interface PostFields {
  title: string;
  body: string;
  contentWarning: ContentWarning | '';
  anonymous: boolean;
}

export const EMPTY_POST: PostFields = { title: '', body: '', contentWarning: '', anonymous: false };

interface PostComposerProps<TData, TBody> {
  /** What the draft is kept under: "post:new:<slug>" or "post:edit:<id>". */
  draftName: string;
  initial: PostFields;
  /** Editing cannot change who a post is shown as: no anonymous choice. */
  mode: 'new' | 'edit';
  groupSlug: string;
  mutation: UseMutationResult<TData, Error, TBody>;
  toBody: (fields: PostFields) => TBody;
  onPublished: (data: TData) => void;
  submitLabel: string;
  busyLabel: string;
  /** Where "Cancel" goes; the draft stays. */
  cancelTo: string;
}

/**
 * Title, Markdown body (Write / Preview), content warning and the anonymous choice. Every
 * keystroke is kept as a draft in this browser until the post is published.
 */
export function PostComposer<TData, TBody>(props: PostComposerProps<TData, TBody>) {
  const { draftName, initial, mode, groupSlug, mutation, toBody, onPublished, submitLabel, busyLabel, cancelTo } = props;
  const { t } = useTranslation();
  const draft = useDraft(draftName, initial);
  const form = useMutationForm(mutation);
  const [tab, setTab] = useState<EditorTab>('write');
  const titleRef = useRef<HTMLInputElement>(null);
  const { title, body, contentWarning, anonymous } = draft.value;
  const titleStatus = useCharacterStatus(title, POST_TITLE_MAX);

  const submit = form.handleSubmit(() => {
    // Problems are shown next to the textarea, which lives in the Write tab.
    setTab('write');
    return {
      checks: {
        title: !title.trim() ? t('composer.titleRequired') : charCount(title.trim()) > POST_TITLE_MAX ? t('composer.titleMax', { max: POST_TITLE_MAX }) : undefined,
        body: !body.trim() ? t('composer.bodyRequired') : charCount(body) > POST_BODY_MAX ? t('composer.bodyMax', { max: POST_BODY_MAX.toLocaleString() }) : undefined,
      },
      body: toBody({ ...draft.value, title: title.trim() }),
      onSuccess: (data: TData) => {
        draft.clear();
        onPublished(data);
      },
    };
  });

  const labels = {
    title: t('composer.title'),
    body: t('composer.body'),
    contentWarning: t('composer.contentWarning'),
    anonymous: t('composer.anonymous'),
  };

  return (
    <>
      <DraftNotice draft={draft} focusAfter={titleRef} />
      <Form form={form} onSubmit={submit} labels={labels}>
        <JoinGroupPrompt slug={groupSlug} message={t('composer.joinToPost')} form={form} />
        {mode === 'new' && <GroupRulesPrompt slug={groupSlug} form={form} onRead={() => titleRef.current?.focus()} />}
        <Field label={labels.title} error={form.fieldError('title')} status={titleStatus} extra={<CharacterCount text={title} max={POST_TITLE_MAX} />}>
          {(control) => (
            <input {...control} ref={titleRef} name="title" type="text" value={title} onChange={(e) => draft.update({ title: e.target.value })} required autoComplete="off" />
          )}
        </Field>
        <MarkdownField
          label={labels.body}
          name="body"
          value={body}
          onChange={(value) => draft.update({ body: value })}
          max={POST_BODY_MAX}
          tab={tab}
          onTabChange={setTab}
          error={form.fieldError('body')}
        />
        <DraftSafetyNote text={title.trim() ? `${title.trim()}\n\n${body}` : body} kind="post" />
        <Field label={labels.contentWarning} hint={t('composer.contentWarningHint')} error={form.fieldError('contentWarning')}>
          {(control) => (
            <select {...control} name="contentWarning" value={contentWarning} onChange={(e) => draft.update({ contentWarning: e.target.value as ContentWarning | '' })}>
              <option value="">{t('contentWarnings.none')}</option>
              {CONTENT_WARNINGS.map((cw) => (
                <option key={cw} value={cw}>
                  {t(`contentWarnings.${cw}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {mode === 'new' && (
          <CheckboxField
            name="anonymous"
            label={labels.anonymous}
            hint={t('composer.anonymousHint')}
            checked={anonymous}
            onChange={(on) => draft.update({ anonymous: on })}
            error={form.fieldError('anonymous')}
          />
        )}
        <p className="field-hint">{t('composer.safeMessaging')}</p>
        <div className="form-actions button-row">
          <Button type="submit" variant="primary" busy={mutation.isPending} busyLabel={busyLabel}>
            {submitLabel}
          </Button>
          <Link to={cancelTo} className="button button--quiet">
            {t('app.cancel')}
          </Link>
        </div>
        <p className="field-hint">{t('drafts.keptAsYouType')}</p>
      </Form>
    </>
  );
}
