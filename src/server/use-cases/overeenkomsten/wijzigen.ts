/**
 * Changing agreements (issue 13), each one unit of work like changeRoute (src/server/use-cases/leerroutes): access
 * checked inside the transaction (the agreement row locked), the change and its history entry in that transaction,
 * the whole agreement read after the commit. Bad input is a Dutch 400 and a stale versie or a change of a frozen
 * version a 409; either way nothing is stored.
 *
 * Write: beheerder/ontwikkelaar of a partner. Signing and recording the medezeggenschap: a beheerder of that party.
 * Ending a signed agreement: a beheerder of a party.
 */
import type { Kysely, Transaction } from 'kysely';
import { clausuleById, CLAUSULESET, clausulesVoor } from '../../../domain/overeenkomst/clausules.js';
import { magVoorPartijTekenen, nietWijzigbaar, orgaanPastBij, overgang, volledigheid } from '../../../domain/overeenkomst/overeenkomst.js';
import { voorstel, type VoorstelInput } from '../../../domain/overeenkomst/voorstel.js';
import { LEERROUTE_TYPE_NAMEN } from '../../../shared/leerroute-api.js';
import {
  ORGAAN_NAMEN, OVEREENKOMST_SOORT_NAMEN, type MedezeggenschapVastleggen, type Ondertekenen, type OvereenkomstAanmaken, type OvereenkomstDetail, type OvereenkomstInstellingen,
  type OvereenkomstSoort, type StatusWijzigen,
} from '../../../shared/overeenkomst-api.js';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden, notFound, validationFailed } from '../../errors.js';
import * as repo from '../../repositories/overeenkomst-repository.js';
import * as routeRepo from '../../repositories/leerroute-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { actingOrganisation } from '../../access/leerroute.js';
import { routeDetail } from '../leerroutes/get-route.js';
import { authorizePartnership, type PartnershipAccess } from '../../access/partnership.js';
import { openOvereenkomst, OVEREENKOMST_NOT_FOUND, type OvereenkomstAccess } from './access.js';
import { overeenkomstDetail, tekstenVan } from './detail.js';

const conflict = (melding: string) => new AppError('conflict', melding);
const stale = (wat: string) => conflict(`${wat} is intussen door iemand anders gewijzigd. Laad de overeenkomst opnieuw; uw wijziging is niet opgeslagen.`);

interface ChangeContext extends OvereenkomstAccess {
  trx: Transaction<DB>;
  historie: (actie: string, omschrijving: string, details?: Record<string, unknown>) => Promise<void>;
}

/** One change of one agreement: in a transaction, after the access check in it, answered with the whole agreement. */
async function changeOvereenkomst(
  opts: UseCaseContext & { id: string; action?: 'partnership.read' | 'partnership.write' },
  change: (ctx: ChangeContext) => Promise<string | void>,
): Promise<OvereenkomstDetail> {
  // Outside the transaction first, so an outsider or a wrong role is answered without taking a lock.
  await openOvereenkomst({ db: opts.db, auth: opts.auth, id: opts.id, action: opts.action ?? 'partnership.write' });
  const { id, access } = await opts.db.transaction().execute(async (trx) => {
    const opened = await openOvereenkomst({ db: trx, auth: opts.auth, id: opts.id, action: opts.action ?? 'partnership.write', lock: true });
    const other = await change({
      ...opened,
      trx,
      historie: (actie, omschrijving, details) => repo.appendHistorie(trx, { overeenkomstId: opened.row.id, userId: opened.by.userId, organisationId: opened.by.organisationId, actie, omschrijving, details }),
    });
    return { id: other ?? opened.row.id, access: opened.access };
  });
  const row = await repo.findOvereenkomst(opts.db, id);
  if (!row) throw notFound(OVEREENKOMST_NOT_FOUND);
  return overeenkomstDetail(opts.db, row, access);
}

function vereistConcept(row: repo.OvereenkomstRow): void {
  if (row.status !== 'concept') throw conflict(nietWijzigbaar(row.status));
}

function bekendeClausule(soort: OvereenkomstSoort, clausuleId: string): void {
  if (!clausulesVoor(soort).some((c) => c.id === clausuleId)) {
    const melding = clausuleById(clausuleId)
      ? `Clausule ${clausuleId} hoort niet bij een overeenkomst van de soort ${OVEREENKOMST_SOORT_NAMEN[soort]}.`
      : `Clausule ${clausuleId} bestaat niet.`;
    throw validationFailed(melding, [{ path: 'params.clausuleId', message: melding }]);
  }
}

/** The routes asked for, all of this samenwerking (400 naming the others). */
async function checkRoutes(db: Kysely<DB> | Transaction<DB>, partnershipId: string, ids: readonly string[]): Promise<Array<{ id: string; naam: string }>> {
  const uniek = [...new Set(ids)];
  const found = await repo.routesInPartnership(db, partnershipId, uniek);
  if (found.length !== uniek.length) {
    const melding = 'Een gekozen leerroute bestaat niet (meer) in deze samenwerking.';
    throw validationFailed(melding, [{ path: 'body.leerrouteIds', message: melding }]);
  }
  return found;
}

function checkDekking(soort: OvereenkomstSoort, routes: readonly unknown[], onderwerpen: readonly unknown[]): void {
  if (soort !== 'algemeen' && routes.length === 0) {
    const melding = `Een overeenkomst voor een ${OVEREENKOMST_SOORT_NAMEN[soort].toLowerCase()} dekt minstens één leerroute van de samenwerking.`;
    throw validationFailed(melding, [{ path: 'body.leerrouteIds', message: melding }]);
  }
  if (routes.length === 0 && onderwerpen.length === 0) {
    const melding = 'Kies minstens één leerroute of één onderwerp zonder route (gastdocenten, faciliteiten, LOB, gezamenlijke beoordeling).';
    throw validationFailed(melding, [{ path: 'body.onderwerpen', message: melding }]);
  }
}

/** The plain inputs of the proposal: parties and, per covered route, what the route model knows. */
async function voorstelInput(trx: Transaction<DB>, access: PartnershipAccess, samenwerking: string, routeIds: readonly string[], onderwerpen: VoorstelInput['onderwerpen']): Promise<VoorstelInput> {
  const partijen = await repo.partijenVan(trx, access.memberOrganisationIds);
  const routes: VoorstelInput['routes'][number][] = [];
  for (const id of routeIds) {
    const row = await routeRepo.findRoute(trx, id);
    if (!row) continue;
    const r = await routeDetail(trx, row, access);
    const orgNaam = (oid: string | null) => (oid ? (r.partners.find((p) => p.id === oid)?.naam ?? null) : null);
    routes.push({
      naam: r.naam,
      typeNaam: LEERROUTE_TYPE_NAMEN[r.type],
      diplomas: r.diplomas,
      leidtTot: r.leidtTot,
      profiel: r.vmbo.profiel,
      leerweg: r.vmbo.leerweg,
      keuzevakken: r.vmbo.keuzevakken,
      kwalificatie: r.mbo.kwalificatie,
      keuzedelen: r.mbo.keuzedelen,
      tijdpad: r.tijdpad.map((j) => ({ leerjaar: j.leerjaar, fase: j.fase, organisatie: j.organisatie?.naam ?? null })),
      activiteiten: r.activiteiten.map((a) => ({ titel: a.titel, leerjaar: a.leerjaar, organisatie: orgNaam(a.organisatieId), uren: a.uren })),
      materialen: r.materialen.map((m) => ({ titel: m.titel, soort: m.soort, organisatie: orgNaam(m.organisatieId) })),
    });
  }
  return { samenwerking, partijen, routes, onderwerpen };
}

// ---------------------------------------------------------------------------------------------------------------

export async function createOvereenkomst(opts: UseCaseContext & { partnershipId: string; input: OvereenkomstAanmaken }): Promise<OvereenkomstDetail> {
  await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.write' });
  const { input } = opts;
  const { id, access } = await opts.db.transaction().execute(async (trx) => {
    const access = await authorizePartnership({ db: trx as Kysely<DB>, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.write' });
    const by = { userId: access.auth.user.id, organisationId: actingOrganisation(access.auth, access.memberOrganisationIds) };
    const routes = await checkRoutes(trx, opts.partnershipId, input.leerrouteIds);
    const onderwerpen = [...new Set(input.onderwerpen)];
    checkDekking(input.soort, routes, onderwerpen);
    const samenwerking = (await repo.partnershipNaam(trx, opts.partnershipId)) ?? '';
    const titel = input.titel ?? `${OVEREENKOMST_SOORT_NAMEN[input.soort]}${routes.length ? `: ${routes.map((r) => r.naam).join(', ')}` : ''}`.slice(0, 200);
    const id = await repo.insertOvereenkomst(trx, { documentversie: 1, voorgangerId: null, partnershipId: opts.partnershipId, soort: input.soort, titel, onderwerpen, clausuleset: CLAUSULESET.versie, by });
    await repo.setLeerroutes(trx, id, routes.map((r) => r.id));
    const teksten = voorstel(input.soort, await voorstelInput(trx, access, samenwerking, routes.map((r) => r.id), onderwerpen));
    await repo.insertClausules(trx, id, [...teksten].map(([clausuleId, tekst]) => ({ clausuleId, tekst, voorstel: true })), by);
    await repo.appendHistorie(trx, {
      overeenkomstId: id,
      userId: by.userId,
      organisationId: by.organisationId,
      actie: 'overeenkomst.aangemaakt',
      omschrijving: `Overeenkomst aangemaakt (${OVEREENKOMST_SOORT_NAMEN[input.soort]}), met een voorstel voor de clausules.`,
      details: { soort: input.soort, leerroutes: routes.map((r) => r.id), onderwerpen },
    });
    return { id, access };
  });
  const row = await repo.findOvereenkomst(opts.db, id);
  return overeenkomstDetail(opts.db, row!, access);
}

export async function changeInstellingen(opts: UseCaseContext & { id: string; input: OvereenkomstInstellingen }): Promise<OvereenkomstDetail> {
  return changeOvereenkomst(opts, async ({ trx, row, by, historie }) => {
    vereistConcept(row);
    const routes = await checkRoutes(trx, row.partnershipId, opts.input.leerrouteIds);
    const onderwerpen = [...new Set(opts.input.onderwerpen)];
    checkDekking(row.soort as OvereenkomstSoort, routes, onderwerpen);
    if (row.versie !== opts.input.versie || !(await repo.updateInstellingen(trx, row.id, opts.input.versie, { titel: opts.input.titel, onderwerpen }, by))) throw stale('De overeenkomst');
    await repo.setLeerroutes(trx, row.id, routes.map((r) => r.id));
    await historie('overeenkomst.instellingen', `Titel, leerroutes en onderwerpen gewijzigd (${routes.length} leerroute(s)).`, { leerroutes: routes.map((r) => r.id), onderwerpen });
  });
}

export async function changeClausule(opts: UseCaseContext & { id: string; clausuleId: string; versie: number; tekst: string }): Promise<OvereenkomstDetail> {
  return changeOvereenkomst(opts, async ({ trx, row, by, historie }) => {
    bekendeClausule(row.soort as OvereenkomstSoort, opts.clausuleId);
    vereistConcept(row);
    const tekst = opts.tekst.replace(/\r\n?/g, '\n').trim();
    const current = (await repo.clausulesVan(trx, [row.id])).find((c) => c.clausuleId === opts.clausuleId);
    const titel = clausuleById(opts.clausuleId)!.titel;
    if (!current || current.versie !== opts.versie || !(await repo.updateClausule(trx, row.id, opts.clausuleId, opts.versie, tekst, by))) throw stale(`Clausule ${titel}`);
    await repo.touchOvereenkomst(trx, row.id, by);
    await historie('clausule.gewijzigd', `Clausule ${titel} gewijzigd.`, { clausule: opts.clausuleId, versie: opts.versie + 1, tekens: tekst.length });
  });
}

export async function addOpmerking(opts: UseCaseContext & { id: string; clausuleId: string; tekst: string }): Promise<OvereenkomstDetail> {
  return changeOvereenkomst(opts, async ({ trx, row, by, historie }) => {
    bekendeClausule(row.soort as OvereenkomstSoort, opts.clausuleId);
    await repo.insertOpmerking(trx, { overeenkomstId: row.id, clausuleId: opts.clausuleId, tekst: opts.tekst, userId: by.userId, organisationId: by.organisationId });
    await historie('opmerking.geplaatst', `Opmerking bij ${clausuleById(opts.clausuleId)!.titel}.`, { clausule: opts.clausuleId });
  });
}

/** The frozen copy of a version, as it is signed. */
async function bevriezen(trx: Transaction<DB>, row: repo.OvereenkomstRow): Promise<repo.Bevroren> {
  const [routes, clausules, ondertekeningen, medezeggenschap] = await Promise.all([
    repo.leerroutesVan(trx, [row.id]),
    repo.clausulesVan(trx, [row.id]),
    repo.ondertekeningenVan(trx, row.id),
    repo.medezeggenschapVan(trx, row.id),
  ]);
  return {
    titel: row.titel,
    leerroutes: routes.get(row.id) ?? [],
    onderwerpen: row.onderwerpen,
    partijen: row.partijen ?? [],
    clausules: clausules.map((c) => ({ id: c.clausuleId, tekst: c.tekst, versie: c.versie })),
    ondertekeningen: ondertekeningen.map((t) => ({ organisationId: t.organisationId, naam: t.naam, functie: t.functie, datum: t.datum })),
    medezeggenschap: medezeggenschap.map((m) => ({ organisationId: m.organisationId, orgaan: m.orgaan, uitkomst: m.uitkomst, datum: m.datum })),
  };
}

export async function changeStatus(opts: UseCaseContext & { id: string; input: StatusWijzigen }): Promise<OvereenkomstDetail> {
  const { naar, versie } = opts.input;
  return changeOvereenkomst(opts, async ({ trx, row, by, access, historie }) => {
    if (naar === 'beeindigd' && !access.memberOrganisationIds.some((org) => magVoorPartijTekenen(access.auth.actor, org))) {
      throw forbidden('Alleen een beheerder van een van de partijen kan een overeenkomst beëindigen.');
    }
    const soort = row.soort as OvereenkomstSoort;
    const clausules = await repo.clausulesVan(trx, [row.id]);
    const uitkomst = overgang(row.status, naar, { volledig: volledigheid(soort, tekstenVan(clausules)) });
    if (!uitkomst.ok) throw uitkomst.soort === 'conflict' ? conflict(uitkomst.melding) : validationFailed(uitkomst.melding, [{ path: 'body.naar', message: uitkomst.melding }]);
    if (row.versie !== versie) throw stale('De overeenkomst');
    if (naar === 'ter-ondertekening') {
      const routes = (await repo.leerroutesVan(trx, [row.id])).get(row.id) ?? [];
      checkDekking(soort, routes, row.onderwerpen);
      const partijen = await repo.partijenVan(trx, access.memberOrganisationIds);
      if (!(await repo.setStatus(trx, row.id, 'concept', { status: 'ter-ondertekening', partijen, ingediend: true }, by, versie))) throw stale('De overeenkomst');
      await historie('overeenkomst.ter-ondertekening', `Ter ondertekening aangeboden aan ${partijen.map((p) => p.naam).join(' en ')}.`, { partijen: partijen.map((p) => p.id) });
    } else if (naar === 'concept') {
      const ingetrokken = await repo.deleteOndertekeningen(trx, row.id);
      if (!(await repo.setStatus(trx, row.id, 'ter-ondertekening', { status: 'concept', partijen: null, ingediend: null }, by, versie))) throw stale('De overeenkomst');
      await historie('overeenkomst.concept', `Teruggezet naar concept${ingetrokken ? `; ${ingetrokken} ondertekening(en) vervallen` : ''}.`, { ingetrokken });
    } else {
      const reden = (opts.input.reden ?? '').trim();
      if (reden.length < 5) throw validationFailed('Geef aan waarom de overeenkomst wordt beëindigd.', [{ path: 'body.reden', message: 'geef een reden van minstens 5 tekens' }]);
      if (!(await repo.setStatus(trx, row.id, 'ondertekend', { status: 'beeindigd', beeindigdReden: reden }, by, versie))) throw stale('De overeenkomst');
      await historie('overeenkomst.beeindigd', `Beëindigd: ${reden}`, { reden });
    }
  });
}

/** The signing date: a real date, not before 2000 and not after tomorrow. */
function checkDatum(datum: string, veld: string): void {
  const d = Date.parse(`${datum}T00:00:00Z`);
  const morgen = Date.now() + 36 * 3600 * 1000;
  if (!(d >= Date.parse('2000-01-01T00:00:00Z') && d <= morgen)) {
    throw validationFailed('De datum ligt in de toekomst of te ver terug.', [{ path: `body.${veld}`, message: 'een datum vanaf 2000 en niet in de toekomst' }]);
  }
}

export async function onderteken(opts: UseCaseContext & { id: string; input: Ondertekenen }): Promise<OvereenkomstDetail> {
  const { input } = opts;
  return changeOvereenkomst({ ...opts, action: 'partnership.read' }, async ({ trx, row, by, access, historie }) => {
    // Authorization first: only a beheerder of that organisation signs for it.
    if (!magVoorPartijTekenen(access.auth.actor, input.organisatieId)) throw forbidden('Alleen een beheerder van die organisatie kan namens haar ondertekenen.');
    if (row.status !== 'ter-ondertekening') {
      throw conflict(row.status === 'concept' ? 'Deze overeenkomst is nog een concept. Bied haar eerst ter ondertekening aan.' : nietWijzigbaar(row.status));
    }
    const partijen = row.partijen ?? [];
    const partij = partijen.find((p) => p.id === input.organisatieId);
    if (!partij) throw validationFailed('Deze organisatie is geen partij bij de overeenkomst.', [{ path: 'body.organisatieId', message: 'geen partij bij deze overeenkomst' }]);
    checkDatum(input.datum, 'datum');
    if (!(await repo.insertOndertekening(trx, { overeenkomstId: row.id, organisationId: partij.id, naam: input.naam, functie: input.functie, datum: input.datum, userId: by.userId }))) {
      throw conflict(`${partij.naam} heeft deze overeenkomst al ondertekend.`);
    }
    await historie('overeenkomst.ondertekend-door', `Ondertekend namens ${partij.naam} door ${input.naam} (${input.functie}).`, { organisatie: partij.id, datum: input.datum });
    const getekend = new Set((await repo.ondertekeningenVan(trx, row.id)).map((t) => t.organisationId));
    if (partijen.every((p) => getekend.has(p.id))) {
      // The last signature: the version is frozen, and a signed earlier version of the same agreement is replaced.
      const bevroren = await bevriezen(trx, row);
      if (!(await repo.setStatus(trx, row.id, 'ter-ondertekening', { status: 'ondertekend', bevroren, ondertekend: true }, by))) throw stale('De overeenkomst');
      for (const eerder of await repo.listVersies(trx, row.reeksId)) {
        if (eerder.id !== row.id && eerder.status === 'ondertekend') {
          await repo.setStatus(trx, eerder.id, 'ondertekend', { status: 'beeindigd', beeindigdReden: `Vervangen door versie ${row.documentversie}.` }, by);
          await repo.appendHistorie(trx, { overeenkomstId: eerder.id, userId: by.userId, organisationId: by.organisationId, actie: 'overeenkomst.vervangen', omschrijving: `Vervangen door versie ${row.documentversie}.`, details: { door: row.id } });
        }
      }
      await historie('overeenkomst.ondertekend', 'Door alle partijen ondertekend; deze versie ligt nu vast.', {});
    } else await repo.touchOvereenkomst(trx, row.id, by);
  });
}

export async function legMedezeggenschapVast(opts: UseCaseContext & { id: string; input: MedezeggenschapVastleggen }): Promise<OvereenkomstDetail> {
  const { input } = opts;
  return changeOvereenkomst({ ...opts, action: 'partnership.read' }, async ({ trx, row, by, access, historie }) => {
    if (!magVoorPartijTekenen(access.auth.actor, input.organisatieId)) throw forbidden('Alleen een beheerder van die organisatie legt de medezeggenschap namens haar vast.');
    if (row.status === 'ondertekend' || row.status === 'beeindigd') throw conflict(nietWijzigbaar(row.status));
    if (!access.memberOrganisationIds.includes(input.organisatieId)) throw validationFailed('Deze organisatie is geen partner in de samenwerking.', [{ path: 'body.organisatieId', message: 'geen partner' }]);
    const [partij] = await repo.partijenVan(trx, [input.organisatieId]);
    if (!partij || !orgaanPastBij(input.orgaan, partij.soort)) {
      const melding = `De ${ORGAAN_NAMEN[input.orgaan].toLowerCase()} hoort niet bij een ${partij?.soort ?? 'onbekende organisatie'}: een vmbo-school heeft een medezeggenschapsraad (mr), een mbo-instelling een deelnemersraad en een ondernemingsraad.`;
      throw validationFailed(melding, [{ path: 'body.orgaan', message: melding }]);
    }
    checkDatum(input.datum, 'datum');
    await repo.upsertMedezeggenschap(trx, { overeenkomstId: row.id, organisationId: input.organisatieId, orgaan: input.orgaan, uitkomst: input.uitkomst, datum: input.datum, toelichting: input.toelichting, userId: by.userId });
    await repo.touchOvereenkomst(trx, row.id, by);
    await historie('medezeggenschap.vastgelegd', `${input.uitkomst === 'instemming' ? 'Instemming' : 'Advies'} van de ${orgaanWoord(input.orgaan)} van ${partij.naam} vastgelegd (${input.datum}).`, { organisatie: partij.id, orgaan: input.orgaan, uitkomst: input.uitkomst, datum: input.datum });
  });
}
const orgaanWoord = (o: keyof typeof ORGAAN_NAMEN) => ORGAAN_NAMEN[o].toLowerCase();

/** A change of a signed version: a new version (concept) in the same reeks, with the texts, routes and subjects copied. */
export async function nieuweVersie(opts: UseCaseContext & { id: string }): Promise<OvereenkomstDetail> {
  return changeOvereenkomst(opts, async ({ trx, row, by, historie }) => {
    if (row.status !== 'ondertekend') {
      throw conflict(row.status === 'beeindigd' ? 'Een beëindigde overeenkomst krijgt geen nieuwe versie; maak een nieuwe overeenkomst.' : 'Alleen van een ondertekende versie maakt u een nieuwe versie; deze versie kunt u nog zelf wijzigen.');
    }
    const versies = await repo.listVersies(trx, row.reeksId);
    const open = versies.find((v) => v.status === 'concept' || v.status === 'ter-ondertekening');
    if (open) throw conflict(`Er is al een nieuwe versie (versie ${open.documentversie}) in bewerking. Werk daarin verder.`);
    const soort = row.soort as OvereenkomstSoort;
    const nummer = Math.max(...versies.map((v) => v.documentversie)) + 1;
    const id = await repo.insertOvereenkomst(trx, { reeksId: row.reeksId, documentversie: nummer, voorgangerId: row.id, partnershipId: row.partnershipId, soort, titel: row.titel, onderwerpen: row.onderwerpen, clausuleset: CLAUSULESET.versie, by });
    const routes = (await repo.leerroutesVan(trx, [row.id])).get(row.id) ?? [];
    const nogActief = await repo.routesInPartnership(trx, row.partnershipId, routes.map((r) => r.id));
    await repo.setLeerroutes(trx, id, nogActief.map((r) => r.id));
    const oud = tekstenVan(await repo.clausulesVan(trx, [row.id]));
    await repo.insertClausules(trx, id, clausulesVoor(soort).map((c) => ({ clausuleId: c.id, tekst: oud.get(c.id) ?? '', voorstel: false })), by);
    await repo.appendHistorie(trx, { overeenkomstId: id, userId: by.userId, organisationId: by.organisationId, actie: 'overeenkomst.nieuwe-versie', omschrijving: `Versie ${nummer} gemaakt van versie ${row.documentversie}.`, details: { van: row.id } });
    await historie('overeenkomst.nieuwe-versie-gemaakt', `Nieuwe versie ${nummer} gemaakt.`, { nieuw: id });
    return id;
  }).catch((e: unknown) => {
    // Two people at the same moment: the one-open-version index lets one through.
    if (e instanceof Error && /overeenkomst_een_open_versie|duplicate key/.test(e.message)) throw conflict('Er is intussen al een nieuwe versie gemaakt. Laad de overeenkomst opnieuw.');
    throw e;
  });
}
