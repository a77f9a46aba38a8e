/**
 * Reading agreements (issue 13): the list of a samenwerking, one agreement with its clauses (completeness per clause,
 * comments, who changed what), parties, signatures, medezeggenschap, versions and history; and whether a signed
 * agreement covers a leerroute. Read: staff of a partner; outsiders 404.
 */
import type { Kysely } from 'kysely';
import { decide } from '../../../domain/auth/rules.js';
import { clausuleById, CLAUSULESET, clausulesVoor } from '../../../domain/overeenkomst/clausules.js';
import { beoordeelClausule, magVoorPartijTekenen, volledigheid } from '../../../domain/overeenkomst/overeenkomst.js';
import type { Onderwerp, Orgaan, OvereenkomstDetail, OvereenkomstLijst, OvereenkomstSamenvatting, OvereenkomstSoort, RouteDekking, Uitkomst } from '../../../shared/overeenkomst-api.js';
import type { DB } from '../../db/schema.js';
import { namesOf } from '../../repositories/leerroute-repository.js';
import * as repo from '../../repositories/overeenkomst-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { openRoute } from '../../access/leerroute.js';
import { authorizePartnership, type PartnershipAccess } from '../../access/partnership.js';
import { openOvereenkomst } from './access.js';

type Namen = { users: Map<string, string>; organisations: Map<string, string> };

function wie(n: Namen, s: { userId: string | null; organisationId: string | null; at: string }) {
  return {
    gebruiker: s.userId ? { id: s.userId, naam: n.users.get(s.userId) ?? '(verwijderd account)' } : null,
    organisatie: s.organisationId ? { id: s.organisationId, naam: n.organisations.get(s.organisationId) ?? '' } : null,
    op: s.at,
  };
}

/** Clause texts of an agreement by clause id. */
export function tekstenVan(clausules: readonly repo.ClausuleRow[]): Map<string, string> {
  return new Map(clausules.map((c) => [c.clausuleId, c.tekst]));
}

function samenvatting(o: repo.OvereenkomstRow, routes: Array<{ id: string; naam: string }>, clausules: readonly repo.ClausuleRow[], n: Namen): OvereenkomstSamenvatting {
  const v = volledigheid(o.soort as OvereenkomstSoort, tekstenVan(clausules));
  return {
    id: o.id,
    reeksId: o.reeksId,
    documentversie: o.documentversie,
    titel: o.bevroren?.titel ?? o.titel,
    soort: o.soort as OvereenkomstSoort,
    status: o.status,
    leerroutes: o.bevroren?.leerroutes ?? routes,
    onderwerpen: o.onderwerpen as Onderwerp[],
    compleet: { verplicht: v.verplicht, ingevuld: v.ingevuld },
    gewijzigd: wie(n, o.gewijzigd),
  };
}

async function summaries(db: Kysely<DB>, rows: readonly repo.OvereenkomstRow[]): Promise<OvereenkomstSamenvatting[]> {
  const ids = rows.map((r) => r.id);
  const [routes, clausules] = await Promise.all([repo.leerroutesVan(db, ids), repo.clausulesVan(db, ids)]);
  const n = await namesOf(db, [...new Set(rows.flatMap((r) => (r.gewijzigd.userId ? [r.gewijzigd.userId] : [])))], [...new Set(rows.flatMap((r) => (r.gewijzigd.organisationId ? [r.gewijzigd.organisationId] : [])))]);
  return rows.map((r) => samenvatting(r, routes.get(r.id) ?? [], clausules.filter((c) => c.overeenkomstId === r.id), n));
}

const kanSchrijven = (access: PartnershipAccess) => decide(access.auth.actor, 'partnership.write', { type: 'partnership', memberOrganisationIds: access.memberOrganisationIds }) === 'allow';

export async function listOvereenkomsten(opts: UseCaseContext & { partnershipId: string }): Promise<OvereenkomstLijst> {
  const access = await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.read' });
  const rows = await repo.listOvereenkomsten(opts.db, opts.partnershipId);
  return { overeenkomsten: await summaries(opts.db, rows), mijnRechten: { wijzigen: kanSchrijven(access) } };
}

/** The whole agreement for someone whose access was checked. */
export async function overeenkomstDetail(db: Kysely<DB>, o: repo.OvereenkomstRow, access: PartnershipAccess): Promise<OvereenkomstDetail> {
  const [routes, clausules, opmerkingen, ondertekeningen, medezeggenschap, versies, historie, samenwerking, huidigePartners] = await Promise.all([
    repo.leerroutesVan(db, [o.id]),
    repo.clausulesVan(db, [o.id]),
    repo.opmerkingenVan(db, o.id),
    repo.ondertekeningenVan(db, o.id),
    repo.medezeggenschapVan(db, o.id),
    repo.listVersies(db, o.reeksId),
    repo.historieVan(db, o.id),
    repo.partnershipNaam(db, o.partnershipId),
    o.partijen ? Promise.resolve(null) : repo.partijenVan(db, access.memberOrganisationIds),
  ]);
  const partijen = o.partijen ?? huidigePartners ?? [];
  const userIds = new Set<string>();
  const orgIds = new Set<string>(partijen.map((p) => p.id));
  const stamp = (s: { userId: string | null; organisationId: string | null }) => {
    if (s.userId) userIds.add(s.userId);
    if (s.organisationId) orgIds.add(s.organisationId);
  };
  stamp(o.gewijzigd);
  clausules.forEach((c) => stamp(c.gewijzigd));
  opmerkingen.forEach(stamp);
  ondertekeningen.forEach((t) => stamp({ userId: t.userId, organisationId: t.organisationId }));
  medezeggenschap.forEach((m) => stamp({ userId: m.userId, organisationId: m.organisationId }));
  historie.forEach(stamp);
  const n = await namesOf(db, [...userIds], [...orgIds]);
  const orgNaam = (id: string) => ({ id, naam: partijen.find((p) => p.id === id)?.naam ?? n.organisations.get(id) ?? '' });

  const soort = o.soort as OvereenkomstSoort;
  const teksten = tekstenVan(clausules);
  const v = volledigheid(soort, teksten);
  const rowById = new Map(clausules.map((c) => [c.clausuleId, c]));
  // The clauses of the soort (in its order), then any clause row the current set no longer names (kept, shown).
  const ids = [...clausulesVoor(soort).map((c) => c.id), ...clausules.map((c) => c.clausuleId).filter((id) => !clausulesVoor(soort).some((c) => c.id === id))];
  const verplicht = new Set(CLAUSULESET.soorten[soort].verplicht);
  const actor = access.auth.actor;

  return {
    ...samenvatting(o, routes.get(o.id) ?? [], clausules, n),
    versie: o.versie,
    samenwerking: { id: o.partnershipId, naam: samenwerking ?? '' },
    clausuleset: { versie: o.clausuleset, bron: CLAUSULESET.bron },
    partijen,
    clausules: ids.flatMap((id) => {
      const def = clausuleById(id);
      const row = rowById.get(id);
      if (!def) return [];
      const b = beoordeelClausule(row?.tekst ?? '', def, verplicht.has(id));
      return [
        {
          id,
          titel: def.titel,
          toelichting: def.toelichting,
          bron: def.bron,
          minLengte: def.minLengte,
          verplicht: verplicht.has(id),
          tekst: row?.tekst ?? '',
          versie: row?.versie ?? 1,
          voorstel: row?.voorstel ?? true,
          gewijzigd: row && !row.voorstel ? wie(n, row.gewijzigd) : null,
          status: b.status,
          melding: b.melding,
          opmerkingen: opmerkingen.filter((m) => m.clausuleId === id).map((m) => ({ id: m.id, tekst: m.tekst, door: wie(n, m) })),
        },
      ];
    }),
    kanTerOndertekening: v.kanTerOndertekening,
    ontbreekt: v.ontbreekt,
    ondertekeningen: ondertekeningen.map((t) => ({ organisatie: orgNaam(t.organisationId), naam: t.naam, functie: t.functie, datum: t.datum, vastgelegd: wie(n, { userId: t.userId, organisationId: t.organisationId, at: t.at }) })),
    medezeggenschap: medezeggenschap.map((m) => ({
      organisatie: orgNaam(m.organisationId),
      orgaan: m.orgaan as Orgaan,
      uitkomst: m.uitkomst as Uitkomst,
      datum: m.datum,
      toelichting: m.toelichting,
      vastgelegd: wie(n, { userId: m.userId, organisationId: m.organisationId, at: m.at }),
    })),
    ingediendOp: o.ingediendAt,
    ondertekendOp: o.ondertekendAt,
    beeindigd: o.beeindigdAt ? { op: o.beeindigdAt, reden: o.beeindigdReden ?? '' } : null,
    versies: versies.map((x) => ({ id: x.id, documentversie: x.documentversie, status: x.status, ondertekendOp: x.ondertekendAt })),
    historie: historie.map((h) => ({ op: h.at, omschrijving: h.omschrijving, door: wie(n, h) })),
    mijnRechten: {
      wijzigen: kanSchrijven(access),
      ondertekenenVoor: partijen.filter((p) => access.memberOrganisationIds.includes(p.id) && magVoorPartijTekenen(actor, p.id)).map((p) => p.id),
    },
  };
}

export async function getOvereenkomst(opts: UseCaseContext & { id: string }): Promise<OvereenkomstDetail> {
  const { row, access } = await openOvereenkomst({ ...opts, action: 'partnership.read' });
  return overeenkomstDetail(opts.db, row, access);
}

/** GET /api/leerroutes/:routeId/overeenkomsten: the agreements covering a route, and whether a signed one does. */
export async function routeDekking(opts: UseCaseContext & { routeId: string }): Promise<RouteDekking> {
  const { route } = await openRoute({ db: opts.db, auth: opts.auth, routeId: opts.routeId, action: 'partnership.read' });
  const rows = (await repo.overeenkomstenVanRoute(opts.db, route.id)).filter((r) => r.partnershipId === route.partnershipId);
  return { gedekt: rows.some((r) => r.status === 'ondertekend'), overeenkomsten: await summaries(opts.db, rows) };
}
