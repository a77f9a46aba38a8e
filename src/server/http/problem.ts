/**
 * The one place where errors become HTTP answers: RFC 9457 problem+json. Also the errors Fastify and Node produce
 * before a route runs (a malformed URL, an unknown Content-Type, malformed JSON, a body or headers too large): the
 * same problem document with a Dutch detail and the same security headers as every other answer.
 */
import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODES, type ErrorCode, type FieldError } from '../errors.js';
import { securityHeaders } from './security-headers.js';

const TITLES: Record<ErrorCode, string> = {
  validation_failed: 'Ongeldige invoer',
  unauthorized: 'Niet ingelogd',
  forbidden: 'Geen toegang',
  not_found: 'Niet gevonden',
  conflict: 'Conflict',
  payload_too_large: 'Te groot',
  import_invalid: 'Import afgekeurd',
  too_many_requests: 'Te veel pogingen',
  source_unavailable: 'Bron niet bereikbaar',
  service_unavailable: 'Tijdelijk te druk',
  internal: 'Interne fout',
};

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/**
 * The problem document; `status` differs from the code's own status only for a request Fastify or Node refused (413,
 * 415, 431…). `requestId` is the request's id (the X-Request-Id answer header and `reqId` of its log lines), so whoever
 * reports an error can quote it and support staff find the log lines; absent only when Node refused the request before
 * there was one.
 */
function problemBody(code: ErrorCode, detail: string, instance: string | undefined, status: number = ERROR_CODES[code], errors?: FieldError[], requestId?: string) {
  return {
    type: `urn:doorlopend:problem:${code.replaceAll('_', '-')}`,
    title: TITLES[code],
    status,
    detail,
    ...(instance !== undefined ? { instance } : {}),
    code,
    ...(requestId !== undefined ? { requestId } : {}),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, detail: string, errors?: FieldError[], status?: number) {
  const body = problemBody(code, detail, request.url, status, errors, request.id);
  return reply.status(body.status).type(PROBLEM_TYPE).send(body);
}

/** Dutch details for the requests Fastify refuses itself, by its error code. */
const FRAMEWORK_DETAILS: Record<string, string> = {
  FST_ERR_BAD_URL: 'Het adres bevat een ongeldige %-codering. Controleer het adres.',
  FST_ERR_MAX_PARAM_LENGTH: 'Een deel van het adres is te lang.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Dit soort inhoud (Content-Type) wordt hier niet aangenomen. Stuur JSON met de header Content-Type: application/json.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'De inhoud van het verzoek is te groot.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'De lengte van de inhoud klopt niet met de header Content-Length.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'De inhoud is leeg, maar de header Content-Type zegt JSON. Stuur een JSON-object of laat de header weg.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'De inhoud is geen geldige JSON.',
};

/** A 4xx that Fastify (or a plugin) raised: problem+json with a Dutch detail, never Fastify's English text. */
function frameworkClientError(error: FastifyError): { code: ErrorCode; status: number; detail: string } | undefined {
  const status = error.statusCode;
  if (status === undefined || status < 400 || status >= 500) return undefined;
  const code: ErrorCode = status === 413 ? 'payload_too_large' : 'validation_failed';
  const known = error.code ? FRAMEWORK_DETAILS[error.code] : undefined;
  if (known) return { code, status, detail: known };
  if (error instanceof SyntaxError) return { code, status, detail: FRAMEWORK_DETAILS.FST_ERR_CTP_INVALID_JSON_BODY! };
  return { code, status, detail: `Dit verzoek kon niet worden verwerkt (${http.STATUS_CODES[status] ?? status}).` };
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => ({
        path: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'ongeldig',
      }));
      const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
      return sendProblem(reply, request, 'validation_failed', `Ongeldige parameters: ${detail}`, errors);
    }
    if (error instanceof AppError) {
      if (error.details.retryAfterSeconds !== undefined) reply.header('Retry-After', String(error.details.retryAfterSeconds));
      return sendProblem(reply, request, error.code, error.message, error.details.errors);
    }
    const refused = frameworkClientError(error);
    // Fastify's own client errors (malformed JSON body, unsupported media type, body too large, …).
    if (refused) return sendProblem(reply, request, refused.code, refused.detail, undefined, refused.status);
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, request, 'internal', 'Er ging iets mis aan onze kant. Probeer het later opnieuw.');
  });
}

/**
 * Fastify's `frameworkErrors` option: errors found while routing (a malformed URL encoding such as /api/%E0%A4%A,
 * a too long parameter), which otherwise get Fastify's bare JSON without our headers. The headers are set here as
 * well, since this answer does not pass every hook of a route.
 */
export function frameworkErrorHandler(opts: { httpsSite: boolean }) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    reply.headers({ ...securityHeaders(opts.httpsSite || request.protocol === 'https'), 'Cache-Control': 'no-store' });
    const refused = frameworkClientError(error);
    if (refused) return sendProblem(reply, request, refused.code, refused.detail, undefined, refused.status);
    request.log.error({ err: error }, 'unexpected error while routing');
    return sendProblem(reply, request, 'internal', 'Er ging iets mis aan onze kant. Probeer het later opnieuw.');
  };
}

const CLIENT_ERRORS: Record<string, { status: number; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, detail: 'De headers van dit verzoek zijn te groot (bijvoorbeeld te veel of te grote cookies). Verwijder de cookies van deze site en probeer het opnieuw.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: 'Het verzoek kwam niet op tijd binnen. Probeer het opnieuw.' },
};
const MALFORMED_REQUEST = { status: 400, detail: 'Dit is geen geldig HTTP-verzoek.' };

/**
 * The HTTP server's `clientError` (Fastify's `clientErrorHandler`): a request Node could not even parse (headers too
 * large, malformed request line). There is no request or reply object, so the answer is written to the socket, with
 * the same problem document and headers as every other answer, and the connection is closed.
 */
export function clientErrorHandler(opts: { httpsSite: boolean }) {
  return (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const { status, detail } = (error.code && CLIENT_ERRORS[error.code]) || MALFORMED_REQUEST;
    const body = JSON.stringify(problemBody('validation_failed', detail, undefined, status));
    const https = opts.httpsSite || (socket as Duplex & { encrypted?: boolean }).encrypted === true;
    const headers: Record<string, string> = {
      'Content-Type': PROBLEM_TYPE,
      'Content-Length': String(Buffer.byteLength(body)),
      'Cache-Control': 'no-store',
      Connection: 'close',
      ...securityHeaders(https),
    };
    if (socket.writable) {
      const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
      socket.write(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n${head}\r\n${body}`);
    }
    socket.destroy(error);
  };
}
