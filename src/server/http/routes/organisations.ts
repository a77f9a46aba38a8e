/** Thin routes of organisations, members and the audit log (private: scoped to the user's memberships). */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { Problem } from '../../../shared/catalog-api.js';
import { AuditRegel, Lid, LidToevoegen, Organisatie, OrganisatieParams, SsoInstellen, SsoInstelling, Uitnodigen, Uitnodiging } from '../../../shared/auth-api.js';
import type { DB } from '../../db/schema.js';
import { addMember, getOrganisation, listAudit, listMembers, listOrganisations } from '../../use-cases/organisations/organisations.js';
import { inviteMember } from '../../use-cases/organisations/invitations.js';
import { getSsoConfig, setSsoConfig } from '../../use-cases/organisations/sso-config.js';
import type { MailQueue } from '../../mail/mailer.js';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function organisationRoutes(db: Kysely<DB>, mail: MailQueue, publicUrl: string): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['organisaties'];
    app.get('/organisations', { schema: { tags, summary: 'De organisaties waarvan ik lid ben', response: { 200: z.array(Organisatie), 401: Problem } } }, (req) =>
      listOrganisations({ db, auth: req.auth }),
    );
    app.get('/organisations/:id', { schema: { tags, summary: 'Een organisatie waarvan ik lid ben', params: OrganisatieParams, response: { 200: Organisatie, ...errors } } }, (req) =>
      getOrganisation({ db, auth: req.auth, organisationId: req.params.id }),
    );
    app.get('/organisations/:id/members', { schema: { tags, summary: 'Leden en hun rollen (beheerder)', params: OrganisatieParams, response: { 200: z.array(Lid), ...errors } } }, (req) =>
      listMembers({ db, auth: req.auth, organisationId: req.params.id }),
    );
    app.post(
      '/organisations/:id/members',
      { schema: { tags, summary: 'Een bestaand account een rol geven (beheerder)', params: OrganisatieParams, body: LidToevoegen, response: { 201: Lid, ...errors, 409: Problem } } },
      async (req, reply) => reply.status(201).send(await addMember({ db, auth: req.auth, organisationId: req.params.id, input: req.body })),
    );
    app.post(
      '/organisations/:id/uitnodigingen',
      {
        schema: {
          tags,
          summary: 'Iemand per e-mail uitnodigen met een rol (beheerder); de link is zeven dagen geldig',
          params: OrganisatieParams,
          body: Uitnodigen,
          response: { 201: Uitnodiging, ...errors, 409: Problem },
        },
      },
      async (req, reply) => reply.status(201).send(await inviteMember({ db, mail, publicUrl, auth: req.auth, organisationId: req.params.id, input: req.body })),
    );
    app.get('/organisations/:id/audit', { schema: { tags, summary: 'Het auditlog van de organisatie (beheerder)', params: OrganisatieParams, response: { 200: z.array(AuditRegel), ...errors } } }, (req) =>
      listAudit({ db, auth: req.auth, organisationId: req.params.id }),
    );
    app.get(
      '/organisations/:id/sso',
      { schema: { tags, summary: 'Single sign-on (OpenID Connect) van de organisatie, zonder client secret (beheerder)', params: OrganisatieParams, response: { 200: SsoInstelling, ...errors } } },
      (req) => getSsoConfig({ db, auth: req.auth, organisationId: req.params.id }),
    );
    app.put(
      '/organisations/:id/sso',
      {
        schema: {
          tags,
          summary: 'Single sign-on (OpenID Connect) instellen: issuer, client id en secret, aan of uit (beheerder)',
          params: OrganisatieParams,
          body: SsoInstellen,
          response: { 200: SsoInstelling, ...errors },
        },
      },
      (req) => setSsoConfig({ db, auth: req.auth, organisationId: req.params.id, input: req.body }),
    );
  };
}
