import { timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../../shared/rules.js';
import { AppError, forbidden, unauthenticated } from './errors.js';
import type { SessionCookie } from './session-cookie.js';

/** The signed-in member as every route sees it. */
export interface AuthMember {
  id: string;
  handle: string;
  roles: Role[];
  country: string | null;
  language: string;
  /** While later than now the member may read but not take part (live chat refuses them). */
  suspendedUntil?: number | null;
  /** While later than now a moderator has paused the member's posts, replies and messages. */
  mutedUntil?: number | null;
  /** 0 new … 3 regular (modules/moderation/trust.ts): sets the member's limits and whether their links wait for review. */
  trustLevel?: number;
}

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  member: AuthMember;
  /** Set when the session's expiry moved forward: the cookie's must follow. */
  renewedUntil?: number;
}

/** Turns a cookie token into a live session, or null when it is unknown or expired. */
export type SessionResolver = (token: string) => Promise<ResolvedSession | null>;

declare module 'fastify' {
  interface FastifyRequest {
    member: AuthMember | null;
    session: ResolvedSession | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A browser that names its origin must be on ours: stops cross-site form posts, including to log-in. */
function crossOrigin(request: FastifyRequest, publicOrigin: string): boolean {
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return origin === 'null';
  if (publicOrigin) return origin !== publicOrigin;
  try {
    // request.host honours X-Forwarded-Host when TRUST_PROXY says the proxy is trusted.
    return new URL(origin).host !== request.host;
  } catch {
    return true;
  }
}

/**
 * Resolves the session cookie on every API request, and guards cookie-authenticated
 * writes with a CSRF token bound to the session (sent back in the X-CSRF-Token header).
 */
export const authPlugin = fp(
  async (app, opts: { resolve: SessionResolver; cookie: SessionCookie; publicOrigin: string }) => {
    app.decorateRequest('member', null);
    app.decorateRequest('session', null);
    app.addHook('onRequest', async (request, reply) => {
      // The matched route, not the raw URL: /%61pi/... reaches the same routes and must meet the same checks.
      if (!request.routeOptions.url?.startsWith('/api/')) return;
      const write = !SAFE_METHODS.has(request.method);
      if (write && crossOrigin(request, opts.publicOrigin)) {
        throw new AppError('cross_origin', 'This request came from another site, so Kindred did not act on it.', 403);
      }
      const token = opts.cookie.read(request);
      if (!token) return;
      const session = await opts.resolve(token);
      if (!session) {
        opts.cookie.clear(reply);
        return;
      }
      if (write) {
        const sent = request.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) {
          throw new AppError(
            'csrf_failed',
            'Your session needs refreshing before Kindred can save this. Please reload the page and try again; what you typed is still here.',
            403,
          );
        }
      }
      if (session.renewedUntil) opts.cookie.set(reply, token, session.renewedUntil);
      request.session = session;
      request.member = session.member;
    });
  },
  { name: 'kindred-auth', dependencies: ['@fastify/cookie'] },
);

/** The signed-in member, or a 401 asking the person to log in. */
export function requireMember(request: FastifyRequest): AuthMember {
  if (!request.member) throw unauthenticated();
  return request.member;
}

export function hasRole(member: AuthMember | null, role: Role): boolean {
  return member !== null && member.roles.includes(role);
}

/** The signed-in member holding `role`, else 401/403. */
export function requireRole(request: FastifyRequest, role: Role): AuthMember {
  const member = requireMember(request);
  if (!hasRole(member, role)) throw forbidden();
  return member;
}

/**
 * Refuses a member who may read but not take part just now: suspended, or muted by a
 * moderator. Said kindly; what they wrote stays in the box on their screen.
 */
export function assertMayTakePart(member: AuthMember, now: number): void {
  if (member.suspendedUntil && member.suspendedUntil > now) {
    throw new AppError('suspended', 'Your account is suspended for now, so you cannot post or reply. You can still read, and your words are kept here.', 403, undefined, { until: member.suspendedUntil });
  }
  if (member.mutedUntil && member.mutedUntil > now) {
    throw new AppError('muted', 'A moderator has paused your posts and messages for a while. You can still read, and your words are kept here.', 403, undefined, { until: member.mutedUntil });
  }
}
