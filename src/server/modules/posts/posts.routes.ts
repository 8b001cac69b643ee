import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, GroupSlugParams } from '../../../shared/api.js';
import {
  CreatedPost,
  CreatedReply,
  CreatePostBody,
  CreateReplyBody,
  GroupFeedQuery,
  IdParams,
  PageQuery,
  PostEnvelope,
  PostPage,
  Preview,
  PreviewBody,
  ReactionParams,
  ReactionState,
  ReplyEnvelope,
  ReplyPage,
  RepliesQuery,
  RevealedAuthor,
  UpdatePostBody,
  UpdateReplyBody,
} from '../../../shared/forum.js';
import { requireMember } from '../../platform/http/auth.js';
import type { PostsService } from './posts.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
const tags = ['forums'];
const page = (q: { cursor?: string | undefined; limit?: number | undefined }, fallback = 20) => ({ cursor: q.cursor, limit: q.limit ?? fallback });

export function postsRoutes({ posts }: { posts: PostsService }): FastifyPluginAsyncTypebox {
  return async (app) => {
    // --- feeds ---
    app.get('/groups/:slug/posts', { schema: { tags, summary: "A group's posts: new, recently active or unanswered", params: GroupSlugParams, querystring: GroupFeedQuery, response: { 200: PostPage, ...errors } } }, async (request) =>
      posts.groupFeed(request.member, request.params.slug, request.query.sort ?? 'new', page(request.query)),
    );
    app.get('/feed', { schema: { tags, summary: 'Posts of the groups I joined, most recently active first', querystring: PageQuery, response: { 200: PostPage, ...errors } } }, async (request) =>
      posts.homeFeed(requireMember(request), page(request.query)),
    );
    app.get('/needs-reply', { schema: { tags, summary: 'Posts nobody has answered yet, oldest first (last 7 days)', querystring: PageQuery, response: { 200: PostPage, ...errors } } }, async (request) =>
      posts.needsReply(requireMember(request), page(request.query)),
    );
    app.get('/saved', { schema: { tags, summary: 'My saved posts', querystring: PageQuery, response: { 200: PostPage, ...errors } } }, async (request) =>
      posts.saved(requireMember(request), page(request.query)),
    );

    // --- posts ---
    app.post('/groups/:slug/posts', { schema: { tags, summary: 'Write a post', params: GroupSlugParams, body: CreatePostBody, response: { 201: CreatedPost, ...errors } } }, async (request, reply) =>
      reply.status(201).send(await posts.create(requireMember(request), request.params.slug, request.body)),
    );
    app.get('/posts/:id', { schema: { tags, summary: 'One post', params: IdParams, response: { 200: PostEnvelope, ...errors } } }, async (request) => ({
      post: await posts.get(request.member, request.params.id),
    }));
    app.patch('/posts/:id', { schema: { tags, summary: 'Edit my post', params: IdParams, body: UpdatePostBody, response: { 200: CreatedPost, ...errors } } }, async (request) =>
      posts.update(requireMember(request), request.params.id, request.body),
    );
    app.delete('/posts/:id', { schema: { tags, summary: 'Delete a post (its thread stays)', params: IdParams, response: { 200: PostEnvelope, ...errors } } }, async (request) => ({
      post: await posts.remove(requireMember(request), request.params.id),
    }));
    for (const [path, what, on] of [
      ['save', 'saved_posts', true],
      ['follow', 'post_follows', true],
    ] as const) {
      app.put(`/posts/:id/${path}`, { schema: { tags, summary: `${path === 'save' ? 'Save' : 'Follow'} a post`, params: IdParams, response: { 200: PostEnvelope, ...errors } } }, async (request) => ({
        post: await posts.mark(requireMember(request), request.params.id, what, on),
      }));
      app.delete(`/posts/:id/${path}`, { schema: { tags, summary: `${path === 'save' ? 'Unsave' : 'Unfollow'} a post`, params: IdParams, response: { 200: PostEnvelope, ...errors } } }, async (request) => ({
        post: await posts.mark(requireMember(request), request.params.id, what, false),
      }));
    }
    app.post('/posts/:id/lock', { schema: { tags, summary: 'Lock a post (moderators)', params: IdParams, response: { 200: PostEnvelope, ...errors } } }, async (request) => ({
      post: await posts.setLocked(requireMember(request), request.params.id, true),
    }));
    app.delete('/posts/:id/lock', { schema: { tags, summary: 'Unlock a post (moderators)', params: IdParams, response: { 200: PostEnvelope, ...errors } } }, async (request) => ({
      post: await posts.setLocked(requireMember(request), request.params.id, false),
    }));
    app.post(
      '/posts/:id/reveal-author',
      { schema: { tags, summary: "Reveal an anonymous post's author (moderators; audited)", params: IdParams, body: Type.Optional(Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) })), response: { 200: RevealedAuthor, ...errors } } },
      async (request) => ({ author: await posts.revealAuthor(requireMember(request), request.params.id, request.body?.reason) }),
    );

    app.post(
      '/replies/:id/reveal-author',
      { schema: { tags, summary: "Reveal an anonymous reply's author (moderators; audited)", params: IdParams, body: Type.Optional(Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) })), response: { 200: RevealedAuthor, ...errors } } },
      async (request) => ({ author: await posts.revealReplyAuthor(requireMember(request), request.params.id, request.body?.reason) }),
    );

    // --- replies ---
    app.get('/posts/:id/replies', { schema: { tags, summary: 'A thread, depth-first', params: IdParams, querystring: RepliesQuery, response: { 200: ReplyPage, ...errors } } }, async (request) =>
      posts.thread(request.member, request.params.id, page(request.query, 100)),
    );
    app.post('/posts/:id/replies', { schema: { tags, summary: 'Reply to a post or a reply', params: IdParams, body: CreateReplyBody, response: { 201: CreatedReply, ...errors } } }, async (request, reply) =>
      reply.status(201).send(await posts.reply(requireMember(request), request.params.id, request.body)),
    );
    app.patch('/replies/:id', { schema: { tags, summary: 'Edit my reply', params: IdParams, body: UpdateReplyBody, response: { 200: CreatedReply, ...errors } } }, async (request) =>
      posts.updateReply(requireMember(request), request.params.id, request.body.body),
    );
    app.delete('/replies/:id', { schema: { tags, summary: 'Delete a reply (it stays as [deleted])', params: IdParams, response: { 200: ReplyEnvelope, ...errors } } }, async (request) => ({
      reply: await posts.removeReply(requireMember(request), request.params.id),
    }));

    // --- reactions ---
    for (const type of ['post', 'reply'] as const) {
      const base = type === 'post' ? '/posts/:id/reactions/:kind' : '/replies/:id/reactions/:kind';
      app.put(base, { schema: { tags, summary: `React to a ${type}`, params: ReactionParams, response: { 200: ReactionState, ...errors } } }, async (request) =>
        posts.react(requireMember(request), { type, id: request.params.id }, request.params.kind, true),
      );
      app.delete(base, { schema: { tags, summary: `Take back a reaction to a ${type}`, params: ReactionParams, response: { 200: ReactionState, ...errors } } }, async (request) =>
        posts.react(requireMember(request), { type, id: request.params.id }, request.params.kind, false),
      );
    }

    app.post('/markdown/preview', { schema: { tags, summary: 'Render Markdown exactly as publishing will', body: PreviewBody, response: { 200: Preview, ...errors } } }, async (request) => {
      requireMember(request);
      return { html: posts.preview(request.body.body) };
    });
  };
}
