/**
 * The school's side of LOB (issue 15): the LOB programme (the planned LOB parts per leerjaar, kept by the decaan),
 * marking a part done for a pupil (LOB is not graded: done or not), and the refusal of any attempt by staff to pass a
 * pupil's dossier on to another school: the dossier is the pupil's, only the pupil takes it along.
 */
import { DOORSTUREN_REGEL } from '../../../domain/lob/rules.js';
import { OnderdeelInvoer, type LobDossier, type LobOnderdeel, type LobProgramma, type OnderdeelInvoer as OnderdeelInvoerIn, type OnderdeelWijzigen } from '../../../shared/lob-api.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/lob-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { openSchoolLob } from './access.js';
import { buildDossier } from './dossier.js';

const ONDERDEEL_NOT_FOUND = 'Dit LOB-onderdeel bestaat niet in het programma van deze school.';

const toOnderdeel = (o: repo.OnderdeelRow): LobOnderdeel => ({ ...o, competenties: o.competenties as LobOnderdeel['competenties'] });

export async function getProgramma(opts: UseCaseContext & { organisatieId: string }): Promise<LobProgramma> {
  await openSchoolLob({ ...opts, action: 'programma.read' });
  const naam = await repo.organisationName(opts.db, opts.organisatieId);
  const onderdelen = await repo.listOnderdelen(opts.db, opts.organisatieId, { metVervallen: true });
  return { school: { id: opts.organisatieId, naam: naam ?? '' }, onderdelen: onderdelen.map(toOnderdeel) };
}

function waarden(input: OnderdeelInvoerIn): repo.OnderdeelWaarden {
  const o = OnderdeelInvoer.parse(input);
  return { leerjaar: o.leerjaar, titel: o.titel, omschrijving: o.omschrijving, periode: o.periode, competenties: [...new Set(o.competenties)], vervallen: o.vervallen };
}

export async function addOnderdeel(opts: UseCaseContext & { organisatieId: string; input: OnderdeelInvoerIn }): Promise<LobOnderdeel> {
  const { auth } = await openSchoolLob({ ...opts, action: 'programma.write' });
  const id = await opts.db.transaction().execute(async (trx) => {
    const w = waarden(opts.input);
    const nieuw = await repo.insertOnderdeel(trx, opts.organisatieId, w, auth.user.id);
    await appendAudit(trx, { actorUserId: auth.user.id, organisationId: opts.organisatieId, action: 'lob.onderdeel.toegevoegd', subjectType: 'lob_onderdeel', subjectId: nieuw, details: { titel: w.titel, leerjaar: w.leerjaar } });
    return nieuw;
  });
  const row = await repo.findOnderdeel(opts.db, opts.organisatieId, id);
  if (!row) throw notFound(ONDERDEEL_NOT_FOUND);
  return toOnderdeel(row);
}

export async function changeOnderdeel(opts: UseCaseContext & { organisatieId: string; onderdeelId: string; input: OnderdeelWijzigen }): Promise<LobOnderdeel> {
  const { auth } = await openSchoolLob({ ...opts, action: 'programma.write' });
  await opts.db.transaction().execute(async (trx) => {
    const bestaand = await repo.findOnderdeel(trx, opts.organisatieId, opts.onderdeelId);
    if (!bestaand) throw notFound(ONDERDEEL_NOT_FOUND);
    const w = waarden(opts.input);
    if (bestaand.versie !== opts.input.versie || !(await repo.updateOnderdeel(trx, opts.organisatieId, opts.onderdeelId, opts.input.versie, w))) {
      throw new AppError('conflict', 'Dit LOB-onderdeel is intussen door iemand anders gewijzigd. Laad het programma opnieuw; uw wijziging is niet opgeslagen.');
    }
    await appendAudit(trx, { actorUserId: auth.user.id, organisationId: opts.organisatieId, action: 'lob.onderdeel.gewijzigd', subjectType: 'lob_onderdeel', subjectId: opts.onderdeelId, details: { titel: w.titel, leerjaar: w.leerjaar, vervallen: w.vervallen } });
  });
  const row = await repo.findOnderdeel(opts.db, opts.organisatieId, opts.onderdeelId);
  if (!row) throw notFound(ONDERDEEL_NOT_FOUND);
  return toOnderdeel(row);
}

/** The decaan marks a part of the programme done (or not) for a pupil; answered with the pupil's dossier. */
export async function zetAfronding(opts: UseCaseContext & { organisatieId: string; gebruikerId: string; onderdeelId: string; afgerond: boolean }): Promise<LobDossier> {
  const { auth, eigenaar } = await openSchoolLob({ ...opts, action: 'dossier.afronden' });
  return opts.db.transaction().execute(async (trx) => {
    const onderdeel = await repo.findOnderdeel(trx, opts.organisatieId, opts.onderdeelId);
    if (!onderdeel) throw notFound(ONDERDEEL_NOT_FOUND);
    await repo.setAfgerond(trx, opts.onderdeelId, opts.gebruikerId, opts.afgerond, auth.user.id);
    await appendAudit(trx, {
      actorUserId: auth.user.id,
      organisationId: opts.organisatieId,
      action: opts.afgerond ? 'lob.onderdeel.afgerond' : 'lob.onderdeel.heropend',
      subjectType: 'user',
      subjectId: opts.gebruikerId,
      details: { titel: onderdeel.titel },
    });
    return buildDossier(trx, eigenaar!, { metDeellinks: false });
  });
}

/**
 * Staff passing a pupil's dossier on to another school: always refused (403 naming the rule and its source). Whoever
 * has nothing to do with the pupil gets the usual 404 first; the attempt of staff of the school is in the audit log.
 */
export async function stuurDossierDoor(opts: UseCaseContext & { organisatieId: string; gebruikerId: string }): Promise<never> {
  await openSchoolLob({ ...opts, action: 'dossier.read' }).catch((e: unknown) => {
    // Staff of the school without the decaan role are refused with the same rule, not only with "wrong role".
    if (!(e instanceof AppError && e.code === 'forbidden')) throw e;
  });
  await appendAudit(opts.db, { actorUserId: opts.auth!.user.id, organisationId: opts.organisatieId, action: 'lob.doorsturen.geweigerd', subjectType: 'user', subjectId: opts.gebruikerId, details: {} });
  throw forbidden(DOORSTUREN_REGEL);
}
