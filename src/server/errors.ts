/**
 * The error taxonomy: a few stable codes, mapped to HTTP statuses in one place
 * (http/problem.ts) and to exit codes in the CLI. Messages are Dutch and meant
 * for the user; they never contain secrets.
 */
export const ERROR_CODES = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  import_invalid: 422,
  too_many_requests: 429,
  source_unavailable: 502,
  service_unavailable: 503,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { errors?: FieldError[]; file?: string; item?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

export const notFound = (message: string) => new AppError('not_found', message);
export const validationFailed = (message: string, errors?: FieldError[]) => new AppError('validation_failed', message, { errors });
export const unauthorized = (message = 'Log eerst in.') => new AppError('unauthorized', message);
export const forbidden = (message = 'U hebt hiervoor niet de juiste rol.') => new AppError('forbidden', message);
