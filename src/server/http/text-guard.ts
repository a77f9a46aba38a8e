/**
 * The text rule of `shared/text.ts` for every /api request, whatever its route's schema says: no NUL and no lone
 * surrogate in the query string, the path parameters or a parsed JSON body (keys included). Raw upload bodies
 * (Buffers) are not text and are checked by their parsers. The schemas use `tekst()` too; this hook is the net for a
 * schema that forgets it, so such a value is a 400 with the field named, never a 500 from the database.
 */
import type { FastifyInstance } from 'fastify';
import { vindOngeldigeTekst } from '../../shared/text.js';
import { validationFailed } from '../errors.js';

export function registerTextGuard(api: FastifyInstance): void {
  api.addHook('preValidation', async (request) => {
    const found = [
      ...vindOngeldigeTekst(request.params, ['params']),
      ...vindOngeldigeTekst(request.query, ['querystring']),
      ...(Buffer.isBuffer(request.body) ? [] : vindOngeldigeTekst(request.body, ['body'])),
    ];
    if (found.length > 0) {
      const errors = found.map((f) => ({ path: f.pad, message: f.melding }));
      throw validationFailed(`Ongeldige invoer: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);
    }
  });
}
