import type { FastifyReply, FastifyRequest } from 'fastify';

/** The session cookie: httpOnly, SameSite=Lax, Secure (and __Host- prefixed) in production. */
export interface SessionCookie {
  name: string;
  read(request: FastifyRequest): string | undefined;
  set(reply: FastifyReply, token: string, expiresAt: number): void;
  clear(reply: FastifyReply): void;
}

export function sessionCookie(secure: boolean): SessionCookie {
  const name = secure ? '__Host-kindred_session' : 'kindred_session';
  const base = { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
  return {
    name,
    read: (request) => request.cookies[name],
    set: (reply, token, expiresAt) => {
      void reply.setCookie(name, token, { ...base, expires: new Date(expiresAt) });
    },
    clear: (reply) => {
      void reply.clearCookie(name, base);
    },
  };
}
