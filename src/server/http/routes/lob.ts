/**
 * Thin routes of LOB and the loopbaandossier (issue 15). The pupil's own dossier under /lob/mijn-dossier (only a
 * leerling, their own account); the school's side under /lob/organisaties/:organisatieId (the decaan); the public
 * share link /lob/gedeeld (the token in the body). Staff "doorsturen" exists only to refuse it with the rule.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { ExportFile } from '../../use-cases/inventory/export-inventory.js';
import { z } from 'zod';
import { Problem } from '../../../shared/catalog-api.js';
import {
  ActiviteitInvoer, ActiviteitParams, ActiviteitWijzigen, AfrondingZetten, DeellinkGemaakt, DeellinkMaken, DeellinkOpenen, DeellinkParams, Deellink, GedeeldDossier, LeerlingOnderdeelParams,
  LeerlingOverzicht, LobActiviteit, LobDossier, LobOnderdeel, LobProgramma, OnderdeelInvoer, OnderdeelParams, OnderdeelWijzigen, Oplegger, OpleggerWijzigen, SchoolLeerlingParams, SchoolParams, WieZiet,
} from '../../../shared/lob-api.js';
import type { DB } from '../../db/schema.js';
import { DEFAULT_HEAVY_REQUEST_LIMITS, HeavyRequestGate, userOrAddress, type HeavyRequestLimits } from '../load-shedding.js';
import { leerlingenOverzicht, leesDossier, getMijnDossier, wieZietMijnDossier } from '../../use-cases/lob/dossier.js';
import { addActiviteit, changeActiviteit, removeActiviteit, saveOplegger } from '../../use-cases/lob/wijzigen.js';
import { maakDeellink, openGedeeldDossier, trekDeellinkIn } from '../../use-cases/lob/deellinks.js';
import { addOnderdeel, changeOnderdeel, getProgramma, stuurDossierDoor, zetAfronding } from '../../use-cases/lob/school.js';
import { exportMijnDossier } from '../../use-cases/lob/export-dossier.js';

function sendFile(reply: FastifyReply, file: ExportFile) {
  // The dossier is private to the pupil: never kept in a shared cache.
  return reply.type(file.contentType).header('Cache-Control', 'private, no-store').header('Content-Disposition', `attachment; filename="${file.fileName}"`).send(file.body);
}

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const writeErrors = { ...errors, 409: Problem };

export function lobRoutes(db: Kysely<DB>, opts: { exportLimits?: HeavyRequestLimits } = {}): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['lob'];
    // --- the pupil's own dossier ---
    app.get('/lob/mijn-dossier', { schema: { tags, summary: 'Mijn loopbaandossier: activiteiten, oplegger, LOB-programma van de school en mijn deellinks (alleen een leerling)', response: { 200: LobDossier, ...errors } } }, (req) =>
      getMijnDossier({ db, auth: req.auth }),
    );
    app.get('/lob/mijn-dossier/wie-ziet', { schema: { tags, summary: 'Wie mijn loopbaandossier kan zien: de decaan van mijn school en mijn actieve deellinks', response: { 200: WieZiet, ...errors } } }, (req) =>
      wieZietMijnDossier({ db, auth: req.auth }),
    );
    app.post(
      '/lob/mijn-dossier/activiteiten',
      { schema: { tags, summary: 'Een LOB-activiteit toevoegen, met een reflectie per loopbaancompetentie', body: ActiviteitInvoer, response: { 201: LobActiviteit, ...writeErrors } } },
      async (req, reply) => reply.status(201).send(await addActiviteit({ db, auth: req.auth, input: req.body })),
    );
    app.put(
      '/lob/mijn-dossier/activiteiten/:activiteitId',
      { schema: { tags, summary: 'Een LOB-activiteit wijzigen, met de versie die je zag (verouderd: 409)', params: ActiviteitParams, body: ActiviteitWijzigen, response: { 200: LobActiviteit, ...writeErrors } } },
      (req) => changeActiviteit({ db, auth: req.auth, activiteitId: req.params.activiteitId, input: req.body }),
    );
    app.delete(
      '/lob/mijn-dossier/activiteiten/:activiteitId',
      { schema: { tags, summary: 'Een LOB-activiteit verwijderen', params: ActiviteitParams, response: { 204: z.null(), ...errors } } },
      async (req, reply) => {
        await removeActiviteit({ db, auth: req.auth, activiteitId: req.params.activiteitId });
        return reply.status(204).send(null);
      },
    );
    app.put(
      '/lob/mijn-dossier/oplegger',
      { schema: { tags, summary: 'De oplegger voor de mbo-intake opslaan (versie 0: de eerste keer; verouderd: 409)', body: OpleggerWijzigen, response: { 200: Oplegger, ...writeErrors } } },
      (req) => saveOplegger({ db, auth: req.auth, input: req.body }),
    );
    app.post(
      '/lob/mijn-dossier/deellinks',
      { schema: { tags, summary: 'Een deellink maken voor een mbo-intake: tot en met een datum, alleen wat je kiest (het token zie je één keer)', body: DeellinkMaken, response: { 201: DeellinkGemaakt, ...writeErrors } } },
      async (req, reply) => reply.status(201).send(await maakDeellink({ db, auth: req.auth, input: req.body })),
    );
    app.post(
      '/lob/mijn-dossier/deellinks/:deellinkId/intrekken',
      { schema: { tags, summary: 'Een deellink intrekken: hij werkt daarna niet meer', params: DeellinkParams, response: { 200: Deellink, ...errors } } },
      (req) => trekDeellinkIn({ db, auth: req.auth, deellinkId: req.params.deellinkId }),
    );
    const shed = new HeavyRequestGate(opts.exportLimits ?? DEFAULT_HEAVY_REQUEST_LIMITS, 'exports').hooks(userOrAddress);
    for (const formaat of ['json', 'pdf'] as const) {
      app.get(
        `/lob/mijn-dossier/loopbaandossier.${formaat}`,
        { ...shed, schema: { tags, summary: `Mijn hele loopbaandossier downloaden als ${formaat === 'pdf' ? 'toegankelijke PDF' : 'JSON'}`, response: { ...errors, 429: Problem, 503: Problem } } },
        async (req, reply) => sendFile(reply, await exportMijnDossier({ db, auth: req.auth, formaat })),
      );
    }
    // --- the public share link ---
    app.post(
      '/lob/gedeeld',
      { schema: { tags, summary: 'Een gedeeld loopbaandossier openen met het token van de link (verlopen of ingetrokken: 404)', body: DeellinkOpenen, response: { 200: GedeeldDossier, 400: Problem, 404: Problem } } },
      (req) => openGedeeldDossier({ db, token: req.body.token }),
    );
    // --- the school: the decaan ---
    app.get(
      '/lob/organisaties/:organisatieId/programma',
      { schema: { tags, summary: 'Het LOB-programma van de school: de geplande LOB-onderdelen per leerjaar (decaan)', params: SchoolParams, response: { 200: LobProgramma, ...errors } } },
      (req) => getProgramma({ db, auth: req.auth, organisatieId: req.params.organisatieId }),
    );
    app.post(
      '/lob/organisaties/:organisatieId/programma',
      { schema: { tags, summary: 'Een LOB-onderdeel aan het programma toevoegen (decaan)', params: SchoolParams, body: OnderdeelInvoer, response: { 201: LobOnderdeel, ...writeErrors } } },
      async (req, reply) => reply.status(201).send(await addOnderdeel({ db, auth: req.auth, organisatieId: req.params.organisatieId, input: req.body })),
    );
    app.put(
      '/lob/organisaties/:organisatieId/programma/:onderdeelId',
      { schema: { tags, summary: 'Een LOB-onderdeel wijzigen of laten vervallen, met de versie die u zag (decaan; verouderd: 409)', params: OnderdeelParams, body: OnderdeelWijzigen, response: { 200: LobOnderdeel, ...writeErrors } } },
      (req) => changeOnderdeel({ db, auth: req.auth, organisatieId: req.params.organisatieId, onderdeelId: req.params.onderdeelId, input: req.body }),
    );
    app.get(
      '/lob/organisaties/:organisatieId/leerlingen',
      { schema: { tags, summary: 'De leerlingen van de school met hun LOB-stand (decaan; in het auditlog)', params: SchoolParams, response: { 200: LeerlingOverzicht, ...errors } } },
      (req) => leerlingenOverzicht({ db, auth: req.auth, organisatieId: req.params.organisatieId }),
    );
    app.get(
      '/lob/organisaties/:organisatieId/leerlingen/:gebruikerId',
      { schema: { tags, summary: 'Het loopbaandossier van een leerling lezen (decaan van de school; elke keer in het auditlog)', params: SchoolLeerlingParams, response: { 200: LobDossier, ...errors } } },
      (req) => leesDossier({ db, auth: req.auth, organisatieId: req.params.organisatieId, gebruikerId: req.params.gebruikerId }),
    );
    app.put(
      '/lob/organisaties/:organisatieId/leerlingen/:gebruikerId/onderdelen/:onderdeelId',
      { schema: { tags, summary: 'Een LOB-onderdeel voor een leerling afgerond of niet afgerond zetten (decaan; LOB krijgt geen cijfer)', params: LeerlingOnderdeelParams, body: AfrondingZetten, response: { 200: LobDossier, ...errors } } },
      (req) => zetAfronding({ db, auth: req.auth, organisatieId: req.params.organisatieId, gebruikerId: req.params.gebruikerId, onderdeelId: req.params.onderdeelId, afgerond: req.body.afgerond }),
    );
    app.post(
      '/lob/organisaties/:organisatieId/leerlingen/:gebruikerId/doorsturen',
      { schema: { tags, summary: 'Een loopbaandossier naar een andere school sturen: altijd geweigerd (403), want alleen de leerling geeft het dossier door', params: SchoolLeerlingParams, response: { ...errors } } },
      (req) => stuurDossierDoor({ db, auth: req.auth, organisatieId: req.params.organisatieId, gebruikerId: req.params.gebruikerId }),
    );
  };
}
