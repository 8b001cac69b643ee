import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/**
 * A domain error: a stable `code` for programs, a `message` written for a person, and
 * optional per-field messages shown next to the form fields. Services throw these; the
 * one error handler below turns them into HTTP.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly fields?: Record<string, string>,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'That page') => new AppError('not_found', `${what} could not be found. It may have been moved or removed.`, 404);
export const unauthenticated = () => new AppError('unauthenticated', 'Please log in to do that.', 401);
export const forbidden = () => new AppError('forbidden', "You don't have permission to do that.", 403);

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> } & Record<string, unknown>;
}

const kindClientErrors: Record<string, [string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['too_large', 'That was more than Kindred can take at once. Please make it shorter and try again.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', 'Kindred could not read that request. Please send it as JSON.'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['malformed_json', 'Kindred could not read that request (the JSON is not valid).'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['malformed_json', 'Kindred expected some details with that request, but it was empty.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['bad_request', 'Kindred could not read that request. Please try again.'],
};

interface AjvError {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

function fieldOf(e: AjvError): string {
  const missing = e.params.missingProperty;
  const base = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (e.keyword === 'required' && typeof missing === 'string') return base ? `${base}.${missing}` : missing;
  return base || '_';
}

/** A kind sentence for an ajv error that has no message of its own (ajv-errors supplies most). */
function kindMessage(e: AjvError): string {
  const p = e.params;
  switch (e.keyword) {
    case 'errorMessage':
      return e.message ?? 'Please check this.';
    case 'required':
      return 'Please fill this in.';
    case 'minLength':
      return p.limit === 1 ? 'Please fill this in.' : `Please use at least ${String(p.limit)} characters.`;
    case 'maxLength':
      return `Please keep this to ${String(p.limit)} characters or fewer.`;
    case 'minimum':
    case 'maximum':
      return `Please choose a number ${e.keyword === 'minimum' ? 'of at least' : 'no larger than'} ${String(p.limit)}.`;
    case 'enum':
    case 'const':
    case 'anyOf':
      return 'Please choose one of the options offered.';
    case 'type':
      return 'This is not the kind of value Kindred expected here.';
    case 'additionalProperties':
      return 'Kindred does not know this field.';
    default:
      return 'Please check this.';
  }
}

export function validationFields(errors: AjvError[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const e of errors) {
    const name = fieldOf(e);
    if (!(name in fields)) fields[name] = kindMessage(e);
  }
  return fields;
}

/** Errors Fastify meets before routing (a malformed URL, say): same kind JSON shape. */
export function frameworkErrorHandler(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
  void reply.status(status).send({ error: { code: 'bad_request', message: 'Kindred could not understand that address. Please check it and try again.' } } satisfies ErrorBody);
}

/** The single place where errors become HTTP responses. 5xx details never reach the client. */
export function errorHandler(err: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply): void {
  if (err instanceof AppError) {
    const body: ErrorBody = { error: { code: err.code, message: err.message, ...err.extra } };
    if (err.fields) body.error.fields = err.fields;
    void reply.status(err.status).send(body);
    return;
  }
  const fe = err as FastifyError & { validation?: AjvError[] };
  if (fe.validation) {
    void reply.status(400).send({
      error: {
        code: 'invalid_input',
        message: 'Some details need another look.',
        fields: validationFields(fe.validation),
      },
    } satisfies ErrorBody);
    return;
  }
  const status = fe.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const [code, message] = kindClientErrors[fe.code] ??
      (status === 429
        ? ['rate_limited', 'That was a lot of tries in a short time. Please wait a little and try again.']
        : ['bad_request', 'Kindred could not understand that request.']);
    void reply.status(status).send({ error: { code, message } } satisfies ErrorBody);
    return;
  }
  request.log.error({ err }, 'request failed');
  void reply.status(500).send({
    error: {
      code: 'server_error',
      message: 'Something went wrong on our side. Nothing you typed is lost; please try again in a moment.',
    },
  } satisfies ErrorBody);
}
