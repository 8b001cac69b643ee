import i18n from '../i18n';

/** An error the person can read: the server's `{error: {...}}` body, or a kind stand-in. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  readonly suggestion: string | undefined;

  constructor(status: number, code: string, message: string, fields?: Record<string, string>, suggestion?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields ?? {};
    this.suggestion = suggestion;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

// The CSRF token lives in memory only: it comes from GET /session and from sign-up/log-in/recover.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

// Set by the session module: fetches a fresh token when the server says ours is stale.
let refreshCsrf: (() => Promise<string | null>) | null = null;
export function onCsrfRefresh(fn: () => Promise<string | null>): void {
  refreshCsrf = fn;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
}

interface ErrorShape {
  error?: { code?: unknown; message?: unknown; fields?: unknown; suggestion?: unknown };
}

function toApiError(status: number, data: unknown): ApiError {
  const e = (data as ErrorShape | null)?.error;
  if (e && typeof e.code === 'string' && typeof e.message === 'string') {
    const fields =
      e.fields && typeof e.fields === 'object'
        ? Object.fromEntries(Object.entries(e.fields as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>
        : undefined;
    const suggestion = typeof e.suggestion === 'string' ? e.suggestion : undefined;
    return new ApiError(status, e.code, e.message, fields, suggestion);
  }
  if (status === 429) return new ApiError(status, 'rate_limited', i18n.t('errors.rateLimited'));
  if (status >= 500) return new ApiError(status, 'server_error', i18n.t('errors.server'));
  return new ApiError(status, 'unexpected', i18n.t('errors.unexpected'));
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
}

/** Calls the Kindred API. Resolves with the JSON body (undefined for 204); throws ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(path, options);

  // A stale CSRF token (for example after logging in on another tab): refresh once and retry.
  if (response.status === 403 && options.method && options.method !== 'GET' && refreshCsrf) {
    const data: unknown = await response.clone().json().catch(() => null);
    const code = (data as ErrorShape | null)?.error?.code;
    if (typeof code === 'string' && code.includes('csrf')) {
      await refreshCsrf();
      response = await send(path, options);
    }
  }

  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, data);
  if (data === null) throw new ApiError(response.status, 'unexpected', i18n.t('errors.unexpected'));
  return data as T;
}

/** Builds a query string, leaving out empty values. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
