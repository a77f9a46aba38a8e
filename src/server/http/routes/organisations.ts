/** Thin routes of organisaties, leden and the audit log (private: scoped to the user's memberships). Old paths under /api/organisations: aliases.ts. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { Problem } from '../../../shared/catalog-api.js';
import {
  AuditRegel,
  Lid,
  LidParams,
  LidRolParams,
  Organisatie,
  OrganisatieParams,
  OrganisatieVerlaten,
  OrganisatieWijzigen,
  SsoInstellen,
  SsoInstelling,
  Uitnodigen,
  Uitnodiging,
  Vestiging,
  VestigingInvoer,
  VestigingParams,
  VestigingWijzigen,
} from '../../../shared/auth-api.js';
import { GidsOrganisatie, GidsQuery } from '../../../shared/partnership-api.js';
import type { DB } from '../../db/schema.js';
import {
  addVestiging,
  changeVestiging,
  getOrganisation,
  leaveOrganisation,
  listAudit,
  listMembers,
  listOrganisations,
  listVestigingen,
  removeMember,
  removeVestiging,
  updateOrganisationData,
} from '../../use-cases/organisations/organisations.js';
import { searchOrganisationDirectory } from '../../use-cases/organisations/directory.js';
import { inviteMember } from '../../use-cases/organisations/invitations.js';
import { getSsoConfig, setSsoConfig } from '../../use-cases/organisations/sso-config.js';
import type { MailQueue } from '../../mail/mailer.js';
import type { OutboundRules } from '../../../domain/net/outbound.js';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

/** `sso`: where SSO issuers may point (plain http and loopback only in an app for tests). */
export function organisationRoutes(db: Kysely<DB>, mail: MailQueue, publicUrl: string, sso: OutboundRules = { allowInsecure: false }): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['organisaties'];
    app.get('/organisaties', { schema: { tags, summary: 'De organisaties waarvan ik lid ben', response: { 200: z.array(Organisatie), 401: Problem } } }, (req) =>
      listOrganisations({ db, auth: req.auth }),
    );
    app.get(
      '/organisaties/gids',
      {
        schema: {
          tags,
          summary: 'Scholen en instellingen zoeken om als partner voor te stellen: alleen openbare gegevens (medewerkers)',
          querystring: GidsQuery,
          response: { 200: z.array(GidsOrganisatie), 400: Problem, 401: Problem, 403: Problem },
        },
      },
      (req) => searchOrganisationDirectory({ db, auth: req.auth, q: req.query.q }),
    );
    app.get('/organisaties/:id', { schema: { tags, summary: 'Een organisatie waarvan ik lid ben', params: OrganisatieParams, response: { 200: Organisatie, ...errors } } }, (req) =>
      getOrganisation({ db, auth: req.auth, organisationId: req.params.id }),
    );
    app.get('/organisaties/:id/leden', { schema: { tags, summary: 'Leden en hun rollen (beheerder)', params: OrganisatieParams, response: { 200: z.array(Lid), ...errors } } }, (req) =>
      listMembers({ db, auth: req.auth, organisationId: req.params.id }),
    );
    app.post(
      '/organisaties/:id/uitnodigingen',
      {
        schema: {
          tags,
          summary:
            'Iemand per e-mail uitnodigen met een rol (beheerder): de enige manier om iemand lid te maken. Hetzelfde antwoord (202) met of zonder account; de rol volgt pas als de uitgenodigde aanneemt. De link is zeven dagen geldig',
          params: OrganisatieParams,
          body: Uitnodigen,
          response: { 202: Uitnodiging, ...errors, 409: Problem },
        },
      },
      async (req, reply) => reply.status(202).send(await inviteMember({ db, mail, publicUrl, auth: req.auth, organisationId: req.params.id, input: req.body })),
    );
    app.post(
      '/organisaties/:id/verlaten',
      {
        schema: {
          tags,
          summary:
            'De organisatie verlaten (elk lid, met al zijn rollen). Kan altijd, ook als laatste beheerder: dan wordt de medewerker die het langst lid is beheerder (en krijgt daarover een e-mail), of heeft de organisatie geen beheerder meer',
          params: OrganisatieParams,
          response: { 200: OrganisatieVerlaten, ...errors },
        },
      },
      (req) => leaveOrganisation({ db, mail, publicUrl, auth: req.auth, organisationId: req.params.id }),
    );
    app.patch(
      '/organisaties/:id',
      { schema: { tags, summary: 'Naam en BRIN-nummer van de organisatie wijzigen (beheerder)', params: OrganisatieParams, body: OrganisatieWijzigen, response: { 200: Organisatie, ...errors, 409: Problem } } },
      (req) => updateOrganisationData({ db, auth: req.auth, organisationId: req.params.id, input: req.body }),
    );
    app.get(
      '/organisaties/:id/vestigingen',
      { schema: { tags, summary: 'De vestigingen van de organisatie', params: OrganisatieParams, response: { 200: z.array(Vestiging), ...errors } } },
      (req) => listVestigingen({ db, auth: req.auth, organisationId: req.params.id }),
    );
    app.post(
      '/organisaties/:id/vestigingen',
      { schema: { tags, summary: 'Een vestiging toevoegen (beheerder)', params: OrganisatieParams, body: VestigingInvoer, response: { 201: Vestiging, ...errors, 409: Problem } } },
      async (req, reply) => reply.status(201).send(await addVestiging({ db, auth: req.auth, organisationId: req.params.id, input: req.body })),
    );
    app.patch(
      '/organisaties/:id/vestigingen/:vestigingId',
      { schema: { tags, summary: 'Een vestiging wijzigen (beheerder)', params: VestigingParams, body: VestigingWijzigen, response: { 200: Vestiging, ...errors, 409: Problem } } },
      (req) => changeVestiging({ db, auth: req.auth, organisationId: req.params.id, vestigingId: req.params.vestigingId, input: req.body }),
    );
    app.delete(
      '/organisaties/:id/vestigingen/:vestigingId',
      { schema: { tags, summary: 'Een vestiging verwijderen (beheerder)', params: VestigingParams, response: { 204: z.null(), ...errors } } },
      async (req, reply) => {
        await removeVestiging({ db, auth: req.auth, organisationId: req.params.id, vestigingId: req.params.vestigingId });
        return reply.status(204).send(null);
      },
    );
    app.delete(
      '/organisaties/:id/leden/:gebruikerId/rollen/:rol',
      {
        schema: {
          tags,
          summary: 'Een rol van een lid intrekken (beheerder); de laatste beheerder blijft (409: eerst een beheerder uitnodigen, of de organisatie verlaten)',
          params: LidRolParams,
          response: { 204: z.null(), ...errors, 409: Problem },
        },
      },
      async (req, reply) => {
        await removeMember({ db, auth: req.auth, organisationId: req.params.id, userId: req.params.gebruikerId, rol: req.params.rol });
        return reply.status(204).send(null);
      },
    );
    app.delete(
      '/organisaties/:id/leden/:gebruikerId',
      { schema: { tags, summary: 'Een lid uit de organisatie verwijderen, met al zijn rollen (beheerder); de laatste beheerder blijft', params: LidParams, response: { 204: z.null(), ...errors, 409: Problem } } },
      async (req, reply) => {
        await removeMember({ db, auth: req.auth, organisationId: req.params.id, userId: req.params.gebruikerId });
        return reply.status(204).send(null);
      },
    );
    app.get('/organisaties/:id/audit', { schema: { tags, summary: 'Het auditlog van de organisatie (beheerder)', params: OrganisatieParams, response: { 200: z.array(AuditRegel), ...errors } } }, (req) =>
      listAudit({ db, auth: req.auth, organisationId: req.params.id }),
    );
    app.get(
      '/organisaties/:id/sso',
      { schema: { tags, summary: 'Single sign-on (OpenID Connect) van de organisatie, zonder client secret (beheerder)', params: OrganisatieParams, response: { 200: SsoInstelling, ...errors } } },
      (req) => getSsoConfig({ db, auth: req.auth, organisationId: req.params.id }),
    );
    app.put(
      '/organisaties/:id/sso',
      {
        schema: {
          tags,
          summary: 'Single sign-on (OpenID Connect) instellen: issuer, client id en secret, aan of uit (beheerder)',
          params: OrganisatieParams,
          body: SsoInstellen,
          response: { 200: SsoInstelling, ...errors },
        },
      },
      (req) => setSsoConfig({ db, auth: req.auth, organisationId: req.params.id, input: req.body, rules: sso }),
    );
  };
}
