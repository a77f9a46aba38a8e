/** Step 4: activiteiten en lessen per period, linked to the doelen they serve, with the partner that provides them. */
import type { LeerrouteDetail } from '../../../shared/leerroute-api.js';
import type { ActiviteitValues } from '../../repositories/leerroute-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { placeText } from './context.js';
import { addEntity, deleteEntity, updateEntity, type EntityKind } from './entity-crud.js';

const ACTIVITEIT: EntityKind<ActiviteitValues> = {
  table: 'leerroute_activiteit',
  soort: 'activiteit',
  wat: 'Deze activiteit',
  notFound: 'Deze activiteit bestaat niet (meer) in deze leerroute.',
  describe: (a) => `activiteit ‘${a.titel}’ in ${placeText(a.leerjaar, a.periode)}`,
  doelen: (a) => a.doelen,
  organisatieId: (a) => a.organisatieId,
};

type Opts = UseCaseContext & { routeId: string };
export const addActiviteit = (opts: Opts & { input: ActiviteitValues }): Promise<LeerrouteDetail> => addEntity(ACTIVITEIT, opts);
export const updateActiviteit = (opts: Opts & { id: string; input: ActiviteitValues & { versie: number } }): Promise<LeerrouteDetail> => updateEntity(ACTIVITEIT, opts);
export const deleteActiviteit = (opts: Opts & { id: string; versie: number }): Promise<LeerrouteDetail> => deleteEntity(ACTIVITEIT, opts);
