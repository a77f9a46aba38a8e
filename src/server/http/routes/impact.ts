/**
 * Thin routes of issue 16, "Wijzigingen in de landelijke data": the changes a samenwerking must check and their
 * repair, the open count for the menu badge, watching a catalogue item, and the mail setting. See src/shared/impact-api.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { Problem } from '../../../shared/catalog-api.js';
import { ImpactMail, ImpactParams, OpenWijzigingen, VolgQuery, VolgStatus, Volgen, WijzigingActie, WijzigingActieResultaat, WijzigingenLijst } from '../../../shared/impact-api.js';
import type { DB } from '../../db/schema.js';
import { impactMailInstelling, volgStatus, zetImpactMail, zetVolgen } from '../../use-cases/impact/volgen.js';
import { handleWijzigingen, listWijzigingen, openWijzigingen } from '../../use-cases/impact/wijzigingen.js';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function impactRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['wijzigingen landelijke data'];
    app.get(
      '/partnerships/:id/wijzigingen',
      { schema: { tags, summary: 'Wat een import van de landelijke data veranderde dat deze samenwerking gebruikt, per plek', params: ImpactParams, response: { 200: WijzigingenLijst, ...errors } } },
      (req) => listWijzigingen({ db, auth: req.auth, partnershipId: req.params.id }),
    );
    app.post(
      '/partnerships/:id/wijzigingen/acties',
      { schema: { tags, summary: 'Verplaatsen naar de opvolger, laten staan (met reden) of verwijderen; met voorbeeld: true eerst laten zien wat er verandert', params: ImpactParams, body: WijzigingActie, response: { 200: WijzigingActieResultaat, ...errors } } },
      (req) => handleWijzigingen({ db, auth: req.auth, partnershipId: req.params.id, input: req.body }),
    );
    app.get(
      '/mijn/wijzigingen',
      { schema: { tags, summary: 'Open wijzigingen per samenwerking van de eigen organisaties (voor het menu)', response: { 200: OpenWijzigingen, ...errors } } },
      (req) => openWijzigingen({ db, auth: req.auth }),
    );
    app.get(
      '/catalogus/volgen',
      { schema: { tags, summary: 'Of u een onderdeel van de catalogus volgt', querystring: VolgQuery, response: { 200: VolgStatus, ...errors } } },
      (req) => volgStatus({ db, auth: req.auth, item: req.query.item }),
    );
    app.put(
      '/catalogus/volgen',
      { schema: { tags, summary: 'Een keuzevak, kwalificatie of keuzedeel volgen (of niet meer): e-mail als het verandert', body: Volgen, response: { 200: VolgStatus, ...errors } } },
      (req) => zetVolgen({ db, auth: req.auth, item: req.body.item, volgen: req.body.volgen }),
    );
    app.get(
      '/account/impact-mail',
      { schema: { tags, summary: 'Of u e-mail krijgt bij wijzigingen in de landelijke data', response: { 200: ImpactMail, ...errors } } },
      (req) => impactMailInstelling({ db, auth: req.auth }),
    );
    app.put(
      '/account/impact-mail',
      { schema: { tags, summary: 'E-mail bij wijzigingen in de landelijke data aan- of uitzetten', body: ImpactMail, response: { 200: ImpactMail, ...errors } } },
      (req) => zetImpactMail({ db, auth: req.auth, aan: req.body.aan }),
    );
  };
}
