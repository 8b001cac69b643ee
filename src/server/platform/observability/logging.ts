import type { FastifyServerOptions } from 'fastify';

/**
 * pino options for Fastify. Requests are logged by method, path and status only: never
 * the IP address, the user agent, any header or the query string (which may hold a search).
 */
export function loggerOptions(level: string, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, path: (req.url ?? '').split('?')[0] }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
