import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { PageHeading } from '../../../ui/PageHeading';
import { LoadError, Loading } from '../../../ui/Status';
import { useGroup } from '../../groups/api';
import { GroupNotFound } from '../../groups/GroupNotFound';
import { useCreatePost, usePost, useUpdatePost } from '../api';
import { postPagePath } from '../PostListItem';
import { EMPTY_POST, PostComposer } from './PostComposer';

const groupPagePath = (slug: string) => `/groups/${encodeURIComponent(slug)}`;

/** /groups/:slug/new */
export function NewPostPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const group = useGroup(slug);
  const create = useCreatePost(slug);

  if (group.isError && isApiError(group.error) && group.error.status === 404) return <GroupNotFound />;

  const title = group.data ? t('composer.newTitleIn', { group: group.data.name }) : t('composer.newTitle');
  return (
    <>
      <p className="breadcrumb">
        <Link to={groupPagePath(slug)}>{group.data?.name ?? t('groups.groupTitle')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('composer.intro')}</p>
      <PostComposer
        key={slug}
        draftName={`post:new:${slug}`}
        initial={EMPTY_POST}
        mode="new"
        groupSlug={slug}
        mutation={create}
        toBody={(f) => ({ title: f.title, body: f.body, anonymous: f.anonymous, contentWarning: f.contentWarning || null })}
        onPublished={({ post, safety }) => void navigate(postPagePath(post.id), { state: { safety } })}
        submitLabel={t('composer.publish')}
        busyLabel={t('composer.publishing')}
        cancelTo={groupPagePath(slug)}
      />
    </>
  );
}

/** /posts/:id/edit */
export function EditPostPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const post = usePost(id);
  const update = useUpdatePost(id);
  const data = post.data;

  return (
    <>
      <p className="breadcrumb">
        <Link to={postPagePath(id)}>{t('composer.backToPost')}</Link>
      </p>
      <PageHeading>{t('composer.editTitle')}</PageHeading>
      {post.isPending && <Loading label={t('posts.loadingOne')} />}
      {post.isError && <LoadError message={post.error.message} onRetry={() => void post.refetch()} />}
      {data && !data.canEdit && <p>{data.deleted ? t('composer.cannotEditDeleted') : t('composer.cannotEdit')}</p>}
      {data?.canEdit && (
        <PostComposer
          key={data.id}
          draftName={`post:edit:${data.id}`}
          initial={{ title: data.title, body: data.bodyMarkdown ?? '', contentWarning: data.contentWarning ?? '', anonymous: data.anonymous }}
          mode="edit"
          groupSlug={data.group.slug}
          mutation={update}
          toBody={(f) => ({ title: f.title, body: f.body, contentWarning: f.contentWarning || null })}
          onPublished={({ safety }) => void navigate(postPagePath(data.id), { state: { saved: true, safety } })}
          submitLabel={t('composer.saveChanges')}
          busyLabel={t('composer.saving')}
          cancelTo={postPagePath(data.id)}
        />
      )}
    </>
  );
}
