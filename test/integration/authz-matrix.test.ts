/**
 * The walls, proven: every /api route that is not part of the public catalogue has a row here with the
 * expected status for each kind of user. A route the app registers without a row fails this test, so
 * a new route cannot ship without deciding who may use it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../../src/server/http/app.js';
import { ALIASES, aliasOf, oldPathOf } from '../../src/server/http/aliases.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { insertMembership, insertOrganisation, insertPartnership } from '../../src/server/repositories/account-repository.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { asUser, signIn, startAccountsApp, type AccountsApp } from '../support/accounts.js';
import { LEERROUTE_MATRIX_ROWS, leerrouteMatrixSetup, type LeerrouteMatrixIds } from '../support/leerroute-matrix.js';

/** Public: no organisation data, answered to anyone. */
const PUBLIC_PREFIXES = ['/api/vmbo', '/api/mbo', '/api/search', '/api/match', '/api/catalog', '/api/health', '/api/ready', '/api/docs'];
/**
 * Public auth routes: they prove themselves with a password, a token from an e-mail, or (SSO) the
 * identity provider's answer to a single-use state; not with a session.
 */
const PUBLIC_ROUTES = new Set([
  'POST /api/auth/login',
  'POST /api/auth/wachtwoord-vergeten',
  'POST /api/auth/wachtwoord-herstellen',
  'POST /api/auth/uitnodiging-accepteren',
  'GET /api/auth/sso/:organisationId/start',
  'GET /api/auth/sso/callback',
  'GET /api/auth/sso/organisaties', // only id and name of organisations with SSO switched on, for the sign-in page
  'GET /api/regels', // the rule set of 'wat moet en wat mag' (issue 13): the brochure made executable, no organisation data
]);

const ACTORS = ['beheerder', 'ontwikkelaar', 'leerling', 'partner', 'foreign', 'anonymous'] as const;
type ActorKind = (typeof ACTORS)[number];
/** Who is who, all in terms of the organisation under test (Demo Vmbo College). */
const ACTOR_EMAIL: Record<Exclude<ActorKind, 'anonymous'>, string> = {
  beheerder: 'beheerder@vmbo.demo', // beheerder of the organisation
  ontwikkelaar: 'docent@vmbo.demo', // ontwikkelaar of the organisation
  leerling: 'leerling@vmbo.demo', // leerling of the organisation
  partner: 'docent@roc.demo', // ontwikkelaar of the partner instelling (same samenwerking, other organisation)
  foreign: 'beheerder@ander.demo', // beheerder of an unrelated organisation
};

/** Ids made in the setup for rows that need more than the organisation under test (see beforeAll). */
interface MatrixIds {
  /** The demo samenwerking of Demo Vmbo College and Demo ROC (the partner's organisation). */
  partnership: string;
  /** A samenwerking of Demo Vmbo College alone, with an open proposal for Ander College (the foreign organisation). */
  proposedToForeign: string;
  /** A samenwerking of Demo Vmbo College and Demo ROC that the beheerder leaves in its row. */
  toLeave: string;
  /** An organisation without users, proposed to the demo samenwerking in its row. */
  candidateOrg: string;
  /** The foreign organisation (Ander College). */
  foreignOrg: string;
  /** The vestiging of Demo Vmbo College; and one made for the DELETE row. */
  vestiging: string;
  vestigingToDelete: string;
  /** Members of Demo Vmbo College made for the rows that remove a role and a member. */
  memberWithRoles: string;
  memberToRemove: string;
  /** An organisation where the beheerder, ontwikkelaar and leerling of the matrix are members, to leave in its row. */
  orgToLeave: string;
  /** The same for the rows' runs on the old paths (ADR 11 aliases): a member, a vestiging and an organisation of their own. */
  memberWithRolesAlias: string;
  memberToRemoveAlias: string;
  vestigingToDeleteAlias: string;
  orgToLeaveAlias: string;
  /** An organisation without members (so without a beheerder), for the platform's invitation of a beheerder. */
  withoutBeheerder: string;
  /** An eindterm of keuzevak K/PIE/16 in the demo catalogue (inventory and crosswalk rows). */
  eindterm?: string;
  /** A leerroute of the demo samenwerking with entities per writing actor (test/support/leerroute-matrix.ts). */
  leerroute?: LeerrouteMatrixIds;
  /** Saved inventory selections of the demo samenwerking (issue 12), one per actor to rename and one to delete. */
  selecties?: { hernoemen: Record<string, string>; verwijderen: Record<string, string> };
  /** Regelbank (issue 13): per writing actor a rule marked on the matrix route to unmark, and docentinzet to change and to delete. */
  regels?: { markering: Record<string, string>; wijzigen: Record<string, string>; verwijderen: Record<string, string> };
  /**
   * Samenwerkingsovereenkomsten (issue 13): per writing actor a concept to change (settings, clause, comment), a complete
   * concept to offer for signing, and a signed one to make a new version of; one agreement ter ondertekening (the vmbo
   * beheerder signs it and records the MR), and one with two versions for the difference.
   */
  overeenkomsten?: { concept: Record<string, string>; compleet: Record<string, string>; ondertekend: Record<string, string>; terOndertekening: string; versie1: string; versie2: string };
}

interface Row {
  method: string;
  url: string;
  /**
   * Builds the request; `org` is the id of the organisation under test. `alias`: the row is run again on its old path
   * (ADR 11), with ids of its own where the first run changed something.
   */
  request?: (ctx: { org: string; actor: ActorKind; ids: MatrixIds; alias: boolean }) => { url?: string; payload?: unknown };
  expect: Record<ActorKind, number>;
}

const MATRIX: Row[] = [
  { method: 'POST', url: '/api/auth/logout', expect: { beheerder: 204, ontwikkelaar: 204, leerling: 204, partner: 204, foreign: 204, anonymous: 204 } },
  { method: 'GET', url: '/api/auth/me', expect: { beheerder: 200, ontwikkelaar: 200, leerling: 200, partner: 200, foreign: 200, anonymous: 401 } },
  // Issue 17: thumbs on zoekmonitor results: staff of any organisation, not pupils, not anonymous (GET /api/match stays public).
  { method: 'GET', url: '/api/match/stemmen', request: () => ({ url: '/api/match/stemmen?soort=keuzevak&code=K/PIE/16' }), expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 200, anonymous: 401 } },
  { method: 'PUT', url: '/api/match/stemmen', request: () => ({ payload: { vraag: { soort: 'keuzevak', code: 'K/PIE/16' }, resultaat: { soort: 'keuzedeel', code: 'K0072' }, waarde: 1 } }), expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 200, anonymous: 401 } },
  { method: 'DELETE', url: '/api/match/stemmen', request: () => ({ payload: { vraag: { soort: 'keuzevak', code: 'K/PIE/16' }, resultaat: { soort: 'keuzedeel', code: 'K0072' } } }), expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 200, anonymous: 401 } },
  { method: 'GET', url: '/api/organisaties', expect: { beheerder: 200, ontwikkelaar: 200, leerling: 200, partner: 200, foreign: 200, anonymous: 401 } },
  { method: 'GET', url: '/api/organisaties/:id', expect: { beheerder: 200, ontwikkelaar: 200, leerling: 200, partner: 404, foreign: 404, anonymous: 401 } },
  { method: 'GET', url: '/api/organisaties/:id/leden', expect: { beheerder: 200, ontwikkelaar: 403, leerling: 403, partner: 404, foreign: 404, anonymous: 401 } },
  {
    method: 'POST',
    url: '/api/organisaties/:id/uitnodigingen',
    // An invitation changes no one's rights until it is accepted (there is no direct adding); every actor invites the same new address.
    request: ({ alias }) => ({ payload: { email: alias ? 'uitgenodigd-oud-adres@nieuw.demo' : 'uitgenodigd@nieuw.demo', rol: 'ontwikkelaar' } }),
    expect: { beheerder: 202, ontwikkelaar: 403, leerling: 403, partner: 404, foreign: 404, anonymous: 401 },
  },
  {
    method: 'POST',
    url: '/api/organisaties/:id/verlaten',
    // Every member may leave (an organisation made for this row, so the others keep their roles); outsiders do not learn it exists.
    request: ({ ids, alias }) => ({ url: `/api/organisaties/${alias ? ids.orgToLeaveAlias : ids.orgToLeave}/verlaten` }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 200, partner: 404, foreign: 404, anonymous: 401 },
  },
  {
    method: 'POST',
    url: '/api/account/uitnodiging-aannemen',
    // One's own invitations only, with the session; a token that is no invitation changes nothing (400).
    request: () => ({ payload: { token: 'geen-uitnodiging' } }),
    expect: { beheerder: 400, ontwikkelaar: 400, leerling: 400, partner: 400, foreign: 400, anonymous: 401 },
  },
  { method: 'GET', url: '/api/organisaties/:id/sso', expect: { beheerder: 200, ontwikkelaar: 403, leerling: 403, partner: 404, foreign: 404, anonymous: 401 } },
  {
    method: 'PUT',
    url: '/api/organisaties/:id/sso',
    // Switched off, so that no one can sign in through it; no provider is contacted when saving.
    request: () => ({ payload: { issuer: 'https://idp.example.org', clientId: 'doorlopend', clientSecret: 'geheim', enabled: false } }),
    expect: { beheerder: 200, ontwikkelaar: 403, leerling: 403, partner: 404, foreign: 404, anonymous: 401 },
  },
  { method: 'GET', url: '/api/organisaties/:id/audit', expect: { beheerder: 200, ontwikkelaar: 403, leerling: 403, partner: 404, foreign: 404, anonymous: 401 } },
  // AVG: one's own data only (no organisation in the URL, nothing of anyone else).
  { method: 'GET', url: '/api/account/gegevens', expect: { beheerder: 200, ontwikkelaar: 200, leerling: 200, partner: 200, foreign: 200, anonymous: 401 } },
  {
    method: 'DELETE',
    url: '/api/account',
    // No one is deleted (the other rows need every actor): all give a wrong password (400). Deleting itself,
    // also of the last beheerder, is proven in account-data.test.ts.
    request: () => ({ payload: { wachtwoord: 'niet-het-wachtwoord' } }),
    expect: { beheerder: 400, ontwikkelaar: 400, leerling: 400, partner: 400, foreign: 400, anonymous: 401 },
  },
  {
    method: 'POST',
    url: '/api/beheer/import/tabel',
    // The national catalogue is no organisation's: only a platform beheerder (the demo beheerder is one) may load it.
    // A dry run (the default), so nothing changes; the CSV file is the body.
    request: () => ({ url: '/api/beheer/import/tabel?bestandsnaam=keuzedelen.csv', payload: 'code,titel\nK9902,Matrixkeuzedeel\n' }),
    expect: { beheerder: 200, ontwikkelaar: 403, leerling: 403, partner: 403, foreign: 403, anonymous: 401 },
  },
  // Organisations without a beheerder: a platform right (the demo beheerder is a platform beheerder), no organisation's role gives it.
  { method: 'GET', url: '/api/beheer/organisaties-zonder-beheerder', expect: { beheerder: 200, ontwikkelaar: 403, leerling: 403, partner: 403, foreign: 403, anonymous: 401 } },
  {
    method: 'POST',
    url: '/api/beheer/organisaties-zonder-beheerder/:id/uitnodigingen',
    // An organisation without members made for this row; the invitation changes no one's rights until it is accepted.
    request: ({ ids }) => ({ url: `/api/beheer/organisaties-zonder-beheerder/${ids.withoutBeheerder}/uitnodigingen`, payload: { email: 'nieuwe-beheerder@nieuw.demo' } }),
    expect: { beheerder: 202, ontwikkelaar: 403, leerling: 403, partner: 403, foreign: 403, anonymous: 401 },
  },
  // Organisation management (same name again: allowed, changes nothing).
  {
    method: 'PATCH',
    url: '/api/organisaties/:id',
    request: () => ({ payload: { naam: 'Demo Vmbo College' } }),
    expect: { beheerder: 200, ontwikkelaar: 403, leerling: 403, partner: 404, foreign: 404, anonymous: 401 },
  },
  // The directory of schools and instellingen (public facts) is for staff of any organisation.
  { method: 'GET', url: '/api/organisaties/gids', expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 200, anonymous: 401 } },
  { method: 'GET', url: '/api/organisaties/:id/vestigingen', expect: { beheerder: 200, ontwikkelaar: 200, leerling: 200, partner: 404, foreign: 404, anonymous: 401 } },
  {
    method: 'POST',
    url: '/api/organisaties/:id/vestigingen',
    request: ({ alias }) => ({ payload: { naam: alias ? 'Matrix vestiging (oud adres)' : 'Matrix vestiging' } }),
    expect: { beheerder: 201, ontwikkelaar: 403, leerling: 403, partner: 404, foreign: 404, anonymous: 401 },
  },
  {
    method: 'PATCH',
    url: '/api/organisaties/:id/vestigingen/:vestigingId',
    request: ({ org, ids }) => ({ url: `/api/organisaties/${org}/vestigingen/${ids.vestiging}`, payload: { naam: 'Demo Vmbo College, locatie Centrum' } }),
    expect: { beheerder: 200, ontwikkelaar: 403, leerling: 403, partner: 404, foreign: 404, anonymous: 401 },
  },
  {
    method: 'DELETE',
    url: '/api/organisaties/:id/vestigingen/:vestigingId',
    request: ({ org, ids, alias }) => ({ url: `/api/organisaties/${org}/vestigingen/${alias ? ids.vestigingToDeleteAlias : ids.vestigingToDelete}` }),
    expect: { beheerder: 204, ontwikkelaar: 403, leerling: 403, partner: 404, foreign: 404, anonymous: 401 },
  },
  {
    method: 'DELETE',
    url: '/api/organisaties/:id/leden/:gebruikerId/rollen/:rol',
    request: ({ org, ids, alias }) => ({ url: `/api/organisaties/${org}/leden/${alias ? ids.memberWithRolesAlias : ids.memberWithRoles}/rollen/examinator` }),
    expect: { beheerder: 204, ontwikkelaar: 403, leerling: 403, partner: 404, foreign: 404, anonymous: 401 },
  },
  {
    method: 'DELETE',
    url: '/api/organisaties/:id/leden/:gebruikerId',
    request: ({ org, ids, alias }) => ({ url: `/api/organisaties/${org}/leden/${alias ? ids.memberToRemoveAlias : ids.memberToRemove}` }),
    expect: { beheerder: 204, ontwikkelaar: 403, leerling: 403, partner: 404, foreign: 404, anonymous: 401 },
  },
  // Samenwerkingen. A leerling sees none (an empty list), an outsider none of ours.
  { method: 'GET', url: '/api/partnerships', expect: { beheerder: 200, ontwikkelaar: 200, leerling: 200, partner: 200, foreign: 200, anonymous: 401 } },
  {
    method: 'POST',
    url: '/api/partnerships',
    request: ({ org }) => ({ payload: { naam: 'Matrix samenwerking', organisatieId: org } }),
    expect: { beheerder: 201, ontwikkelaar: 403, leerling: 403, partner: 404, foreign: 404, anonymous: 401 },
  },
  {
    method: 'GET',
    url: '/api/partnerships/:id',
    request: ({ ids }) => ({ url: `/api/partnerships/${ids.partnership}` }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
  },
  {
    method: 'PATCH',
    url: '/api/partnerships/:id',
    request: ({ ids }) => ({ url: `/api/partnerships/${ids.partnership}`, payload: { naam: 'Demo doorlopende leerroute techniek' } }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
  },
  {
    method: 'POST',
    url: '/api/partnerships/:id/organisations',
    // Only a beheerder of a member proposes; the proposed organisation has no users, so nothing else changes.
    request: ({ ids }) => ({ url: `/api/partnerships/${ids.partnership}/organisations`, payload: { organisatieId: ids.candidateOrg } }),
    expect: { beheerder: 201, ontwikkelaar: 403, leerling: 403, partner: 403, foreign: 404, anonymous: 401 },
  },
  {
    method: 'POST',
    url: '/api/partnerships/:id/organisations/:orgId/accepteren',
    // Only the proposed organisation's beheerder (here: the foreign user) answers a proposal.
    request: ({ ids }) => ({ url: `/api/partnerships/${ids.proposedToForeign}/organisations/${ids.foreignOrg}/accepteren` }),
    expect: { beheerder: 404, ontwikkelaar: 404, leerling: 404, partner: 404, foreign: 200, anonymous: 401 },
  },
  {
    method: 'POST',
    url: '/api/partnerships/:id/organisations/:orgId/afwijzen',
    request: ({ ids }) => ({ url: `/api/partnerships/${ids.partnership}/organisations/${ids.foreignOrg}/afwijzen` }),
    expect: { beheerder: 404, ontwikkelaar: 404, leerling: 404, partner: 404, foreign: 204, anonymous: 401 },
  },
  {
    method: 'DELETE',
    url: '/api/partnerships/:id/organisations/:orgId',
    // The beheerder takes Demo Vmbo College out of a samenwerking made for this row; the others try the
    // same on the demo samenwerking (which must stay as it is for the other rows).
    request: ({ org, actor, ids }) => ({ url: `/api/partnerships/${actor === 'beheerder' ? ids.toLeave : ids.partnership}/organisations/${org}` }),
    expect: { beheerder: 204, ontwikkelaar: 403, leerling: 403, partner: 403, foreign: 404, anonymous: 401 },
  },
  // Overlap inventory and crosswalk (issue 5). Public: the inventory without reviews, its export, the counts of confirmations.
  ...(['/api/inventaris', '/api/inventaris/export', '/api/crosswalk/bevestigingen'] as const).map(
    (url): Row => ({
      method: 'GET',
      url,
      request: ({ ids }) => ({ url: url === '/api/crosswalk/bevestigingen' ? `${url}?eindterm=${ids.eindterm}` : `${url}?keuzevakken=K/PIE/16&kwalificatie=25282&formaat=csv` }),
      expect: { beheerder: 200, ontwikkelaar: 200, leerling: 200, partner: 200, foreign: 200, anonymous: 200 },
    }),
  ),
  // Within a samenwerking: staff of every partner read, leerlingen do not, outsiders do not learn it exists.
  ...(['/api/partnerships/:id/inventaris', '/api/partnerships/:id/inventaris/export', '/api/partnerships/:id/crosswalk', '/api/partnerships/:id/crosswalk/case'] as const).map(
    (url): Row => ({
      method: 'GET',
      url,
      request: ({ ids }) => ({ url: `${url.replace(':id', ids.partnership)}?keuzevakken=K/PIE/16&kwalificatie=25282&formaat=xlsx` }),
      expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
    }),
  ),
  {
    method: 'PUT',
    url: '/api/partnerships/:id/crosswalk/koppelingen',
    request: ({ ids }) => ({ url: `/api/partnerships/${ids.partnership}/crosswalk/koppelingen`, payload: { eindtermId: ids.eindterm, werkprocesId: '25282:B1-K1-W1', actie: 'bevestigen', relatie: 'verwant' } }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
  },
  {
    method: 'PUT',
    url: '/api/partnerships/:id/crosswalk/niet-gekoppeld',
    // Taking away a mark that is not there: allowed actors change nothing.
    request: ({ ids }) => ({ url: `/api/partnerships/${ids.partnership}/crosswalk/niet-gekoppeld`, payload: { itemId: '25282:B1-K1-W1', bewustNietGekoppeld: false } }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
  },
  // Saved inventory selections (issue 12): read for staff of a partner, write for beheerder/ontwikkelaar of a partner.
  {
    method: 'GET',
    url: '/api/partnerships/:id/inventaris/selecties',
    request: ({ ids }) => ({ url: `/api/partnerships/${ids.partnership}/inventaris/selecties` }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
  },
  {
    method: 'POST',
    url: '/api/partnerships/:id/inventaris/selecties',
    request: ({ actor, ids }) => ({ url: `/api/partnerships/${ids.partnership}/inventaris/selecties`, payload: { naam: `Matrix ${actor}`, selectie: { keuzevakken: 'K/PIE/16', kwalificatie: '25282' } } }),
    expect: { beheerder: 201, ontwikkelaar: 201, leerling: 403, partner: 201, foreign: 404, anonymous: 401 },
  },
  {
    method: 'PUT',
    url: '/api/partnerships/:id/inventaris/selecties/:selectieId',
    request: ({ actor, ids }) => ({
      url: `/api/partnerships/${ids.partnership}/inventaris/selecties/${ids.selecties!.hernoemen[actor] ?? ids.selecties!.hernoemen.beheerder}`,
      payload: { versie: 1, naam: `Matrix hernoemd ${actor}` },
    }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
  },
  {
    method: 'DELETE',
    url: '/api/partnerships/:id/inventaris/selecties/:selectieId',
    request: ({ actor, ids }) => ({ url: `/api/partnerships/${ids.partnership}/inventaris/selecties/${ids.selecties!.verwijderen[actor] ?? ids.selecties!.verwijderen.beheerder}?versie=1` }),
    expect: { beheerder: 204, ontwikkelaar: 204, leerling: 403, partner: 204, foreign: 404, anonymous: 401 },
  },
  // Leerroutes (issue 6): read for staff of a partner, write for beheerder/ontwikkelaar of a partner; outsiders 404.
  ...LEERROUTE_MATRIX_ROWS.map((r): Row => ({ ...r, request: ({ actor, ids }) => r.request({ actor, lr: ids.leerroute!, partnership: ids.partnership }) })),
  // Regelbank (issue 13): the rules on a route and the marks, as the route (read staff, write beheerder/ontwikkelaar; outsiders 404).
  {
    method: 'GET',
    url: '/api/leerroutes/:routeId/regels',
    request: ({ ids }) => ({ url: `/api/leerroutes/${ids.leerroute!.route}/regels` }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
  },
  {
    method: 'PUT',
    url: '/api/leerroutes/:routeId/regels/:regelId/markering',
    request: ({ ids }) => ({ url: `/api/leerroutes/${ids.leerroute!.route}/regels/keuzedeel-240-sbu/markering`, payload: { reden: 'Matrix: niet van toepassing' } }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
  },
  {
    method: 'DELETE',
    url: '/api/leerroutes/:routeId/regels/:regelId/markering',
    request: ({ actor, ids }) => ({ url: `/api/leerroutes/${ids.leerroute!.route}/regels/${ids.regels!.markering[actor] ?? ids.regels!.markering.beheerder}/markering` }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
  },
  // The rules on an agreement: read as the agreement (staff of a partner of its samenwerking; outsiders 404).
  {
    method: 'GET',
    url: '/api/overeenkomsten/:id/regels',
    request: ({ ids }) => ({ url: `/api/overeenkomsten/${ids.overeenkomsten!.concept.beheerder}/regels` }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
  },
  {
    method: 'GET',
    url: '/api/partnerships/:id/docentinzet',
    request: ({ ids }) => ({ url: `/api/partnerships/${ids.partnership}/docentinzet?schooljaar=2026-2027` }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
  },
  {
    method: 'POST',
    url: '/api/partnerships/:id/docentinzet',
    request: ({ org, actor, ids }) => ({ url: `/api/partnerships/${ids.partnership}/docentinzet`, payload: { schooljaar: '2026-2027', naamOfRol: `Matrix ${actor}`, organisatieId: org, bevoegdheid: 'tweedegraads', uren: 10 } }),
    expect: { beheerder: 201, ontwikkelaar: 201, leerling: 403, partner: 201, foreign: 404, anonymous: 401 },
  },
  {
    method: 'PUT',
    url: '/api/partnerships/:id/docentinzet/:inzetId',
    request: ({ org, actor, ids }) => ({
      url: `/api/partnerships/${ids.partnership}/docentinzet/${ids.regels!.wijzigen[actor] ?? ids.regels!.wijzigen.beheerder}`,
      payload: { versie: 1, schooljaar: '2026-2027', naamOfRol: `Matrix gewijzigd ${actor}`, organisatieId: org, bevoegdheid: 'tweedegraads', uren: 12 },
    }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
  },
  {
    method: 'DELETE',
    url: '/api/partnerships/:id/docentinzet/:inzetId',
    request: ({ actor, ids }) => ({ url: `/api/partnerships/${ids.partnership}/docentinzet/${ids.regels!.verwijderen[actor] ?? ids.regels!.verwijderen.beheerder}?versie=1` }),
    expect: { beheerder: 204, ontwikkelaar: 204, leerling: 403, partner: 204, foreign: 404, anonymous: 401 },
  },
  {
    method: 'GET',
    url: '/api/partnerships/:id/kalender.ics',
    request: ({ ids }) => ({ url: `/api/partnerships/${ids.partnership}/kalender.ics?schooljaar=2026-2027` }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
  },
  // Samenwerkingsovereenkomst (issue 13): read for staff of a partner, write for beheerder/ontwikkelaar; signing and the
  // medezeggenschap only for a beheerder of that party (here the vmbo beheerder for Demo Vmbo College); outsiders 404.
  {
    method: 'GET',
    url: '/api/partnerships/:id/overeenkomsten',
    request: ({ ids }) => ({ url: `/api/partnerships/${ids.partnership}/overeenkomsten` }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
  },
  {
    method: 'POST',
    url: '/api/partnerships/:id/overeenkomsten',
    request: ({ ids }) => ({ url: `/api/partnerships/${ids.partnership}/overeenkomsten`, payload: { soort: 'algemeen', onderwerpen: ['lob'] } }),
    expect: { beheerder: 201, ontwikkelaar: 201, leerling: 403, partner: 201, foreign: 404, anonymous: 401 },
  },
  {
    method: 'GET',
    url: '/api/overeenkomsten/:id',
    request: ({ ids }) => ({ url: `/api/overeenkomsten/${ids.overeenkomsten!.concept.beheerder}` }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
  },
  {
    method: 'PUT',
    url: '/api/overeenkomsten/:id',
    request: ({ actor, ids }) => ({ url: `/api/overeenkomsten/${ids.overeenkomsten!.concept[actor] ?? ids.overeenkomsten!.concept.beheerder}`, payload: { versie: 1, titel: `Matrix ${actor}`, leerrouteIds: [], onderwerpen: ['lob', 'faciliteiten'] } }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
  },
  {
    method: 'PUT',
    url: '/api/overeenkomsten/:id/clausules/:clausuleId',
    request: ({ actor, ids }) => ({ url: `/api/overeenkomsten/${ids.overeenkomsten!.concept[actor] ?? ids.overeenkomsten!.concept.beheerder}/clausules/doel`, payload: { versie: 1, tekst: `De scholen werken samen aan loopbaanbegeleiding (matrix ${actor}).` } }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
  },
  {
    method: 'POST',
    url: '/api/overeenkomsten/:id/clausules/:clausuleId/opmerkingen',
    request: ({ actor, ids }) => ({ url: `/api/overeenkomsten/${ids.overeenkomsten!.concept[actor] ?? ids.overeenkomsten!.concept.beheerder}/clausules/doel/opmerkingen`, payload: { tekst: `Matrix: opmerking van ${actor}` } }),
    expect: { beheerder: 201, ontwikkelaar: 201, leerling: 403, partner: 201, foreign: 404, anonymous: 401 },
  },
  {
    method: 'POST',
    url: '/api/overeenkomsten/:id/status',
    request: ({ actor, ids }) => ({ url: `/api/overeenkomsten/${ids.overeenkomsten!.compleet[actor] ?? ids.overeenkomsten!.compleet.beheerder}/status`, payload: { naar: 'ter-ondertekening', versie: 1 } }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
  },
  {
    method: 'POST',
    url: '/api/overeenkomsten/:id/ondertekeningen',
    request: ({ org, ids }) => ({ url: `/api/overeenkomsten/${ids.overeenkomsten!.terOndertekening}/ondertekeningen`, payload: { organisatieId: org, naam: 'Matrix Ondertekenaar', functie: 'Bestuurder', datum: '2026-11-02' } }),
    expect: { beheerder: 200, ontwikkelaar: 403, leerling: 403, partner: 403, foreign: 404, anonymous: 401 },
  },
  {
    method: 'PUT',
    url: '/api/overeenkomsten/:id/medezeggenschap',
    request: ({ org, ids }) => ({ url: `/api/overeenkomsten/${ids.overeenkomsten!.terOndertekening}/medezeggenschap`, payload: { organisatieId: org, orgaan: 'mr', uitkomst: 'instemming', datum: '2026-11-01' } }),
    expect: { beheerder: 200, ontwikkelaar: 403, leerling: 403, partner: 403, foreign: 404, anonymous: 401 },
  },
  {
    method: 'POST',
    url: '/api/overeenkomsten/:id/nieuwe-versie',
    request: ({ actor, ids }) => ({ url: `/api/overeenkomsten/${ids.overeenkomsten!.ondertekend[actor] ?? ids.overeenkomsten!.ondertekend.beheerder}/nieuwe-versie` }),
    expect: { beheerder: 201, ontwikkelaar: 201, leerling: 403, partner: 201, foreign: 404, anonymous: 401 },
  },
  {
    method: 'GET',
    url: '/api/overeenkomsten/:id/verschil',
    request: ({ ids }) => ({ url: `/api/overeenkomsten/${ids.overeenkomsten!.versie2}/verschil?met=${ids.overeenkomsten!.versie1}` }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
  },
  ...(['docx', 'pdf'] as const).map(
    (formaat): Row => ({
      method: 'GET',
      url: `/api/overeenkomsten/:id/overeenkomst.${formaat}`,
      request: ({ ids }) => ({ url: `/api/overeenkomsten/${ids.overeenkomsten!.concept.beheerder}/overeenkomst.${formaat}` }),
      expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
    }),
  ),
  {
    method: 'GET',
    url: '/api/leerroutes/:routeId/overeenkomsten',
    request: ({ ids }) => ({ url: `/api/leerroutes/${ids.leerroute!.route}/overeenkomsten` }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
  },
  // Leerroute exports (issue 6): the PTA of the route's keuzevak and the route document, read access as for the route.
  ...(['pta.xlsx?vak=K-PIE-16', 'pta.pdf?vak=K-PIE-16', 'document.docx', 'document.pdf'] as const).map(
    (file): Row => ({
      method: 'GET',
      url: `/api/leerroutes/:routeId/${file.split('?')[0]}`,
      request: ({ ids }) => ({ url: `/api/leerroutes/${ids.leerroute!.route}/${file}` }),
      expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
    }),
  ),
  // Wijzigingen in de landelijke data (issue 16): read for staff of a partner, the repair for beheerder/ontwikkelaar
  // (a preview of a row that does not exist changes nothing); the menu badge, watching and the mail setting for anyone signed in.
  {
    method: 'GET',
    url: '/api/partnerships/:id/wijzigingen',
    request: ({ ids }) => ({ url: `/api/partnerships/${ids.partnership}/wijzigingen` }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
  },
  {
    method: 'POST',
    url: '/api/partnerships/:id/wijzigingen/acties',
    request: ({ ids }) => ({ url: `/api/partnerships/${ids.partnership}/wijzigingen/acties`, payload: { ids: ['00000000-0000-4000-8000-000000000016'], actie: 'verplaatsen', voorbeeld: true } }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 },
  },
  { method: 'GET', url: '/api/mijn/wijzigingen', expect: { beheerder: 200, ontwikkelaar: 200, leerling: 200, partner: 200, foreign: 200, anonymous: 401 } },
  {
    method: 'GET',
    url: '/api/catalogus/volgen',
    request: () => ({ url: '/api/catalogus/volgen?item=keuzevak:K/PIE/16' }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 200, partner: 200, foreign: 200, anonymous: 401 },
  },
  {
    method: 'PUT',
    url: '/api/catalogus/volgen',
    request: () => ({ payload: { item: 'kwalificatie:25604', volgen: true } }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 200, partner: 200, foreign: 200, anonymous: 401 },
  },
  { method: 'GET', url: '/api/account/impact-mail', expect: { beheerder: 200, ontwikkelaar: 200, leerling: 200, partner: 200, foreign: 200, anonymous: 401 } },
  {
    method: 'PUT',
    url: '/api/account/impact-mail',
    request: () => ({ payload: { aan: true } }),
    expect: { beheerder: 200, ontwikkelaar: 200, leerling: 200, partner: 200, foreign: 200, anonymous: 401 },
  },
];

const key = (method: string, url: string) => `${method} ${url.replace(/\/$/, '')}`;
/** Under a public prefix but not public (issue 17: the zoekmonitor's votes). */
const NOT_PUBLIC_PREFIXES = ['/api/match/stemmen'];
const isPublic = (method: string, url: string) =>
  PUBLIC_ROUTES.has(key(method, url)) || (PUBLIC_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`)) && !NOT_PUBLIC_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`)));
/**
 * Issue 14 (pupils and the joint exam) needs more kinds of users than this matrix has (examinator, beoordelaar,
 * examencommissie, decaan of both sides, a pupil and another pupil). Its routes have their rows in these matrix files,
 * each with the same discipline: a route counts as listed here when its key ('GET /api/…') is written in one of them.
 */
const DELEGATED_MATRIX_FILES = ['leerlingen-authz.test.ts', 'examenplan-authz.test.ts', 'beoordeling-authz.test.ts', 'vrijstelling-authz.test.ts', 'menukaart-authz.test.ts', 'lob-authz.test.ts', 'case-import.test.ts', 'menukaart-keuze-authz.test.ts', 'regio-leden-authz.test.ts'];
const delegatedText = DELEGATED_MATRIX_FILES.map((f) => {
  const file = new URL(f, import.meta.url);
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}).join('\n');
const inMatrix = new Set([...MATRIX.map((r) => key(r.method, r.url)), ...[...delegatedText.matchAll(/'((?:GET|POST|PUT|PATCH|DELETE) \/api\/[^']*)'/g)].map((m) => m[1]!)]);
/** The /api routes that are neither public nor in the matrix (an old path of ADR 11 is checked as its new route's alias). */
const unlisted = (routes: Array<{ method: string; url: string }>) =>
  routes
    .filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD' && r.method !== 'OPTIONS' && !aliasOf(r.url))
    .filter((r) => !isPublic(r.method, r.url) && !inMatrix.has(key(r.method, r.url)))
    .map((r) => key(r.method, r.url));

describe('the authorization matrix check', () => {
  it('flags a new organisation route, a new method on a known path, and a look-alike of a public prefix', () => {
    expect(unlisted([{ method: 'GET', url: '/api/partnerships/:id/geheim' }, { method: 'DELETE', url: '/api/organisaties/:id/leden' }, { method: 'GET', url: '/api/mbo-privé' }, { method: 'GET', url: '/api/mbo/dossiers' }])).toEqual([
      'GET /api/partnerships/:id/geheim',
      'DELETE /api/organisaties/:id/leden',
      'GET /api/mbo-privé',
    ]);
  });
});

describe.skipIf(!databaseAvailable)(`authorization matrix (${TEST_DB})`, () => {
  let t: AccountsApp;
  let org: string;
  let ids: MatrixIds;
  beforeAll(async () => {
    t = await startAccountsApp();
    org = (await t.database.db.selectFrom('organisation').select('id').where('naam', '=', 'Demo Vmbo College').executeTakeFirstOrThrow()).id;
    const foreign = await createUser({ db: t.database.db, email: ACTOR_EMAIL.foreign, naam: 'Ander', organisatie: 'Ander College', soort: 'vmbo-school', rol: 'beheerder', password: 'demo-wachtwoord' });
    ids = await matrixSetup(org, foreign.organisationId);
    // The demo catalogue and one of its eindtermen, for the inventory and crosswalk rows.
    await seedDemoCatalogue(t.database.db);
    ids.eindterm = (await t.database.db.selectFrom('vmbo_item').select('id').where('kind', '=', 'eindterm').where('code', 'like', 'K/PIE/16%').orderBy('code').executeTakeFirstOrThrow()).id;
    ids.leerroute = await leerrouteMatrixSetup(t.app, ids.partnership);
    ids.selecties = await selectiesSetup(ids.partnership);
    ids.regels = await regelsSetup(ids.partnership, ids.leerroute.route, org);
    ids.overeenkomsten = await overeenkomstenSetup(ids.partnership, org);
  });

  /** Samenwerkingen, a vestiging and members for the rows of organisation management and samenwerkingen. */
  async function matrixSetup(vmbo: string, foreignOrg: string): Promise<MatrixIds> {
    const db = t.database.db;
    const roc = (await db.selectFrom('organisation').select('id').where('naam', '=', 'Demo ROC').executeTakeFirstOrThrow()).id;
    const partnership = (await db.selectFrom('partnership').select('id').where('naam', '=', 'Demo doorlopende leerroute techniek').executeTakeFirstOrThrow()).id;
    const beheerder = await signIn(t.app, ACTOR_EMAIL.beheerder);
    const post = async (url: string, payload: object) => {
      const res = await t.app.inject({ method: 'POST', url, headers: asUser(beheerder), payload });
      if (res.statusCode !== 201) throw new Error(`setup ${url}: ${res.statusCode} ${res.body}`);
      return res.json() as { id: string };
    };
    // The demo samenwerking has an open proposal for the foreign organisation (declined in its row).
    await post(`/api/partnerships/${partnership}/organisations`, { organisatieId: foreignOrg });
    const proposedToForeign = (await post('/api/partnerships', { naam: 'Matrix: voorstel aan Ander College', organisatieId: vmbo, partners: [foreignOrg] })).id;
    const toLeave = await insertPartnership(db, 'Matrix: om te verlaten', [vmbo, roc]);
    const candidateOrg = await insertOrganisation(db, { naam: 'Matrix Kandidaat College', soort: 'vmbo-school' });
    const vestiging = (await db.selectFrom('vestiging').select('id').where('organisation_id', '=', vmbo).executeTakeFirstOrThrow()).id;
    const vestigingToDelete = (await post(`/api/organisaties/${vmbo}/vestigingen`, { naam: 'Matrix: te verwijderen vestiging' })).id;
    const vestigingToDeleteAlias = (await post(`/api/organisaties/${vmbo}/vestigingen`, { naam: 'Matrix: te verwijderen vestiging (oud adres)' })).id;
    const memberWithRoles = (await createUser({ db, email: 'matrix-rollen@vmbo.demo', naam: 'Matrix Rollen', organisatie: 'Demo Vmbo College', rol: 'ontwikkelaar' })).userId;
    await insertMembership(db, { userId: memberWithRoles, organisationId: vmbo, rol: 'examinator' });
    const memberToRemove = (await createUser({ db, email: 'matrix-lid@vmbo.demo', naam: 'Matrix Lid', organisatie: 'Demo Vmbo College', rol: 'decaan' })).userId;
    const memberWithRolesAlias = (await createUser({ db, email: 'matrix-rollen-oud@vmbo.demo', naam: 'Matrix Rollen Oud', organisatie: 'Demo Vmbo College', rol: 'ontwikkelaar' })).userId;
    await insertMembership(db, { userId: memberWithRolesAlias, organisationId: vmbo, rol: 'examinator' });
    const memberToRemoveAlias = (await createUser({ db, email: 'matrix-lid-oud@vmbo.demo', naam: 'Matrix Lid Oud', organisatie: 'Demo Vmbo College', rol: 'decaan' })).userId;
    const orgToLeave = await insertOrganisation(db, { naam: 'Matrix: om te verlaten', soort: 'vmbo-school' });
    const orgToLeaveAlias = await insertOrganisation(db, { naam: 'Matrix: om te verlaten (oud adres)', soort: 'vmbo-school' });
    for (const [email, rol] of [[ACTOR_EMAIL.beheerder, 'beheerder'], [ACTOR_EMAIL.ontwikkelaar, 'ontwikkelaar'], [ACTOR_EMAIL.leerling, 'leerling']] as const) {
      const userId = (await db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
      await insertMembership(db, { userId, organisationId: orgToLeave, rol });
      await insertMembership(db, { userId, organisationId: orgToLeaveAlias, rol });
    }
    const withoutBeheerder = await insertOrganisation(db, { naam: 'Matrix: zonder beheerder', soort: 'mbo-instelling' });
    return {
      partnership,
      proposedToForeign,
      toLeave,
      candidateOrg,
      foreignOrg,
      vestiging,
      vestigingToDelete,
      memberWithRoles,
      memberToRemove,
      orgToLeave,
      withoutBeheerder,
      memberWithRolesAlias,
      memberToRemoveAlias,
      vestigingToDeleteAlias,
      orgToLeaveAlias,
    };
  }
  /** A saved selection per writing actor to rename and one to delete (each at versie 1). */
  async function selectiesSetup(partnership: string): Promise<NonNullable<MatrixIds['selecties']>> {
    const beheerder = await signIn(t.app, ACTOR_EMAIL.beheerder);
    const out: NonNullable<MatrixIds['selecties']> = { hernoemen: {}, verwijderen: {} };
    for (const doel of ['hernoemen', 'verwijderen'] as const) {
      for (const actor of ['beheerder', 'ontwikkelaar', 'partner'] as const) {
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/partnerships/${partnership}/inventaris/selecties`,
          headers: asUser(beheerder),
          payload: { naam: `Matrix ${doel} ${actor}`, selectie: { keuzevakken: 'K/PIE/16', kwalificatie: '25282' } },
        });
        if (res.statusCode !== 201) throw new Error(`setup selectie: ${res.statusCode} ${res.body}`);
        out[doel][actor] = (res.json() as { id: string }).id;
      }
    }
    return out;
  }
  /** Regelbank: per writing actor a rule marked on the matrix route (to unmark), and docentinzet at versie 1 to change and to delete. */
  async function regelsSetup(partnership: string, route: string, vmbo: string): Promise<NonNullable<MatrixIds['regels']>> {
    const beheerder = await signIn(t.app, ACTOR_EMAIL.beheerder);
    const send = async (method: 'PUT' | 'POST', url: string, payload: object, expected: number) => {
      const res = await t.app.inject({ method, url, headers: asUser(beheerder), payload });
      if (res.statusCode !== expected) throw new Error(`setup ${url}: ${res.statusCode} ${res.body}`);
      return res.json() as { id?: string };
    };
    const out: NonNullable<MatrixIds['regels']> = { markering: {}, wijzigen: {}, verwijderen: {} };
    const rules = { beheerder: 'lob-in-pta', ontwikkelaar: 'aanmelden-1-april', partner: 'ovk-vastleggen' } as const;
    for (const actor of ['beheerder', 'ontwikkelaar', 'partner'] as const) {
      await send('PUT', `/api/leerroutes/${route}/regels/${rules[actor]}/markering`, { reden: `Matrix: markering van ${actor}` }, 200);
      out.markering[actor] = rules[actor];
      for (const doel of ['wijzigen', 'verwijderen'] as const) {
        const made = await send('POST', `/api/partnerships/${partnership}/docentinzet`, { schooljaar: '2026-2027', naamOfRol: `Matrix ${doel} ${actor}`, organisatieId: vmbo, bevoegdheid: 'tweedegraads', uren: 8 }, 201);
        out[doel][actor] = made.id!;
      }
    }
    return out;
  }
  /** Samenwerkingsovereenkomsten: general agreements on LOB (complete as proposed), in the states the rows need. */
  async function overeenkomstenSetup(partnership: string, vmbo: string): Promise<NonNullable<MatrixIds['overeenkomsten']>> {
    const db = t.database.db;
    const roc = (await db.selectFrom('organisation').select('id').where('naam', '=', 'Demo ROC').executeTakeFirstOrThrow()).id;
    const beheerder = await signIn(t.app, ACTOR_EMAIL.beheerder);
    const rocBeheerder = await signIn(t.app, 'beheerder@roc.demo');
    const send = async (session: typeof beheerder, method: 'POST', url: string, payload: object | undefined, expected: number) => {
      const res = await t.app.inject({ method, url, headers: asUser(session), ...(payload ? { payload } : {}) });
      if (res.statusCode !== expected) throw new Error(`setup ${url}: ${res.statusCode} ${res.body}`);
      return res.json() as { id: string; versie: number };
    };
    const maak = async () => (await send(beheerder, 'POST', `/api/partnerships/${partnership}/overeenkomsten`, { soort: 'algemeen', onderwerpen: ['lob'] }, 201)).id;
    const aanbieden = (id: string) => send(beheerder, 'POST', `/api/overeenkomsten/${id}/status`, { naar: 'ter-ondertekening', versie: 1 }, 200);
    const tekenen = async (id: string) => {
      await send(beheerder, 'POST', `/api/overeenkomsten/${id}/ondertekeningen`, { organisatieId: vmbo, naam: 'Bea Beheerder', functie: 'Bestuurder', datum: '2026-11-01' }, 200);
      await send(rocBeheerder, 'POST', `/api/overeenkomsten/${id}/ondertekeningen`, { organisatieId: roc, naam: 'Rik Beheerder', functie: 'Bestuurder', datum: '2026-11-01' }, 200);
    };
    const out: NonNullable<MatrixIds['overeenkomsten']> = { concept: {}, compleet: {}, ondertekend: {}, terOndertekening: '', versie1: '', versie2: '' };
    for (const actor of ['beheerder', 'ontwikkelaar', 'partner'] as const) {
      out.concept[actor] = await maak();
      out.compleet[actor] = await maak();
      const getekend = await maak();
      await aanbieden(getekend);
      await tekenen(getekend);
      out.ondertekend[actor] = getekend;
    }
    out.terOndertekening = await maak();
    await aanbieden(out.terOndertekening);
    out.versie1 = await maak();
    await aanbieden(out.versie1);
    await tekenen(out.versie1);
    out.versie2 = (await send(beheerder, 'POST', `/api/overeenkomsten/${out.versie1}/nieuwe-versie`, undefined, 201)).id;
    return out;
  }
  afterAll(async () => {
    await t?.close();
  });

  it('has a row for every /api route that is not public', () => {
    const routes = registeredRoutes(t.app).filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD' && r.method !== 'OPTIONS');
    expect(routes.length).toBeGreaterThan(10);
    expect(unlisted(routes), 'routes without a row in the authorization matrix (add them to MATRIX in test/integration/authz-matrix.test.ts)').toEqual([]);
    // And the matrix names no route that does not exist.
    const registered = new Set(routes.map((r) => key(r.method, r.url)));
    expect(MATRIX.map((r) => key(r.method, r.url)).filter((k) => !registered.has(k))).toEqual([]);
    // Organisation routes can never be declared public.
    expect(routes.filter((r) => /^\/api\/(organisations|organisaties|auth\/me)/.test(r.url) && isPublic(r.method, r.url))).toEqual([]);
  });

  it('has, for every old path (ADR 11 alias), a row of its new route', () => {
    const aliasRoutes = registeredRoutes(t.app).filter((r) => aliasOf(r.url) && r.method !== 'HEAD');
    expect(aliasRoutes.length).toBeGreaterThanOrEqual(ALIASES.length);
    expect(aliasRoutes.filter((r) => !inMatrix.has(key(r.method, aliasOf(r.url)!.to))).map((r) => key(r.method, r.url))).toEqual([]);
  });

  it('marks every old path deprecated in /api/docs, and no new one', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    const paths = (res.json() as { paths: Record<string, Record<string, { deprecated?: boolean }>> }).paths;
    const openapi = (url: string) => url.replace(/:(\w+)/g, '{$1}');
    for (const alias of ALIASES) {
      const old = Object.values(paths[openapi(alias.from)] ?? {});
      expect(old.length, alias.from).toBeGreaterThan(0);
      expect(old.every((op) => op.deprecated === true), alias.from).toBe(true);
      expect(Object.values(paths[openapi(alias.to)] ?? {}).some((op) => op.deprecated), alias.to).toBe(false);
    }
  });

  for (const row of MATRIX) {
    it(`${row.method} ${row.url}: ${ACTORS.map((a) => `${a} ${row.expect[a]}`).join(', ')}`, async () => {
      const got: Partial<Record<ActorKind, number>> = {};
      for (const actor of ACTORS) {
        // A fresh session per cell, so that logout in one cell does not affect another.
        const session = actor === 'anonymous' ? undefined : await signIn(t.app, ACTOR_EMAIL[actor]);
        const built = row.request?.({ org, actor, ids, alias: false }) ?? {};
        const res = await t.app.inject({
          method: row.method as 'GET',
          url: built.url ?? row.url.replace(':id', org),
          headers: session ? asUser(session) : {},
          ...(built.payload !== undefined ? { payload: built.payload as object } : {}),
        });
        got[actor] = res.statusCode;
        if (res.statusCode >= 400) expect(res.headers['content-type'], `${actor}: problem+json`).toMatch(/application\/problem\+json/);
      }
      expect(got).toEqual(row.expect);
    });
  }

  // ADR 11: an old path answers as its new route (same handler, schema and authorization), and says it is deprecated.
  const aliasRows = MATRIX.flatMap((row) => ALIASES.filter((a) => a.to === row.url).map((alias) => ({ row, alias })));
  for (const { row, alias } of aliasRows) {
    it(`${row.method} ${alias.from} (old path of ${row.url}): as its new route, with Deprecation, Sunset and Link`, async () => {
      const got: Partial<Record<ActorKind, number>> = {};
      for (const actor of ACTORS) {
        const session = actor === 'anonymous' ? undefined : await signIn(t.app, ACTOR_EMAIL[actor]);
        const built = row.request?.({ org, actor, ids, alias: true }) ?? {};
        const newUrl = built.url ?? row.url.replace(':id', org);
        const res = await t.app.inject({
          method: row.method as 'GET',
          url: oldPathOf(alias, newUrl),
          headers: session ? asUser(session) : {},
          ...(built.payload !== undefined ? { payload: built.payload as object } : {}),
        });
        got[actor] = res.statusCode;
        if (res.statusCode >= 400) expect(res.headers['content-type'], `${actor}: problem+json`).toMatch(/application\/problem\+json/);
        expect(res.headers.deprecation, actor).toBe(`@${alias.deprecatedAt}`);
        expect(res.headers.sunset, actor).toBe(alias.sunset.toUTCString());
        expect(alias.sunset.getTime() - alias.deprecatedAt * 1000).toBeGreaterThanOrEqual(90 * 24 * 3600 * 1000);
        expect(res.headers.link, actor).toBe(`<${newUrl}>; rel="successor-version"`);
      }
      expect(got).toEqual(row.expect);
    });
  }
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
