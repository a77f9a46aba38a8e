/** Step 3, toetsing: toetsen per period (vorm, formatief/summatief, doelen, duur, weging, herkansbaar, PTA/examenplan, SE-weging). */
import type { LeerrouteDetail } from '../../../shared/leerroute-api.js';
import type { ToetsValues } from '../../repositories/leerroute-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { placeText } from './context.js';
import { addEntity, deleteEntity, updateEntity, type EntityKind } from './entity-crud.js';

const TOETS: EntityKind<ToetsValues> = {
  table: 'leerroute_toets',
  soort: 'toets',
  wat: 'Deze toets',
  notFound: 'Deze toets bestaat niet (meer) in deze leerroute.',
  describe: (t) => `${t.soort === 'summatief' ? 'summatieve' : 'formatieve'} toets ${t.toetscode} ‘${t.naam}’ in ${placeText(t.leerjaar, t.periode)}`,
  doelen: (t) => t.doelen,
};

type Opts = UseCaseContext & { routeId: string };
export const addToets = (opts: Opts & { input: ToetsValues }): Promise<LeerrouteDetail> => addEntity(TOETS, opts);
export const updateToets = (opts: Opts & { id: string; input: ToetsValues & { versie: number } }): Promise<LeerrouteDetail> => updateEntity(TOETS, opts);
export const deleteToets = (opts: Opts & { id: string; versie: number }): Promise<LeerrouteDetail> => deleteEntity(TOETS, opts);
