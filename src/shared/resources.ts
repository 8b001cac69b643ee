import { Type, type Static } from 'typebox';
import { LANGUAGES } from './rules.js';

/**
 * The resource library's contract (/api/v1/resources, /api/v1/admin/resources): short articles
 * admins write in Markdown, one language each, with tags. Visitors and members read the
 * published ones; drafts exist only for admins.
 */

export const RESOURCE_TITLE_MAX = 120;
export const RESOURCE_BODY_MAX = 20_000;
export const RESOURCE_TAG_MAX = 30;
export const RESOURCE_TAGS_MAX = 8;
export const RESOURCE_QUERY_MAX = 100;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const Language = Type.Enum(LANGUAGES, { errorMessage: 'Please choose English or Spanish.' });

export const ResourceTitle = Type.String({
  minLength: 3,
  maxLength: RESOURCE_TITLE_MAX,
  pattern: '\\S',
  errorMessage: {
    minLength: 'Please give the article a title of at least 3 characters.',
    maxLength: `Please keep the title to ${RESOURCE_TITLE_MAX} characters or fewer.`,
    pattern: 'Please give the article a title.',
  },
});

export const ResourceBody = Type.String({
  minLength: 1,
  maxLength: RESOURCE_BODY_MAX,
  pattern: '\\S',
  errorMessage: {
    minLength: 'Please write the article.',
    maxLength: `Please keep the article to ${RESOURCE_BODY_MAX} characters or fewer.`,
    pattern: 'Please write the article.',
  },
});

export const ResourceTags = Type.Array(
  Type.String({ maxLength: RESOURCE_TAG_MAX, errorMessage: { maxLength: `Please keep each tag to ${RESOURCE_TAG_MAX} characters or fewer.` } }),
  { maxItems: RESOURCE_TAGS_MAX, errorMessage: { maxItems: `Please use at most ${RESOURCE_TAGS_MAX} tags.` } },
);

export const ResourceSlugParams = Type.Object({
  slug: Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9-]+$', errorMessage: 'That is not the address of an article.' }),
});
export const ResourceIdParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 40, pattern: '^[0-9A-Z]+$', errorMessage: 'That is not an article Kindred knows.' }),
});

export const ResourceListQuery = Type.Object({
  /** The language to list; the member's own language (or English) when left out. */
  lang: Type.Optional(Language),
  q: Type.Optional(Type.String({ maxLength: RESOURCE_QUERY_MAX, errorMessage: { maxLength: `Please search with ${RESOURCE_QUERY_MAX} characters or fewer.` } })),
  tag: Type.Optional(Type.String({ maxLength: RESOURCE_TAG_MAX, errorMessage: { maxLength: 'That is not one of the tags.' } })),
});
export type ResourceListQuery = Static<typeof ResourceListQuery>;

export const ResourceSummary = Type.Object({
  slug: Type.String(),
  language: Type.Enum(LANGUAGES),
  title: Type.String(),
  excerpt: Type.String(),
  tags: Type.Array(Type.String()),
  publishedAt: Nullable(Type.Number()),
  updatedAt: Type.Number(),
});
export type ResourceSummary = Static<typeof ResourceSummary>;

export const ResourceList = Type.Object({
  language: Type.Enum(LANGUAGES),
  items: Type.Array(ResourceSummary),
  /** Every tag on a published article in this language, with how many carry it. */
  tags: Type.Array(Type.Object({ tag: Type.String(), count: Type.Number() })),
});
export type ResourceList = Static<typeof ResourceList>;

/** An article as readers see it: the HTML was rendered and sanitised when it was saved. */
export const Resource = Type.Object({
  slug: Type.String(),
  language: Type.Enum(LANGUAGES),
  title: Type.String(),
  html: Type.String(),
  tags: Type.Array(Type.String()),
  publishedAt: Nullable(Type.Number()),
  updatedAt: Type.Number(),
});
export type Resource = Static<typeof Resource>;
export const ResourceEnvelope = Type.Object({ resource: Resource });
export type ResourceEnvelope = Static<typeof ResourceEnvelope>;

/** An article as admins edit it: the Markdown too, and whether it is published. */
export const AdminResource = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  language: Type.Enum(LANGUAGES),
  title: Type.String(),
  markdown: Type.String(),
  html: Type.String(),
  tags: Type.Array(Type.String()),
  published: Type.Boolean(),
  publishedAt: Nullable(Type.Number()),
  createdAt: Type.Number(),
  updatedAt: Type.Number(),
});
export type AdminResource = Static<typeof AdminResource>;
export const AdminResourceEnvelope = Type.Object({ resource: AdminResource });
export type AdminResourceEnvelope = Static<typeof AdminResourceEnvelope>;

export const AdminResourceSummary = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  language: Type.Enum(LANGUAGES),
  title: Type.String(),
  tags: Type.Array(Type.String()),
  published: Type.Boolean(),
  updatedAt: Type.Number(),
});
export type AdminResourceSummary = Static<typeof AdminResourceSummary>;
export const AdminResourceList = Type.Object({ items: Type.Array(AdminResourceSummary) });
export type AdminResourceList = Static<typeof AdminResourceList>;

export const CreateResourceBody = Type.Object({
  title: ResourceTitle,
  markdown: ResourceBody,
  language: Language,
  tags: Type.Optional(ResourceTags),
});
export type CreateResourceBody = Static<typeof CreateResourceBody>;

export const UpdateResourceBody = Type.Object({
  title: Type.Optional(ResourceTitle),
  markdown: Type.Optional(ResourceBody),
  language: Type.Optional(Language),
  tags: Type.Optional(ResourceTags),
});
export type UpdateResourceBody = Static<typeof UpdateResourceBody>;

/** The editor's live preview: Markdown in, the same sanitised HTML an article would store out. */
export const ResourcePreviewBody = Type.Object({
  markdown: Type.String({ maxLength: RESOURCE_BODY_MAX, errorMessage: { maxLength: `Please keep the article to ${RESOURCE_BODY_MAX} characters or fewer.` } }),
});
export const ResourcePreview = Type.Object({ html: Type.String() });
export type ResourcePreview = Static<typeof ResourcePreview>;
