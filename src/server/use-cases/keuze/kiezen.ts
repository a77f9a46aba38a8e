/**
 * The pupil's side of the programme (issue 15): the programme with choices, deadlines and admission requirements;
 * choosing a published module of the region's menukaart within the school's settings (the pure rules of
 * src/domain/menukaart/keuze.ts); withdrawing a choice that waits for a decision.
 */
import { dagInNederland } from '../../../domain/lob/deellink.js';
import { eerstvolgendStartjaar } from '../../../domain/lob/toelating.js';
import {
  ACTIEVE_STATUSSEN, beoordeelKeuze, datumNl, deadlineVoor, PERIODE_NAAM, schooljaarVan, toelatingsDatums, type Periode,
} from '../../../domain/menukaart/keuze.js';
import type { Keuze, KeuzeMaken, MijnProgramma } from '../../../shared/keuze-api.js';
import { AppError, notFound, validationFailed } from '../../errors.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/keuze-repository.js';
import { findModule } from '../../repositories/menukaart-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { KEUZE_NOT_FOUND, openEigenKeuzes } from './access.js';
import { toInstellingen, toKeuze } from './present.js';

const MODULE_NOT_FOUND = 'Deze module staat niet (meer) op de menukaart van jouw regio.';
const PERIODEN: Periode[] = ['P1', 'P2', 'P3', 'P4'];

export async function getMijnProgramma(opts: UseCaseContext & { vandaag?: string }): Promise<MijnProgramma> {
  const { auth, schoolId } = openEigenKeuzes(opts);
  const vandaag = opts.vandaag ?? dagInNederland(new Date());
  const school = await repo.organisation(opts.db, schoolId);
  const regio = school?.regioId ? await repo.menukaartVanRegio(opts.db, school.regioId) : undefined;
  const instellingen = toInstellingen(schoolId, await repo.findInstelling(opts.db, schoolId));
  const keuzes = (await repo.keuzesVanAccount(opts.db, auth.user.id)).filter((k) => k.status !== 'ingetrokken').map((k) => toKeuze(k, instellingen));
  const schooljaar = schooljaarVan(vandaag);
  const volgend = `${Number(schooljaar.slice(5, 9))}-${Number(schooljaar.slice(5, 9)) + 1}`;
  const deadlines: MijnProgramma['deadlines'] = [];
  for (const sj of [schooljaar, volgend])
    for (const p of PERIODEN) {
      const d = deadlineVoor(instellingen.deadlines, sj, p);
      if (d >= vandaag) deadlines.push({ datum: d, wat: `Modules kiezen voor ${PERIODE_NAAM[p]} van ${sj}` });
    }
  // The next three choosing deadlines are enough; the mbo dates follow.
  deadlines.sort((a, b) => a.datum.localeCompare(b.datum)).splice(3);
  const startjaar = eerstvolgendStartjaar(vandaag);
  const t = toelatingsDatums(startjaar);
  if (t.eisenBekendVoor >= vandaag) deadlines.push({ datum: t.eisenBekendVoor, wat: `Mbo-opleidingen maken hun aanvullende toelatingseisen bekend (vóór ${datumNl(t.eisenBekendVoor)}, voor een start in ${startjaar})` });
  deadlines.push({ datum: t.aanmeldenVoor, wat: `Aanmelden bij het mbo vóór ${datumNl(t.aanmeldenVoor)}: dan heb je recht op toelating (start in ${startjaar})` });
  deadlines.sort((a, b) => a.datum.localeCompare(b.datum));
  const crebos = new Set(keuzes.filter((k) => ACTIEVE_STATUSSEN.includes(k.status)).flatMap((k) => k.module.kwalificaties));
  const oplegger = await repo.opleggerCrebo(opts.db, auth.user.id, schoolId);
  if (oplegger) crebos.add(oplegger);
  const eisen = await repo.eisenVoorCrebos(opts.db, [...crebos]);
  const metEis = new Set(eisen.map((e) => e.crebo));
  const namen = await repo.kwalificatieNamen(opts.db, [...crebos].filter((c) => !metEis.has(c)));
  return {
    school: { id: schoolId, naam: school?.naam ?? '' },
    regio: regio ?? null,
    schooljaar,
    instellingen,
    keuzes,
    deadlines: deadlines.slice(0, 8),
    toelatingseisen: eisen,
    kwalificatiesZonderEisen: [...crebos].filter((c) => !metEis.has(c)).sort().map((crebo) => ({ crebo, naam: namen.get(crebo) ?? null })),
  };
}

export async function kiesModule(opts: UseCaseContext & { input: KeuzeMaken; vandaag?: string }): Promise<Keuze> {
  const { auth, schoolId } = openEigenKeuzes(opts);
  const vandaag = opts.vandaag ?? dagInNederland(new Date());
  const school = await repo.organisation(opts.db, schoolId);
  const module = await findModule(opts.db, opts.input.moduleId);
  if (!module || module.status !== 'gepubliceerd' || !school?.regioId || module.regioId !== school.regioId) throw notFound(MODULE_NOT_FOUND);
  const instellingRow = await repo.findInstelling(opts.db, schoolId);
  const instellingen = toInstellingen(schoolId, instellingRow);
  // Without a schooljaar: this schooljaar when its deadline for the module's period has not passed, else the next.
  const huidig = schooljaarVan(vandaag);
  const schooljaar =
    opts.input.schooljaar ?? (deadlineVoor(instellingen.deadlines, huidig, module.periode) >= vandaag ? huidig : `${Number(huidig.slice(5, 9))}-${Number(huidig.slice(5, 9)) + 1}`);
  const id = await opts.db.transaction().execute(async (trx) => {
    await repo.lockAccount(trx, auth.user.id);
    await repo.lockModuleRow(trx, module.id);
    const eigen = await repo.keuzesVanAccount(trx, auth.user.id);
    const weigering = beoordeelKeuze({
      module: { id: module.id, titel: module.titel, periode: module.periode, capaciteit: module.capaciteit, voorwaarden: module.voorwaarden },
      schooljaar,
      vandaag,
      eigen,
      bezet: await repo.bezettePlaatsen(trx, module.id, schooljaar),
      modulesPerPeriode: instellingen.modulesPerPeriode,
      deadlines: instellingen.deadlines,
      titels: await repo.moduleTitels(trx, module.voorwaarden),
    });
    if (weigering) {
      if (weigering.status === 400) throw validationFailed(weigering.melding, [{ path: weigering.veld, message: weigering.melding }]);
      throw new AppError('conflict', weigering.melding);
    }
    const nieuw = await repo.insertKeuze(trx, { accountId: auth.user.id, schoolId, moduleId: module.id, schooljaar, periode: module.periode });
    await appendAudit(trx, { actorUserId: auth.user.id, organisationId: schoolId, action: 'keuze.gemaakt', subjectType: 'menukaart_keuze', subjectId: nieuw, details: { module: module.titel, schooljaar, periode: module.periode } });
    return nieuw;
  });
  const row = await repo.findKeuze(opts.db, id);
  return toKeuze(row!, instellingen);
}

export async function trekKeuzeIn(opts: UseCaseContext & { keuzeId: string }): Promise<Keuze> {
  const { auth, schoolId } = openEigenKeuzes(opts);
  const k = await repo.findKeuze(opts.db, opts.keuzeId);
  if (!k || k.accountId !== auth.user.id) throw notFound(KEUZE_NOT_FOUND);
  if (k.status !== 'aangevraagd' && k.status !== 'teruggestuurd')
    throw new AppError('conflict', k.status === 'goedgekeurd' ? 'Deze keuze is al goedgekeurd. Wil je iets anders, praat dan met je decaan of mentor.' : 'Deze keuze is al ingetrokken.');
  await opts.db.transaction().execute(async (trx) => {
    if (!(await repo.setKeuzeStatus(trx, k.id, k.versie, { status: 'ingetrokken', reden: k.reden, door: null })))
      throw new AppError('conflict', 'Deze keuze is intussen veranderd. Laad de pagina opnieuw.');
    await appendAudit(trx, { actorUserId: auth.user.id, organisationId: schoolId, action: 'keuze.ingetrokken', subjectType: 'menukaart_keuze', subjectId: k.id, details: { module: k.moduleTitel } });
  });
  const instellingen = toInstellingen(schoolId, await repo.findInstelling(opts.db, schoolId));
  return toKeuze((await repo.findKeuze(opts.db, k.id))!, instellingen);
}
