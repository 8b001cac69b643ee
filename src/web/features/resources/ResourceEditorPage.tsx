import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { RESOURCE_BODY_MAX, RESOURCE_TAG_MAX, RESOURCE_TAGS_MAX, RESOURCE_TITLE_MAX, type AdminResource } from '../../../shared/resources';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Form } from '../../ui/Form';
import { clientProblem, useFormProblem } from '../../ui/formProblem';
import { PageHeading } from '../../ui/PageHeading';
import { SanitizedHtml } from '../../ui/SanitizedHtml';
import { LoadError, Loading } from '../../ui/Status';
import { FeedbackText, useFeedback } from '../../ui/useFeedback';
import { AdminNav } from '../admin/AdminNav';
import { libraryLanguage, useAdminResource, useCreateResource, useResourcePreview, useSetPublished, useUpdateResource } from './api';
import './resources.css';

const toTags = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);

/** The live preview: what readers will see, from the server's own renderer and sanitiser. */
function Preview({ markdown }: { markdown: string }) {
  const { t } = useTranslation();
  const preview = useResourcePreview(markdown);
  return (
    <section aria-labelledby="resource-preview-heading">
      <h2 id="resource-preview-heading">{t('resources.preview')}</h2>
      <div className="resource-preview" data-testid="resource-preview">
        {!markdown.trim() ? (
          <p className="preview-empty">{t('resources.previewEmpty')}</p>
        ) : preview.isError && !preview.data ? (
          <LoadError message={preview.error.message} onRetry={() => void preview.refetch()} />
        ) : preview.data === undefined ? (
          <Loading label={t('resources.previewLoading')} />
        ) : (
          <SanitizedHtml className="prose" html={preview.data} />
        )}
      </div>
    </section>
  );
}

/** The form; keyed by article so opening another one refills it. Keeps what was typed when saving fails. */
function Editor({ resource }: { resource: AdminResource | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const form = useFormProblem();
  const feedback = useFeedback();
  const create = useCreateResource();
  const update = useUpdateResource(resource?.id ?? '');
  const setPublished = useSetPublished(resource?.id ?? '');
  const [title, setTitle] = useState(resource?.title ?? '');
  const [language, setLanguage] = useState<'en' | 'es'>(resource?.language ?? libraryLanguage(i18n.resolvedLanguage));
  const [tags, setTags] = useState(resource?.tags.join(', ') ?? '');
  const [markdown, setMarkdown] = useState(resource?.markdown ?? '');
  const busy = create.isPending || update.isPending;
  const location = useLocation();
  const justCreated = (location.state as { saved?: boolean } | null)?.saved === true;
  const { done } = feedback;
  useEffect(() => {
    if (justCreated) done(t('resources.savedDraft'));
  }, [justCreated, done, t]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const tagList = toTags(tags);
    const problem = clientProblem({
      title: title.trim().length < 3 ? t('resources.titleRequired') : [...title.trim()].length > RESOURCE_TITLE_MAX ? t('resources.titleMax', { max: RESOURCE_TITLE_MAX }) : undefined,
      markdown: !markdown.trim() ? t('resources.bodyRequired') : markdown.length > RESOURCE_BODY_MAX ? t('resources.bodyMax', { max: RESOURCE_BODY_MAX }) : undefined,
      tags: tagList.length > RESOURCE_TAGS_MAX ? t('resources.tagsMax', { max: RESOURCE_TAGS_MAX }) : tagList.some((tag) => tag.length > RESOURCE_TAG_MAX) ? t('resources.tagMax', { max: RESOURCE_TAG_MAX }) : undefined,
    });
    if (problem) return form.show(problem);
    form.clear();
    feedback.reset();
    const body = { title: title.trim(), markdown, language, tags: tagList };
    if (resource) {
      update.mutate(body, { onSuccess: () => feedback.done(t('resources.saved')), onError: form.fail });
    } else {
      create.mutate(body, {
        onSuccess: ({ resource: created }) => void navigate(`/admin/resources/${encodeURIComponent(created.id)}`, { replace: true, state: { saved: true } }),
        onError: form.fail,
      });
    }
  };

  const labels = { title: t('resources.fieldTitle'), language: t('resources.fieldLanguage'), tags: t('resources.fieldTags'), markdown: t('resources.fieldBody') };
  return (
    <>
      {resource && (
        <div className="notice">
          <p>
            {resource.published ? t('resources.isPublished') : t('resources.isDraft')}{' '}
            {resource.published && <Link to={`/resources/${encodeURIComponent(resource.slug)}`}>{t('resources.viewPublished')}</Link>}
          </p>
          <div className="button-row">
            <Button
              variant={resource.published ? 'secondary' : 'primary'}
              busy={setPublished.isPending}
              onClick={() => feedback.run(setPublished, !resource.published, (data) => (data.resource.published ? t('resources.publishedNow') : t('resources.unpublishedNow')))}
            >
              {resource.published ? t('resources.unpublish') : t('resources.publish')}
            </Button>
          </div>
        </div>
      )}
      <FeedbackText feedback={feedback} />
      <div className="resource-editor">
        <Form form={form} onSubmit={submit} labels={labels}>
          <Field label={labels.title} error={form.fieldError('title')}>
            {(control) => <input {...control} name="title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} required autoComplete="off" />}
          </Field>
          <Field label={labels.language} error={form.fieldError('language')}>
            {(control) => (
              <select {...control} name="language" value={language} onChange={(e) => setLanguage(e.target.value === 'es' ? 'es' : 'en')}>
                <option value="en">{t('resources.language_en')}</option>
                <option value="es">{t('resources.language_es')}</option>
              </select>
            )}
          </Field>
          <Field label={labels.tags} hint={t('resources.tagsHint', { max: RESOURCE_TAGS_MAX })} error={form.fieldError('tags')}>
            {(control) => <input {...control} name="tags" type="text" value={tags} onChange={(e) => setTags(e.target.value)} autoComplete="off" />}
          </Field>
          <Field label={labels.markdown} hint={t('resources.bodyHint')} error={form.fieldError('markdown')}>
            {(control) => <textarea {...control} name="markdown" rows={18} value={markdown} onChange={(e) => setMarkdown(e.target.value)} required />}
          </Field>
          <div className="form-actions button-row">
            <Button type="submit" variant="primary" busy={busy} busyLabel={t('resources.saving')}>
              {resource ? t('resources.save') : t('resources.saveDraft')}
            </Button>
          </div>
        </Form>
        <Preview markdown={markdown} />
      </div>
    </>
  );
}

/** /admin/resources/new and /admin/resources/:id — write or edit an article, with a live preview. */
export function ResourceEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const existing = useAdminResource(id ?? null);
  const heading = id ? t('resources.editTitle') : t('resources.newArticle');
  return (
    <>
      <AdminNav />
      <p>
        <Link to="/admin/resources">{t('resources.backToAdmin')}</Link>
      </p>
      <PageHeading>{heading}</PageHeading>
      {id && existing.isPending && <Loading label={t('resources.loadingOne')} />}
      {id && existing.isError && <LoadError message={existing.error.message} onRetry={() => void existing.refetch()} />}
      {!id && <Editor key="new" resource={null} />}
      {id && existing.data && <Editor key={existing.data.id} resource={existing.data} />}
    </>
  );
}
