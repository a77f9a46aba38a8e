/** Thin routes of samenwerkingen (partnerships) and their partner organisations (private: members only). */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { Problem } from '../../../shared/catalog-api.js';
import {
  Partner,
  PartnerVoorstellen,
  SamenwerkingAanmaken,
  SamenwerkingDetail,
  SamenwerkingInLijst,
  SamenwerkingOrganisatieParams,
  SamenwerkingParams,
  SamenwerkingWijzigen,
} from '../../../shared/partnership-api.js';
import type { DB } from '../../db/schema.js';
import { createPartnershipUseCase, getPartnership, listPartnerships, renamePartnershipUseCase } from '../../use-cases/partnerships/partnerships.js';
import { answerProposal, leavePartnership, proposePartner, type ProposalNotifier } from '../../use-cases/partnerships/partner-organisations.js';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

/** `notifier`: mails the beheerders of a proposed organisation (the app's mail queue and PUBLIC_URL). */
export function partnershipRoutes(db: Kysely<DB>, notifier?: ProposalNotifier): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['samenwerkingen'];
    app.get(
      '/partnerships',
      {
        schema: {
          tags,
          summary: 'Mijn samenwerkingen, en (voor beheerders) de openstaande voorstellen voor mijn organisatie',
          response: { 200: z.array(SamenwerkingInLijst), 401: Problem },
        },
      },
      (req) => listPartnerships({ db, auth: req.auth }),
    );
    app.post(
      '/partnerships',
      {
        schema: {
          tags,
          summary: 'Een samenwerking beginnen (beheerder van een vmbo-school of mbo-instelling), eventueel met voorgestelde partners',
          body: SamenwerkingAanmaken,
          response: { 201: SamenwerkingDetail, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await createPartnershipUseCase({ db, auth: req.auth, input: req.body, notifier })),
    );
    app.get(
      '/partnerships/:id',
      {
        schema: {
          tags,
          summary: 'Een samenwerking: partners met hun status en de mensen die erin werken (naam, organisatie, rollen)',
          params: SamenwerkingParams,
          response: { 200: SamenwerkingDetail, ...errors },
        },
      },
      (req) => getPartnership({ db, auth: req.auth, partnershipId: req.params.id }),
    );
    app.patch(
      '/partnerships/:id',
      { schema: { tags, summary: 'De naam van een samenwerking wijzigen (beheerder of ontwikkelaar van een partner)', params: SamenwerkingParams, body: SamenwerkingWijzigen, response: { 200: SamenwerkingDetail, ...errors } } },
      (req) => renamePartnershipUseCase({ db, auth: req.auth, partnershipId: req.params.id, naam: req.body.naam }),
    );
    app.post(
      '/partnerships/:id/organisations',
      {
        schema: {
          tags,
          summary: 'Een organisatie als partner voorstellen (beheerder van een partner); zij is pas lid als haar beheerder het voorstel aanneemt',
          params: SamenwerkingParams,
          body: PartnerVoorstellen,
          response: { 201: Partner, ...errors, 409: Problem },
        },
      },
      async (req, reply) => reply.status(201).send(await proposePartner({ db, auth: req.auth, partnershipId: req.params.id, organisationId: req.body.organisatieId, notifier })),
    );
    app.post(
      '/partnerships/:id/organisations/:orgId/accepteren',
      { schema: { tags, summary: 'Een voorstel aannemen (beheerder van de voorgestelde organisatie)', params: SamenwerkingOrganisatieParams, response: { 200: SamenwerkingDetail, ...errors } } },
      async (req) => {
        await answerProposal({ db, auth: req.auth, partnershipId: req.params.id, organisationId: req.params.orgId, accept: true });
        return getPartnership({ db, auth: req.auth, partnershipId: req.params.id });
      },
    );
    app.post(
      '/partnerships/:id/organisations/:orgId/afwijzen',
      { schema: { tags, summary: 'Een voorstel afwijzen (beheerder van de voorgestelde organisatie)', params: SamenwerkingOrganisatieParams, response: { 204: z.null(), ...errors } } },
      async (req, reply) => {
        await answerProposal({ db, auth: req.auth, partnershipId: req.params.id, organisationId: req.params.orgId, accept: false });
        return reply.status(204).send(null);
      },
    );
    app.delete(
      '/partnerships/:id/organisations/:orgId',
      { schema: { tags, summary: 'Een organisatie uit de samenwerking halen (beheerder van die organisatie)', params: SamenwerkingOrganisatieParams, response: { 204: z.null(), ...errors } } },
      async (req, reply) => {
        await leavePartnership({ db, auth: req.auth, partnershipId: req.params.id, organisationId: req.params.orgId });
        return reply.status(204).send(null);
      },
    );
  };
}
