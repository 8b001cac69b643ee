import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CrisisHelp, CrisisHelpQuery } from '../../../shared/api.js';
import { browserLocale } from '../../platform/http/locale.js';
import type { CrisisLinesService } from './crisis-lines.js';

/** "Get help now": open to everyone, signed in or not. */
export function safetyRoutes({ crisisLines, defaultCountry }: { crisisLines: CrisisLinesService; defaultCountry: string }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/help/crisis-lines',
      { schema: { tags: ['help'], summary: "Crisis lines for a country: the one asked for, else the member's, else the browser's", querystring: CrisisHelpQuery, response: { 200: CrisisHelp } } },
      async (request) =>
        crisisLines.helpFor([
          { code: request.query.country, by: 'query' },
          { code: request.member?.country, by: 'member' },
          { code: browserLocale(request).region, by: 'browser' },
          { code: defaultCountry, by: 'default' },
        ]),
    );
  };
}
