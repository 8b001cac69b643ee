import type { FastifyServerOptions } from 'fastify';
import { stdSerializers } from 'pino';

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
      // A client error can carry the raw request bytes (cookies, user agent): never log them.
      err: (err: Error) => {
        const { rawPacket: _raw, ...rest } = stdSerializers.err(err) as ReturnType<typeof stdSerializers.err> & { rawPacket?: unknown };
        return rest;
      },
    },
  };
}
