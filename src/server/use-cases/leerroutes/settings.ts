/** Settings of a leerroute (naam, type, selections, tijdpad): checked against the catalogue and the shape of its type. */
import type { Kysely, Transaction } from 'kysely';
import { defaultTijdpad, validateRouteShape } from '../../../domain/leerroute/shape.js';
import type { DB } from '../../db/schema.js';
import type { CatalogSnapshot } from '../../read-models/catalogue-snapshot.js';
import type { RouteSettings, StoredYear } from '../../repositories/leerroute-repository.js';
import { partnersOf } from '../../repositories/partnership-repository.js';
import { catalogueProblems, throwIfErrors } from './context.js';

export interface SettingsInput {
  naam: string;
  type: RouteSettings['type'];
  vmbo: RouteSettings['vmbo'];
  mbo: RouteSettings['mbo'];
  tijdpad?: StoredYear[];
  /** Left out (undefined): kept as it was on a change, none on a new route. */
  schooljaar?: string | null;
}

/** Normalised settings, or a 400 with every problem per field (nothing is stored then). */
export async function checkedSettings(db: Kysely<DB> | Transaction<DB>, snapshot: CatalogSnapshot, partnershipId: string, input: SettingsInput & { schooljaar: string | null }): Promise<RouteSettings> {
  const partners = (await partnersOf(db, [partnershipId])).filter((p) => p.status === 'lid').map((p) => ({ id: p.id, soort: p.soort }));
  const tijdpad = [...(input.tijdpad ?? defaultTijdpad(partners))].sort((a, b) => a.leerjaar - b.leerjaar);
  const settings: RouteSettings = { naam: input.naam, type: input.type, vmbo: input.vmbo, mbo: input.mbo, tijdpad, schooljaar: input.schooljaar };
  const { errors, kwalificatieNiveau } = catalogueProblems(snapshot, settings);
  for (const p of validateRouteShape(settings, { kwalificatieNiveau, partners })) errors.push({ path: `body.${p.path}`, message: p.message });
  throwIfErrors(errors);
  return settings;
}
