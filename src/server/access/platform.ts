/**
 * Platform rights: what belongs to no organisation (the national catalogue, organisations that lost their last
 * beheerder) is the right of a platform beheerder (app_user.platform_beheerder), never of a role in an organisation.
 * 401 when not signed in, 403 for everyone else.
 */
import { mayAppointBeheerders, mayLoadNationalCatalogue } from '../../domain/auth/rules.js';
import { forbidden } from '../errors.js';
import type { AuthContext } from './context.js';
import { requireAuth } from './require-auth.js';

export const CATALOGUE_UPLOAD_ONLY_MESSAGE = 'Alleen platformbeheerders kunnen tabellen in de landelijke catalogus laden.';
export const PLATFORM_ONLY_MESSAGE = 'Alleen platformbeheerders zien organisaties zonder beheerder en kunnen daar een beheerder uitnodigen.';

/** Signed in (401) and a platform beheerder (403); the upload route asks this before it reads the body. */
export function authorizeCatalogueUpload(auth: AuthContext | null): AuthContext {
  const a = requireAuth(auth);
  if (!mayLoadNationalCatalogue(a)) throw forbidden(CATALOGUE_UPLOAD_ONLY_MESSAGE);
  return a;
}

/** Seeing the organisations without a beheerder and inviting one there: a platform beheerder (401, 403). */
export function authorizeBeheerderAppointment(auth: AuthContext | null): AuthContext {
  const a = requireAuth(auth);
  if (!mayAppointBeheerders(a)) throw forbidden(PLATFORM_ONLY_MESSAGE);
  return a;
}
