/** The first check of every use case that needs a signed-in user: 401 otherwise. */
import { unauthorized } from '../errors.js';
import type { AuthContext } from './context.js';

export function requireAuth(auth: AuthContext | null): AuthContext {
  if (!auth) throw unauthorized();
  return auth;
}
