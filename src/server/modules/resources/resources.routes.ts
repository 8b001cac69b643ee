import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../shared/api.js';
import {
  AdminResourceEnvelope,
  AdminResourceList,
  CreateResourceBody,
  ResourceEnvelope,
  ResourceIdParams,
  ResourceList,
  ResourceListQuery,
  ResourcePreview,
  ResourcePreviewBody,
  ResourceSlugParams,
  UpdateResourceBody,
} from '../../../shared/resources.js';
import type { ResourcesService } from './resources.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['resources'];

/** The resource library: anyone reads published articles; admins write, preview and publish them. */
export function resourcesRoutes({ resources }: { resources: ResourcesService }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/resources',
      { schema: { tags, summary: 'Published articles in ?lang= (or my language), searched with ?q= and filtered by ?tag=; anyone may read', querystring: ResourceListQuery, response: { 200: ResourceList, ...errors } } },
      async (request) => resources.list(request.member, request.query),
    );
    app.get(
      '/resources/:slug',
      { schema: { tags, summary: 'One published article; anyone may read', params: ResourceSlugParams, response: { 200: ResourceEnvelope, ...errors } } },
      async (request) => ({ resource: await resources.get(request.params.slug) }),
    );
    app.get(
      '/admin/resources',
      { schema: { tags, summary: 'Every article, drafts included (admins)', response: { 200: AdminResourceList, ...errors } } },
      async (request) => ({ items: await resources.adminList(request.member) }),
    );
    app.post(
      '/admin/resources',
      { schema: { tags, summary: 'Write a new article; it starts as a draft (admins)', body: CreateResourceBody, response: { 201: AdminResourceEnvelope, ...errors } } },
      async (request, reply) => reply.status(201).send({ resource: await resources.create(request.member, request.body) }),
    );
    app.post(
      '/admin/resources/preview',
      { schema: { tags, summary: 'Render Markdown as an article would store it, for the editor’s preview (admins)', body: ResourcePreviewBody, response: { 200: ResourcePreview, ...errors } } },
      async (request) => resources.preview(request.member, request.body.markdown),
    );
    app.get(
      '/admin/resources/:id',
      { schema: { tags, summary: 'One article with its Markdown, draft or published (admins)', params: ResourceIdParams, response: { 200: AdminResourceEnvelope, ...errors } } },
      async (request) => ({ resource: await resources.adminGet(request.member, request.params.id) }),
    );
    app.patch(
      '/admin/resources/:id',
      { schema: { tags, summary: 'Edit an article; its address stays the same (admins)', params: ResourceIdParams, body: UpdateResourceBody, response: { 200: AdminResourceEnvelope, ...errors } } },
      async (request) => ({ resource: await resources.update(request.member, request.params.id, request.body) }),
    );
    app.post(
      '/admin/resources/:id/publish',
      { schema: { tags, summary: 'Publish an article (admins)', params: ResourceIdParams, response: { 200: AdminResourceEnvelope, ...errors } } },
      async (request) => ({ resource: await resources.setPublished(request.member, request.params.id, true) }),
    );
    app.post(
      '/admin/resources/:id/unpublish',
      { schema: { tags, summary: 'Take an article back to a draft (admins)', params: ResourceIdParams, response: { 200: AdminResourceEnvelope, ...errors } } },
      async (request) => ({ resource: await resources.setPublished(request.member, request.params.id, false) }),
    );
  };
}
