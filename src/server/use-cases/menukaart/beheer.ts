/**
 * Working on a region's menukaart (issue 15): a school proposes a module, the region's beheerder publishes it or
 * returns it with a reason, changes go by versie (stale: 409), the lifecycle (review, revision) and the exams taken.
 * Each write is one unit of work like changeRoute: the access check again inside the transaction with the module row
 * locked, the change and its audit entry in that transaction, the module read after the commit.
 */
import type { Kysely, Transaction } from 'kysely';
import { herzieningDeadlineFout, reviewDatumFout } from '../../../domain/menukaart/lifecycle.js';
import { decideInschrijvingen } from '../../../domain/menukaart/inschrijving.js';
import { decideMenukaart, voorstelScholen } from '../../../domain/menukaart/rules.js';
import { sectorenVan, profielVanCode } from '../../../domain/menukaart/sectoren.js';
import { slugVan } from '../../../domain/menukaart/filter.js';
import type {
  ExamensVastleggen, LevenscyclusWijzigen, MenukaartBeheer, MenukaartDashboard, MijnMenukaarten, ModuleBesluit, ModuleDetail, ModuleInvoer, ModuleStatus, ModuleWijzigen, VoorstelIntrekken,
} from '../../../shared/menukaart-api.js';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden, notFound, validationFailed, type FieldError } from '../../errors.js';
import * as repo from '../../repositories/menukaart-repository.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import { shareLockSchool } from '../../repositories/regio-repository.js';
import { snapshotOf, type CatalogSnapshot } from '../../read-models/catalogue-snapshot.js';
import { requireAuth } from '../../access/require-auth.js';
import type { UseCaseContext } from '../../access/context.js';
import { MODULE_NOT_FOUND, openModule, openRegio, type ModuleAccess, type RegioAccess } from './access.js';
import { levenscyclusVan, moduleDetail, samenvatting, vandaag } from './present.js';
import { vergeetPubliekeStand } from './publiek.js';

type Db = Kysely<DB> | Transaction<DB>;

const stale = () => new AppError('conflict', 'Deze module is intussen door iemand anders gewijzigd. Laad haar opnieuw; uw wijziging is niet opgeslagen.');

/** Statuses from which the providing school may withdraw its own proposal. */
const INTREKBAAR: readonly ModuleStatus[] = ['voorgesteld', 'teruggestuurd'];

/** Withdrawing a proposal is the providing school's own act (the region decides with 'intrekken' instead). */
const vanAanbieder = (a: RegioAccess, m: repo.ModuleRow) => a.auth.memberships.some((x) => x.organisationId === m.aanbiederId && x.rol !== 'leerling');

function magKort(a: RegioAccess, m: repo.ModuleRow): MenukaartBeheer['modulen'][number]['mag'] {
  const wijzigen = m.status !== 'ingetrokken' && decideMenukaart(a.auth.actor, 'wijzigen', a.scope, m) === 'allow';
  return { wijzigen, intrekken: wijzigen && INTREKBAAR.includes(m.status) && vanAanbieder(a, m), inschrijvingen: decideInschrijvingen(a.auth.actor, a.scope, m) === 'allow' };
}

function mag(a: RegioAccess, m: repo.ModuleRow): ModuleDetail['mag'] {
  const d = (actie: 'wijzigen' | 'besluiten' | 'levenscyclus' | 'examens') => decideMenukaart(a.auth.actor, actie, a.scope, m) === 'allow';
  const k = magKort(a, m);
  return { wijzigen: d('wijzigen'), besluiten: d('besluiten'), levenscyclus: d('levenscyclus'), examensVastleggen: d('examens'), intrekken: k.intrekken, inschrijvingen: k.inschrijvingen };
}

/** The menukaart row of the region, made at first use (its public address from the region's name). */
async function ensureMenukaart(trx: Db, regio: repo.RegioRow): Promise<repo.MenukaartRow> {
  const found = await repo.findMenukaart(trx, regio.id);
  if (found) return found;
  const basis = slugVan(regio.naam).slice(0, 70);
  let slug = basis;
  for (let n = 2; await repo.menukaartSlugBezet(trx, slug); n++) slug = `${basis}-${n}`;
  await repo.insertMenukaart(trx, { regioId: regio.id, slug, titel: `Menukaart ${regio.naam}` });
  return (await repo.findMenukaart(trx, regio.id))!;
}

async function detail(db: Db, a: RegioAccess, m: repo.ModuleRow): Promise<ModuleDetail> {
  const kaart = await ensureMenukaart(db, a.regio);
  return moduleDetail(db, m, { regioSlug: kaart.slug, regioNaam: a.regio.naam, intern: { mag: mag(a, m), peildatum: vandaag() } });
}

/** Staff of the region itself see every module, also proposals and returned ones. */
const regioStaf = (a: RegioAccess) => a.auth.memberships.some((m) => m.organisationId === a.regio.id && m.rol !== 'leerling');

/** The regions this user works in: as staff of the regio itself or of one of its schools. */
export async function mijnMenukaarten(opts: UseCaseContext): Promise<MijnMenukaarten> {
  const auth = requireAuth(opts.auth);
  const orgIds = [...new Set(auth.memberships.map((m) => m.organisationId))];
  const regios: MijnMenukaarten['regios'] = [];
  for (const regio of await repo.regiosVan(opts.db, orgIds)) {
    const scholen = await repo.regioScholen(opts.db, regio.id);
    const scope = { regioId: regio.id, scholen: scholen.map((s) => s.id) };
    if (decideMenukaart(auth.actor, 'lezen', scope) !== 'allow') continue;
    const kaart = await opts.db.transaction().execute((trx) => ensureMenukaart(trx, regio));
    const eigen = voorstelScholen(auth.actor, scope);
    regios.push({
      id: regio.id,
      naam: regio.naam,
      slug: kaart.slug,
      rol: auth.memberships.some((m) => m.organisationId === regio.id) ? 'regio' : 'school',
      scholen: scholen.filter((s) => eigen.includes(s.id)),
      magVoorstellen: eigen.length > 0,
      magBeheren: decideMenukaart(auth.actor, 'besluiten', scope) === 'allow',
    });
  }
  return { regios };
}

/** The working menukaart: the region's staff see every module; a school the published ones and its own. */
export async function getMenukaartBeheer(opts: UseCaseContext & { regioId: string }): Promise<MenukaartBeheer> {
  const a = await openRegio({ ...opts, actie: 'lezen' });
  const kaart = await opts.db.transaction().execute((trx) => ensureMenukaart(trx, a.regio));
  const magBeheren = decideMenukaart(a.auth.actor, 'besluiten', a.scope) === 'allow';
  const eigen = new Set(a.auth.memberships.map((m) => m.organisationId));
  const s = await snapshotOf(opts.db);
  const modulen = (await repo.listModules(opts.db, a.regio.id)).filter((m) => regioStaf(a) || m.status === 'gepubliceerd' || eigen.has(m.aanbiederId));
  const vestigingen = await repo.vestigingenVan(opts.db, a.scholen.map((x) => x.id));
  return {
    regio: { id: a.regio.id, naam: a.regio.naam, slug: kaart.slug },
    scholen: a.scholen.map((x) => ({ ...x, vestigingen: vestigingen.filter((v) => v.organisationId === x.id).map((v) => ({ id: v.id, naam: v.naam })) })),
    magBeheren,
    magVoorstellen: voorstelScholen(a.auth.actor, a.scope).length > 0,
    modulen: modulen.map((m) => ({ ...samenvatting(m, s), redenTeruggestuurd: m.redenTeruggestuurd, mag: magKort(a, m) })),
  };
}

export async function getModule(opts: UseCaseContext & { moduleId: string }): Promise<ModuleDetail> {
  const a = await openModule({ ...opts, actie: 'lezen' });
  // A school sees another school's proposal only once published (the region's staff see all).
  if (!regioStaf(a) && a.module.status !== 'gepubliceerd' && !a.auth.memberships.some((m) => m.organisationId === a.module.aanbiederId)) throw notFound(MODULE_NOT_FOUND);
  return detail(opts.db, a, a.module);
}

/** Checks the input against the catalogue and the region; answers the stored values (profielen and sectoren derived). */
async function checkInvoer(db: Db, s: CatalogSnapshot, a: RegioAccess, input: ModuleInvoer, moduleId: string | null): Promise<repo.ModuleValues> {
  const errors: FieldError[] = [];
  const fout = (path: string, message: string) => errors.push({ path: `body.${path}`, message });
  const upper = (l: readonly string[]) => [...new Set(l.map((c) => c.trim().toUpperCase()))];
  const keuzevakken = upper(input.keuzevakken);
  const profielmodulen = upper(input.profielmodulen);
  const keuzedelen = upper(input.keuzedelen);
  const kwalificaties = [...new Set(input.kwalificaties)];
  for (const [veld, kind, codes] of [['keuzevakken', 'keuzevak', keuzevakken], ['profielmodulen', 'profielmodule', profielmodulen]] as const) {
    for (const code of codes) if (!s.byKindCode.get(`${kind}|${code}`)?.some((r) => r.status === 'actief')) fout(veld, `${code} is geen ${kind} in de catalogus.`);
  }
  for (const code of keuzedelen) if (!s.mbo.keuzedelen.has(code)) fout('keuzedelen', `${code} is geen keuzedeel in de catalogus.`);
  for (const crebo of kwalificaties) if (!s.mbo.kwalificaties.has(crebo)) fout('kwalificaties', `Crebo ${crebo} is geen kwalificatie in de catalogus.`);
  const profielen = new Set(upper(input.profielen));
  for (const p of profielen) if (!s.byKindCode.has(`profiel|${p}`)) fout('profielen', `${p} is geen profiel in de catalogus.`);
  for (const c of [...keuzevakken, ...profielmodulen]) {
    const p = profielVanCode(c);
    if (p && s.byKindCode.has(`profiel|${p}`)) profielen.add(p);
  }
  if (!a.scholen.some((x) => x.id === input.aanbiederId)) fout('aanbiederId', 'De aanbieder is geen school van deze regio.');
  if (input.vestigingId) {
    const v = await repo.vestigingenVan(db, [input.aanbiederId]);
    if (!v.some((x) => x.id === input.vestigingId)) fout('vestigingId', 'Deze vestiging hoort niet bij de aanbieder.');
  }
  const voorwaarden = [...new Set(input.voorwaarden)];
  if (moduleId && voorwaarden.includes(moduleId)) fout('voorwaarden', 'Een module kan niet zichzelf als voorwaarde hebben.');
  const gevonden = await repo.modulesIn(db, a.regio.id, voorwaarden);
  if (gevonden.length !== voorwaarden.length) fout('voorwaarden', 'Een voorwaarde is geen module van deze menukaart.');
  if (gevonden.some((g) => g.soort === 'verdiepend') && input.soort === 'kennismakend') fout('voorwaarden', 'Een kennismakende module vraagt geen verdiepende module vooraf.');
  if (input.leerrouteId) {
    const route = await repo.leerrouteMetPartners(db, input.leerrouteId);
    if (!route || !route.partners.includes(input.aanbiederId)) fout('leerrouteId', 'Deze leerroute hoort niet bij een samenwerking van de aanbieder.');
  }
  if (errors.length > 0) throw validationFailed(errors[0]!.message, errors);
  const profielLijst = [...profielen].sort();
  return {
    titel: input.titel,
    beschrijving: input.beschrijving,
    soort: input.soort,
    omvangEenheden: input.omvangEenheden,
    aanbiederId: input.aanbiederId,
    vestigingId: input.vestigingId,
    locatie: input.locatie,
    leerjaar: input.leerjaar,
    periode: input.periode,
    leerwegen: [...new Set(input.leerwegen)],
    capaciteit: input.capaciteit,
    voorwaarden,
    keuzevakken,
    profielmodulen,
    keuzedelen,
    kwalificaties,
    profielen: profielLijst,
    sectoren: sectorenVan(profielLijst),
    leerrouteId: input.leerrouteId,
  };
}

async function vrijeSlug(db: Db, regioId: string, titel: string, behalve?: string): Promise<string> {
  const basis = slugVan(titel);
  let slug = basis;
  for (let n = 2; await repo.moduleSlugBezet(db, regioId, slug, behalve); n++) slug = `${basis}-${n}`;
  return slug;
}

/** A school proposes a module (beheerder/ontwikkelaar of a school of the region, for a school of the region it is in). */
export async function proposeModule(opts: UseCaseContext & { regioId: string; input: ModuleInvoer }): Promise<ModuleDetail> {
  const a = await openRegio({ ...opts, actie: 'voorstellen' });
  if (!voorstelScholen(a.auth.actor, a.scope).includes(opts.input.aanbiederId) && a.scholen.some((x) => x.id === opts.input.aanbiederId)) {
    const melding = 'U kunt alleen een module voorstellen namens een school waar u beheerder of ontwikkelaar bent.';
    throw validationFailed(melding, [{ path: 'body.aanbiederId', message: melding }]);
  }
  const s = await snapshotOf(opts.db);
  const id = await opts.db.transaction().execute(async (trx) => {
    // A school leaving its region locks its row (regio-leden): the proposal waits for it, then sees the membership as it is.
    await shareLockSchool(trx, opts.input.aanbiederId);
    const inner = await openRegio({ db: trx, auth: opts.auth, regioId: opts.regioId, actie: 'voorstellen' });
    await ensureMenukaart(trx, inner.regio);
    const values = await checkInvoer(trx, s, inner, opts.input, null);
    const slug = await vrijeSlug(trx, inner.regio.id, values.titel);
    const moduleId = await repo.insertModule(trx, { ...values, regioId: inner.regio.id, slug, ingediendDoor: inner.auth.user.id });
    await appendAudit(trx, {
      actorUserId: inner.auth.user.id,
      organisationId: values.aanbiederId,
      action: 'menukaart.module_voorgesteld',
      subjectType: 'menukaart_module',
      subjectId: moduleId,
      details: { titel: values.titel, regio: inner.regio.naam, regioId: inner.regio.id },
    });
    return moduleId;
  });
  vergeetPubliekeStand(opts.db);
  const m = await repo.findModule(opts.db, id);
  return detail(opts.db, a, m!);
}

/** One change of one module: access checked again with the row locked, the change and its audit entry together. */
async function changeModule(
  opts: UseCaseContext & { moduleId: string; actie: 'wijzigen' | 'besluiten' | 'levenscyclus' | 'examens' },
  change: (trx: Transaction<DB>, a: ModuleAccess) => Promise<void>,
): Promise<ModuleDetail> {
  await openModule({ ...opts, actie: opts.actie });
  const a = await opts.db.transaction().execute(async (trx) => {
    const inner = await openModule({ db: trx, auth: opts.auth, moduleId: opts.moduleId, actie: opts.actie, lock: true });
    await change(trx, inner);
    return inner;
  });
  vergeetPubliekeStand(opts.db);
  const m = await repo.findModule(opts.db, opts.moduleId);
  if (!m) throw notFound(MODULE_NOT_FOUND);
  return detail(opts.db, a, m);
}

/**
 * Changing a module: the region's beheerder at any time; the providing school too, but a school's change of a
 * published module sends it back to the region ('voorgesteld'), as a returned one after its change.
 */
export async function wijzigModule(opts: UseCaseContext & { moduleId: string; input: ModuleWijzigen }): Promise<ModuleDetail> {
  const s = await snapshotOf(opts.db);
  return changeModule({ ...opts, actie: 'wijzigen' }, async (trx, a) => {
    if (a.module.versie !== opts.input.versie) throw stale();
    if (a.module.status === 'ingetrokken') throw new AppError('conflict', 'Deze module is van de menukaart gehaald en kan niet meer worden gewijzigd.');
    const values = await checkInvoer(trx, s, a, opts.input, a.module.id);
    const regio = decideMenukaart(a.auth.actor, 'besluiten', a.scope) === 'allow';
    const status: ModuleStatus | undefined = !regio && a.module.status !== 'voorgesteld' ? 'voorgesteld' : undefined;
    const slug = a.module.status === 'gepubliceerd' ? a.module.slug : await vrijeSlug(trx, a.regio.id, values.titel, a.module.id);
    if (!(await repo.updateModule(trx, a.module.id, opts.input.versie, { ...values, slug, status }))) throw stale();
    await appendAudit(trx, {
      actorUserId: a.auth.user.id,
      organisationId: regio ? a.regio.id : values.aanbiederId,
      action: 'menukaart.module_gewijzigd',
      subjectType: 'menukaart_module',
      subjectId: a.module.id,
      details: { titel: values.titel, regio: a.regio.naam, regioId: a.regio.id, ...(status ? { opnieuwVoorgesteld: true } : {}) },
    });
  });
}

const BESLUIT: Record<ModuleBesluit['actie'], { status: ModuleStatus; van: readonly ModuleStatus[]; action: string }> = {
  publiceren: { status: 'gepubliceerd', van: ['voorgesteld', 'teruggestuurd', 'ingetrokken'], action: 'menukaart.module_gepubliceerd' },
  terugsturen: { status: 'teruggestuurd', van: ['voorgesteld', 'gepubliceerd'], action: 'menukaart.module_teruggestuurd' },
  intrekken: { status: 'ingetrokken', van: ['voorgesteld', 'teruggestuurd', 'gepubliceerd'], action: 'menukaart.module_ingetrokken' },
};
const STATUS_WOORD: Record<ModuleStatus, string> = { voorgesteld: 'voorgesteld', teruggestuurd: 'teruggestuurd', gepubliceerd: 'gepubliceerd', ingetrokken: 'ingetrokken' };

/** The region's beheerder publishes a module, returns it with a reason, or withdraws it. */
export async function besluitModule(opts: UseCaseContext & { moduleId: string; input: ModuleBesluit }): Promise<ModuleDetail> {
  return changeModule({ ...opts, actie: 'besluiten' }, async (trx, a) => {
    if (a.module.versie !== opts.input.versie) throw stale();
    const b = BESLUIT[opts.input.actie];
    if (!b.van.includes(a.module.status)) throw new AppError('conflict', `Deze module is al ${STATUS_WOORD[a.module.status]}.`);
    const reden = opts.input.reden ?? null;
    if (!(await repo.setModuleStatus(trx, a.module.id, opts.input.versie, { status: b.status, reden, door: a.auth.user.id }))) throw stale();
    await appendAudit(trx, {
      actorUserId: a.auth.user.id,
      organisationId: a.regio.id,
      action: b.action,
      subjectType: 'menukaart_module',
      subjectId: a.module.id,
      details: { titel: a.module.titel, regio: a.regio.naam, aanbiederId: a.module.aanbiederId, ...(reden ? { reden } : {}) },
    });
  });
}

/**
 * The providing school withdraws its own proposal while it waits for the region or was returned (a published module
 * is taken off the menukaart by the region). Kept as 'ingetrokken' for the counts; the region may still publish it.
 */
export async function trekVoorstelIn(opts: UseCaseContext & { moduleId: string; input: VoorstelIntrekken }): Promise<ModuleDetail> {
  return changeModule({ ...opts, actie: 'wijzigen' }, async (trx, a) => {
    if (!vanAanbieder(a, a.module)) throw forbidden('Een voorstel trekt de school zelf in. De regio haalt een module van de menukaart met een besluit.');
    if (a.module.versie !== opts.input.versie) throw stale();
    if (!INTREKBAAR.includes(a.module.status))
      throw new AppError(
        'conflict',
        a.module.status === 'gepubliceerd' ? 'Deze module staat op de menukaart. Vraag de beheerder van de regio haar van de menukaart te halen.' : `Deze module is al ${STATUS_WOORD[a.module.status]}.`,
      );
    if (!(await repo.setModuleStatus(trx, a.module.id, opts.input.versie, { status: 'ingetrokken', reden: null, door: a.auth.user.id }))) throw stale();
    await appendAudit(trx, {
      actorUserId: a.auth.user.id,
      organisationId: a.module.aanbiederId,
      action: 'menukaart.voorstel_ingetrokken',
      subjectType: 'menukaart_module',
      subjectId: a.module.id,
      details: { titel: a.module.titel, regio: a.regio.naam, aanbiederId: a.module.aanbiederId },
    });
  });
}

/** The region's beheerder records the last review and assigns (or closes) a revision with its deadline. */
export async function wijzigLevenscyclus(opts: UseCaseContext & { moduleId: string; input: LevenscyclusWijzigen; peildatum?: string }): Promise<ModuleDetail> {
  const peildatum = opts.peildatum ?? vandaag();
  return changeModule({ ...opts, actie: 'levenscyclus' }, async (trx, a) => {
    if (a.module.versie !== opts.input.versie) throw stale();
    const errors: FieldError[] = [];
    if (opts.input.laatsteReview) {
      const f = reviewDatumFout(opts.input.laatsteReview, peildatum);
      if (f) errors.push({ path: 'body.laatsteReview', message: f });
    }
    if (opts.input.herziening) {
      const f = herzieningDeadlineFout(opts.input.herziening.deadline, peildatum);
      if (f) errors.push({ path: 'body.herziening.deadline', message: f });
    }
    if (errors.length > 0) throw validationFailed(errors[0]!.message, errors);
    if (!(await repo.setLevenscyclus(trx, a.module.id, opts.input.versie, { laatsteReview: opts.input.laatsteReview, herziening: opts.input.herziening }))) throw stale();
    await appendAudit(trx, {
      actorUserId: a.auth.user.id,
      organisationId: a.regio.id,
      action: 'menukaart.levenscyclus_gewijzigd',
      subjectType: 'menukaart_module',
      subjectId: a.module.id,
      details: {
        titel: a.module.titel,
        ...(opts.input.laatsteReview !== undefined ? { laatsteReview: opts.input.laatsteReview } : {}),
        ...(opts.input.herziening !== undefined ? { herzieningDeadline: opts.input.herziening?.deadline ?? null } : {}),
      },
    });
  });
}

/** The provider (or the region) records how many pupils of a school took the module's exam in a schooljaar. */
export async function legExamensVast(opts: UseCaseContext & { moduleId: string; input: ExamensVastleggen }): Promise<ModuleDetail> {
  return changeModule({ ...opts, actie: 'examens' }, async (trx, a) => {
    const school = a.scholen.find((x) => x.id === opts.input.schoolId);
    if (!school) {
      const melding = 'Deze school hoort niet bij de regio.';
      throw validationFailed(melding, [{ path: 'body.schoolId', message: melding }]);
    }
    await repo.upsertExamenTelling(trx, { moduleId: a.module.id, schooljaar: opts.input.schooljaar, schoolId: school.id, aantal: opts.input.aantal, door: a.auth.user.id });
    await appendAudit(trx, {
      actorUserId: a.auth.user.id,
      organisationId: a.module.aanbiederId,
      action: 'menukaart.examens_vastgelegd',
      subjectType: 'menukaart_module',
      subjectId: a.module.id,
      details: { titel: a.module.titel, schooljaar: opts.input.schooljaar, school: school.naam, aantal: opts.input.aantal },
    });
  });
}

/** The region's dashboard: reviews due, revisions overdue, removal proposals, modules waiting, uptake per school. */
export async function menukaartDashboard(opts: UseCaseContext & { regioId: string; peildatum?: string }): Promise<MenukaartDashboard> {
  const a = await openRegio({ ...opts, actie: 'dashboard' });
  const peildatum = opts.peildatum ?? vandaag();
  const alle = await repo.listModules(opts.db, a.regio.id);
  const actief = alle.filter((m) => m.status === 'gepubliceerd');
  const tellingen = await repo.examenTellingen(opts.db, actief);
  const reviewsNodig: MenukaartDashboard['reviewsNodig'] = [];
  const herzieningenVerlopen: MenukaartDashboard['herzieningenVerlopen'] = [];
  const voorstellenVerwijderen: MenukaartDashboard['voorstellenVerwijderen'] = [];
  for (const m of actief) {
    const l = levenscyclusVan(m, tellingen, peildatum);
    if (l.reviewNodig) reviewsNodig.push({ id: m.id, titel: m.titel, aanbieder: m.aanbiederNaam, volgendeReview: l.volgendeReview });
    if (l.herziening?.verlopen) herzieningenVerlopen.push({ id: m.id, titel: m.titel, aanbieder: m.aanbiederNaam, deadline: l.herziening.deadline });
    if (l.voorstelVerwijderen) voorstellenVerwijderen.push({ id: m.id, titel: m.titel, aanbieder: m.aanbiederNaam, laatsteExamen: l.laatsteExamen });
  }
  const titels = new Map(actief.map((m) => [m.id, m.titel]));
  const deelname = new Map<string, MenukaartDashboard['deelname'][number]>();
  for (const t of tellingen) {
    const key = `${t.moduleId}|${t.schoolId}|${t.schooljaar}`;
    const cur = deelname.get(key);
    if (cur) cur.aantal += t.aantal;
    else deelname.set(key, { moduleId: t.moduleId, titel: titels.get(t.moduleId) ?? '', school: t.schoolNaam, schooljaar: t.schooljaar, aantal: t.aantal });
  }
  return {
    peildatum,
    reviewsNodig: reviewsNodig.sort((x, y) => (x.volgendeReview ?? '').localeCompare(y.volgendeReview ?? '')),
    herzieningenVerlopen,
    voorstellenVerwijderen,
    wachtOpBesluit: alle.filter((m) => m.status === 'voorgesteld').length,
    deelname: [...deelname.values()].sort((x, y) => y.schooljaar.localeCompare(x.schooljaar) || x.titel.localeCompare(y.titel, 'nl') || x.school.localeCompare(y.school, 'nl')),
  };
}
