/**
 * Demo mode (issue 14): one worked example of the joint exam in the demo samenwerking, so that the exam roles of the
 * demo have something to open when they sign in. Made in the transaction of the demo seed
 * (seed-demo-organisations.ts), step by step as the people of the demo would do it in the browser, through the same
 * use cases (their access decisions, checks and audit entries):
 *
 *  1. Daan Docent (docent@vmbo.demo) makes the leerroute "Ondernemen en ondernemend gedrag", type keuzevak-keuzedeel:
 *     vmbo keuzevak K/EO/05 Ondernemen with mbo keuzedeel K0072 Ondernemend gedrag (a mini-onderneming closes both).
 *     He plans its two eindtermen in leerjaar 4, periode 1, with the lessons of the mini-onderneming; Roos Docent
 *     (docent@roc.demo) plans the keuzedeel beside them, with a workshop the ROC gives and its workbook, so that the
 *     designer's steps and the coverage show a route two schools filled in together;
 *  2. Bea Beheerder (beheerder@vmbo.demo) starts the group "4 BB economie" of Demo Vmbo College in the current
 *     schooljaar (the default einddatum and bewaartermijn of every group), adds Lars Leerling with only what the
 *     exam needs (leerlingnummer, name, klas, leerweg, and the birth date the extraneus registration asks for; no
 *     BSN, no ECK iD), and invites him; Lars (leerling@vmbo.demo) accepts, which links his account to the record;
 *  3. Daan makes the exam for that group with grondslag extraneus, adds the keuzevak's PTA toets it serves, and
 *     writes its plan (two onderdelen, five criteria covering both eindtermen of the keuzevak, Eva Examinator as 1st
 *     and Bram Beoordelaar as 2nd assessor, the afname a week before the seed), and submits it; Emma Examencommissie
 *     (examencommissie@roc.demo) vaststelt it;
 *  4. Eva Examinator (examinator@vmbo.demo) registers Lars as extraneus, and Rik Beheerder (beheerder@roc.demo, the
 *     ROC's student administration) marks him ingeschreven.
 *
 * It stops there: the exam has been taken and the 1st and 2nd assessment are still to do (the forms are made when an
 * assessor opens the exam's list), then the examencommissie vaststelt the results. README "Demo users" says what each
 * account can try.
 *
 * The use cases open their own transactions; here they all run in the one transaction of the seed (`inSeed`), so the
 * example is made together with the demo accounts or not at all. The example needs the demo catalogue (the keuzevak
 * and the keuzedeel); main.ts loads it before the accounts, so in demo mode it is always there. A database whose
 * demo accounts were made without a catalogue (some tests do that) gets no example.
 */
import type { Kysely, Transaction } from 'kysely';
import { ActiviteitToevoegen, LeerrouteAanmaken, MateriaalToevoegen, PlanningToevoegen, ToetsToevoegen, type LeerrouteDetail } from '../../shared/leerroute-api.js';
import { ExamenplanInhoud } from '../../shared/examen-api.js';
import { ExamenAanmaken } from '../../shared/examenplan-api.js';
import { CohortAanmaken, LeerlingInvoer } from '../../shared/leerlingen-api.js';
import { dagInNederland } from '../../domain/leerlingen/bewaartermijn.js';
import { schooljaarVan } from '../../domain/menukaart/keuze.js';
import type { AuthContext } from '../access/context.js';
import type { DB } from '../db/schema.js';
import type { MailQueue, OutgoingMail } from '../mail/mailer.js';
import { findUserByEmail, membershipsOf } from '../repositories/account-repository.js';
import { snapshotOf } from '../read-models/catalogue-snapshot.js';
import { findByKindAndCode } from '../repositories/vmbo-catalog-repository.js';
import { createRoute } from '../use-cases/leerroutes/create-route.js';
import { addToets } from '../use-cases/leerroutes/toetsen.js';
import { planItems } from '../use-cases/leerroutes/planning.js';
import { addActiviteit } from '../use-cases/leerroutes/activiteiten.js';
import { addMateriaal } from '../use-cases/leerroutes/materialen.js';
import { createCohort } from '../use-cases/leerlingen/cohorten.js';
import { addLeerling, inviteLeerling } from '../use-cases/leerlingen/leerlingen.js';
import { acceptInvitationSignedIn } from '../use-cases/organisations/invitations.js';
import { createExamen } from '../use-cases/examens/examens.js';
import { indienen, savePlan, vaststellen } from '../use-cases/examens/plan.js';
import { aanmeldenLeerlingen, inschrijvenLeerlingen } from '../use-cases/examens/inschrijvingen.js';

export const DEMO_EXAMEN = {
  route: 'Ondernemen en ondernemend gedrag',
  keuzevak: 'K/EO/05',
  keuzedeel: 'K0072',
  cohort: '4 BB economie',
  leerlingnummer: '240117',
} as const;

/** The address the invitation link goes to; never sent (the mail stays in this module), only its token is used. */
const SEED_URL = 'http://demo.invalid';

/**
 * A handle on the seed's transaction that the use cases can take as their database: their own
 * `db.transaction().execute(fn)` runs `fn` in the seed's transaction (one all-or-nothing unit) instead of opening a
 * nested one, which Kysely does not allow.
 */
function inSeed(trx: Transaction<DB>): Kysely<DB> {
  return new Proxy(trx, {
    get(target, prop) {
      if (prop === 'transaction') return () => ({ execute: <T>(fn: (t: Transaction<DB>) => Promise<T>) => fn(target) });
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as unknown as Kysely<DB>;
}

/** A demo person as the use cases see a signed-in user (as the command line does for whom it acts for). */
async function als(db: Kysely<DB>, email: string): Promise<AuthContext> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new Error(`demo-examen: geen demo-account ${email}`);
  const memberships = await membershipsOf(db, user.id);
  return {
    sessionId: 'demo-seed',
    user: { id: user.id, email: user.email, naam: user.naam },
    platformBeheerder: user.platformBeheerder,
    memberships,
    actor: { userId: user.id, memberships: memberships.map((m) => ({ organisationId: m.organisationId, rol: m.rol })) },
    csrfToken: '',
    csrfTokenHash: '',
  };
}

const dagenVoor = (dag: string, n: number) => new Date(Date.parse(`${dag}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** Whether the catalogue holds what the example is made of (the demo catalogue does). */
async function catalogusCompleet(db: Kysely<DB>): Promise<boolean> {
  const snapshot = await snapshotOf(db);
  return snapshot.mbo.keuzedelen.has(DEMO_EXAMEN.keuzedeel) && findByKindAndCode(snapshot, 'keuzevak', DEMO_EXAMEN.keuzevak).length > 0;
}

/** Step 1's planning, lessons and material: each teacher fills in the part of their own school. */
async function planDemoRoute(db: Kysely<DB>, { route, daan, roos }: { route: LeerrouteDetail; daan: AuthContext; roos: AuthContext }): Promise<void> {
  const eindtermen = route.doelen.filter((d) => d.soort === 'eindterm').map((d) => d.id);
  const keuzedeel = route.doelen.filter((d) => d.soort === 'keuzedeel').map((d) => d.id);
  const school = (soort: string) => route.partners.find((p) => p.soort === soort)?.id ?? null;
  const routeId = route.id;
  await planItems({ db, auth: daan, routeId, input: PlanningToevoegen.parse({ items: eindtermen, leerjaar: 4, periode: 1 }) });
  await planItems({ db, auth: roos, routeId, input: PlanningToevoegen.parse({ items: keuzedeel, leerjaar: 4, periode: 1 }) });
  await addActiviteit({
    db,
    auth: daan,
    routeId,
    input: ActiviteitToevoegen.parse({
      leerjaar: 4,
      periode: 1,
      titel: 'Lessenserie: een mini-onderneming opzetten',
      omschrijving: 'Acht weken, twee lessen per week: een productidee kiezen, de doelgroep onderzoeken, inkoop en verkoopprijs berekenen en de begroting maken. Afsluiting met de schoolmarkt.',
      doelen: [...eindtermen, ...keuzedeel],
      organisatieId: school('vmbo-school'),
      uren: 24,
    }),
  });
  await addActiviteit({
    db,
    auth: roos,
    routeId,
    input: ActiviteitToevoegen.parse({
      leerjaar: 4,
      periode: 1,
      titel: 'Workshop ondernemend gedrag op het ROC',
      omschrijving: 'Een middag op het ROC met studenten van de opleiding Ondernemer: kansen zien, een pitch houden en feedback vragen aan een ondernemer uit de regio.',
      doelen: keuzedeel,
      organisatieId: school('mbo-instelling'),
      uren: 4,
    }),
  });
  await addMateriaal({
    db,
    auth: roos,
    routeId,
    input: MateriaalToevoegen.parse({
      leerjaar: 4,
      periode: 1,
      titel: 'Werkboek ondernemend gedrag (ROC)',
      soort: 'methode',
      omschrijving: 'Opdrachten en reflectievragen bij de workshop; de leerling houdt er zijn ervaringen als ondernemer in bij.',
      organisatieId: school('mbo-instelling'),
    }),
  });
}

/** Makes the worked example in the seed's transaction; false (nothing made) when the catalogue lacks its parts. */
export async function seedDemoExamen(trx: Transaction<DB>, ids: { partnership: string }, now = new Date()): Promise<boolean> {
  const db = inSeed(trx);
  if (!(await catalogusCompleet(db))) return false;
  // One after the other: a transaction has one connection.
  const daan = await als(db, 'docent@vmbo.demo');
  const roos = await als(db, 'docent@roc.demo');
  const bea = await als(db, 'beheerder@vmbo.demo');
  const lars = await als(db, 'leerling@vmbo.demo');
  const eva = await als(db, 'examinator@vmbo.demo');
  const bram = await als(db, 'beoordelaar@roc.demo');
  const emma = await als(db, 'examencommissie@roc.demo');
  const rik = await als(db, 'beheerder@roc.demo');
  const vandaag = dagInNederland(now);
  const schooljaar = schooljaarVan(vandaag);

  // 1. The leerroute (Daan, ontwikkelaar of the vmbo school).
  const route = await createRoute({
    db,
    auth: daan,
    partnershipId: ids.partnership,
    input: LeerrouteAanmaken.parse({
      naam: DEMO_EXAMEN.route,
      type: 'keuzevak-keuzedeel',
      schooljaar,
      vmbo: { profiel: 'EO', leerweg: 'BB', keuzevakken: [DEMO_EXAMEN.keuzevak] },
      mbo: { keuzedelen: [DEMO_EXAMEN.keuzedeel] },
    }),
  });

  await planDemoRoute(db, { route, daan, roos });

  // 2. The group with Lars (Bea, beheerder of the vmbo school), and Lars's account linked through the invitation.
  const cohort = await createCohort({ db, auth: bea, routeId: route.id, input: CohortAanmaken.parse({ naam: DEMO_EXAMEN.cohort, schooljaar, leerjaar: 4 }) });
  const metLars = await addLeerling({
    db,
    auth: bea,
    cohortId: cohort.id,
    input: LeerlingInvoer.parse({ leerlingnummer: DEMO_EXAMEN.leerlingnummer, roepnaam: 'Lars', achternaam: 'Leerling', klas: '4B', leerweg: 'BB', geboortedatum: `${Number(schooljaar.slice(0, 4)) - 15}-03-14` }),
  });
  const leerling = metLars.leerlingen.find((l) => l.leerlingnummer === DEMO_EXAMEN.leerlingnummer)!;
  const mails: OutgoingMail[] = [];
  const bewaar = { enqueue: (m: OutgoingMail) => void mails.push(m) } as unknown as MailQueue;
  await inviteLeerling({ db, auth: bea, cohortId: cohort.id, leerlingId: leerling.id, input: { email: lars.user.email }, mail: bewaar, publicUrl: SEED_URL, now });
  const token = /#token=(\S+)/.exec(mails.at(-1)?.text ?? '')?.[1];
  if (!token) throw new Error('demo-examen: geen uitnodiging voor de demoleerling');
  await acceptInvitationSignedIn({ db, auth: lars, input: { token }, now });

  // 3. The exam and its plan (Daan writes and submits it; Emma, mbo examencommissie, vaststelt it).
  const examen = await createExamen({ db, auth: daan, routeId: route.id, input: ExamenAanmaken.parse({ cohortId: cohort.id, grondslag: 'extraneus' }) });
  const eindterm = (suffix: string) => examen.eindtermen.filter((e) => e.code.endsWith(suffix)).map((e) => e.id);
  const keuzedeel = examen.mboItems.filter((m) => m.soort === 'keuzedeel').map((m) => m.id);
  // The keuzevak's PTA toets that this exam is (the SE grade goes to the vmbo administration under its code).
  const metToets = await addToets({
    db,
    auth: daan,
    routeId: route.id,
    input: ToetsToevoegen.parse({
      leerjaar: 4,
      periode: 2,
      toetscode: 'EO-K05-PO',
      naam: 'Praktijkopdracht mini-onderneming (examen keuzedeel Ondernemend gedrag)',
      vorm: 'praktijkopdracht',
      soort: 'summatief',
      doelen: [...examen.eindtermen.map((e) => e.id), ...keuzedeel],
      herkansbaar: true,
      onderdeelVan: 'pta',
      seWeging: 100,
    }),
  });
  const ptaToets = metToets.toetsen.find((t) => t.toetscode === 'EO-K05-PO')!;
  const inhoud = ExamenplanInhoud.parse({
    onderdelen: [
      {
        id: 'ondernemingsplan',
        titel: 'Het ondernemingsplan',
        omschrijving: 'In tweetallen schrijven de leerlingen een plan voor een mini-onderneming op school: product, klanten, prijs en begroting.',
        criteria: [
          { id: 'plan-doelgroep', omschrijving: 'Beschrijft het product en de doelgroep, en waarom die klanten het zouden kopen', maxScore: 10, minimumScore: null, eindtermen: eindterm('-01'), werkprocessen: keuzedeel },
          { id: 'plan-begroting', omschrijving: 'Maakt een kloppende begroting: inkoop, kosten, verkoopprijs en verwachte opbrengst', maxScore: 10, minimumScore: 4, eindtermen: eindterm('-02'), werkprocessen: keuzedeel },
        ],
      },
      {
        id: 'onderneming',
        titel: 'De onderneming runnen en presenteren',
        omschrijving: 'De leerlingen verkopen twee weken op de schoolmarkt en presenteren daarna resultaat en leerpunten aan de twee beoordelaars.',
        criteria: [
          { id: 'run-initiatief', omschrijving: 'Neemt initiatief, maakt afspraken met klanten en teamgenoot en komt ze na', maxScore: 10, minimumScore: null, eindtermen: [], werkprocessen: keuzedeel },
          { id: 'run-resultaat', omschrijving: 'Berekent de werkelijke kosten en opbrengsten en vergelijkt ze met de begroting', maxScore: 10, minimumScore: null, eindtermen: eindterm('-02'), werkprocessen: keuzedeel },
          { id: 'run-reflectie', omschrijving: 'Presenteert het resultaat en zegt wat hij of zij als ondernemer een volgende keer anders doet', maxScore: 10, minimumScore: null, eindtermen: eindterm('-01'), werkprocessen: keuzedeel },
        ],
      },
    ],
    cesuur: { minimumPunten: 28 },
    resultaatvorm: 'behaald-niet-behaald',
    omzetting: { methode: 'lineair-cesuur' },
    ptaToetsId: ptaToets.id,
    datums: [
      { datum: dagenVoor(vandaag, 14), omschrijving: 'Ondernemingsplan inleveren' },
      { datum: dagenVoor(vandaag, 7), omschrijving: 'Presentatie en eindgesprek' },
    ],
    locatie: 'Demo Vmbo College, locatie Centrum: lokaal economie',
    examinatorId: eva.user.id,
    beoordelaarId: bram.user.id,
  });
  const opgeslagen = await savePlan({ db, auth: daan, examenId: examen.id, versie: examen.versies[0]!.versie, inhoud });
  const ingediend = await indienen({ db, auth: daan, examenId: examen.id, versie: opgeslagen.versies[0]!.versie });
  await vaststellen({ db, auth: emma, examenId: examen.id, versie: ingediend.versies[0]!.versie });

  // 4. Lars registered as extraneus (Eva, vmbo examinator) and ingeschreven at the ROC (Rik, its beheerder).
  await aanmeldenLeerlingen({ db, auth: eva, examenId: examen.id, leerlingIds: [leerling.id] });
  await inschrijvenLeerlingen({ db, auth: rik, examenId: examen.id, leerlingIds: [leerling.id] });
  return true;
}
