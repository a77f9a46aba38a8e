/** Step 5: materialen per period (methode, gereedschap, locatie, digitaal …) and which partner provides them. */
import type { LeerrouteDetail } from '../../../shared/leerroute-api.js';
import type { MateriaalValues } from '../../repositories/leerroute-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { placeText } from './context.js';
import { addEntity, deleteEntity, updateEntity, type EntityKind } from './entity-crud.js';

const MATERIAAL: EntityKind<MateriaalValues> = {
  table: 'leerroute_materiaal',
  soort: 'materiaal',
  wat: 'Dit materiaal',
  notFound: 'Dit materiaal bestaat niet (meer) in deze leerroute.',
  describe: (m) => `materiaal ‘${m.titel}’ (${m.soort}) in ${placeText(m.leerjaar, m.periode)}`,
  organisatieId: (m) => m.organisatieId,
};

type Opts = UseCaseContext & { routeId: string };
export const addMateriaal = (opts: Opts & { input: MateriaalValues }): Promise<LeerrouteDetail> => addEntity(MATERIAAL, opts);
export const updateMateriaal = (opts: Opts & { id: string; input: MateriaalValues & { versie: number } }): Promise<LeerrouteDetail> => updateEntity(MATERIAAL, opts);
export const deleteMateriaal = (opts: Opts & { id: string; versie: number }): Promise<LeerrouteDetail> => deleteEntity(MATERIAAL, opts);
