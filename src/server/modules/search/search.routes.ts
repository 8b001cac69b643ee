import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../shared/api.js';
import { SearchPage, SearchQuery } from '../../../shared/forum.js';
import type { SearchService } from './search.service.js';

export function searchRoutes({ search }: { search: SearchService }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/search',
      { schema: { tags: ['forums'], summary: 'Search the posts and replies I may read', querystring: SearchQuery, response: { 200: SearchPage, 400: ErrorBody } } },
      async (request) => search.search(request.member, request.query.q, { cursor: request.query.cursor, limit: request.query.limit ?? 20 }),
    );
  };
}
