/** The one place where errors become HTTP answers: RFC 9457 problem+json. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODES, type ErrorCode, type FieldError } from '../errors.js';

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

export function sendProblem(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, detail: string, errors?: FieldError[]) {
  const status = ERROR_CODES[code];
  return reply
    .status(status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `urn:doorlopend:problem:${code.replaceAll('_', '-')}`,
      title: TITLES[code],
      status,
      detail,
      instance: request.url,
      code,
      ...(errors && errors.length > 0 ? { errors } : {}),
    });
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
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors (malformed JSON body, unsupported media type, …).
      return reply
        .status(error.statusCode)
        .type('application/problem+json; charset=utf-8')
        .send({ type: 'about:blank', title: 'Ongeldig verzoek', status: error.statusCode, detail: error.message, instance: request.url, code: 'validation_failed' });
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, request, 'internal', 'Er ging iets mis aan onze kant. Probeer het later opnieuw.');
  });
}
