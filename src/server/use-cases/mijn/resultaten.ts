/**
 * The pupil's own view (issue 14): the pupil records linked to the signed-in account, the exams they are registered
 * for, the vastgesteld results (an assessment in progress is not shown), the vrijstelling requests and where a
 * request can go. Only the own account's records: there is no id to ask for another pupil's. Staff have no pupil
 * records, so their lists are empty.
 */
import type { MboInstellingen, MijnExamen, MijnResultaten, MijnVrijstellingen } from '../../../shared/mijn-api.js';
import { magVrijstellingAanvragen, volledigeNaam } from '../../../domain/examen/verklaring.js';
import { requireAuth } from '../../access/require-auth.js';
import type { UseCaseContext } from '../../access/context.js';
import {
  beoordelingenVanLeerlingen,
  examensVanLeerlingen,
  keuzedeelTitels,
  keuzevakTitels,
  leerlingenVanAccount,
  mboInstellingen,
  verzoekenVanAccount,
} from '../../repositories/vrijstelling-repository.js';

export async function mijnResultaten(opts: UseCaseContext): Promise<MijnResultaten> {
  const auth = requireAuth(opts.auth);
  const { db } = opts;
  const leerlingen = await leerlingenVanAccount(db, auth.user.id);
  const ids = leerlingen.map((l) => l.id);
  const [examens, beoordelingen] = await Promise.all([examensVanLeerlingen(db, ids), beoordelingenVanLeerlingen(db, ids)]);
  const [kd, kv] = await Promise.all([keuzedeelTitels(db, examens.map((e) => e.keuzedeel_code)), keuzevakTitels(db, examens.flatMap((e) => (e.keuzevak_id ? [e.keuzevak_id] : [])))]);
  return {
    leerlingen: leerlingen.map((l) => ({
      id: l.id,
      school: l.school,
      cohort: l.cohort,
      schooljaar: l.schooljaar,
      leerjaar: l.leerjaar,
      klas: l.klas,
      leerweg: l.leerweg,
      leerlingnummer: l.leerlingnummer,
      naam: volledigeNaam(l.roepnaam, l.tussenvoegsel, l.achternaam),
    })),
    examens: examens.map(
      (e): MijnExamen => ({
        examenId: e.examenId,
        leerlingId: e.leerlingId,
        keuzedeel: { code: e.keuzedeel_code, titel: kd.get(e.keuzedeel_code) ?? null },
        keuzevak: e.keuzevak_id ? { id: e.keuzevak_id, titel: kv.get(e.keuzevak_id) ?? null } : null,
        school: e.school,
        mboInstelling: e.mboInstelling,
        grondslag: e.grondslag,
        inschrijving: e.inschrijving ?? null,
        resultaten: beoordelingen
          .filter((b) => b.examenId === e.examenId && b.leerlingId === e.leerlingId && b.status === 'vastgesteld' && b.vastgesteldOp)
          .map((b) => ({
            beoordelingId: b.id,
            poging: b.poging,
            keuzedeelResultaat: b.keuzedeelResultaat,
            keuzedeelCijfer: b.keuzedeelCijfer,
            keuzevakCijfer: b.keuzevakCijfer,
            afgenomenOp: b.afgenomenOp,
            vastgesteldOp: b.vastgesteldOp!,
            verificatiecode: b.verificatiecode,
            kanVrijstellingAanvragen: magVrijstellingAanvragen(b),
          })),
      }),
    ),
  };
}

export async function mijnVrijstellingen(opts: UseCaseContext): Promise<MijnVrijstellingen> {
  const auth = requireAuth(opts.auth);
  const verzoeken = await verzoekenVanAccount(opts.db, auth.user.id);
  const beoordelingen = await beoordelingenVanLeerlingen(opts.db, [...new Set(verzoeken.map((v) => v.leerlingId))]);
  const kd = await keuzedeelTitels(opts.db, beoordelingen.map((b) => b.keuzedeelCode));
  return {
    verzoeken: verzoeken.map((v) => {
      const code = beoordelingen.find((b) => b.id === v.beoordelingId)?.keuzedeelCode ?? '';
      return {
        id: v.id,
        status: v.status,
        versie: v.versie,
        instelling: { id: v.organisationId, naam: v.instelling },
        opleiding: v.opleiding,
        crebo: v.crebo,
        toelichting: v.toelichting,
        ingediendOp: v.ingediendOp,
        besluitReden: v.besluitReden,
        beslotenOp: v.beslotenOp,
        beslotenDoor: v.beslotenDoor,
        beoordelingId: v.beoordelingId,
        keuzedeel: { code, titel: kd.get(code) ?? null },
      };
    }),
  };
}

/** The mbo instellingen on the platform (any signed-in user: a pupil chooses where to send a request). */
export async function mijnMboInstellingen(opts: UseCaseContext): Promise<MboInstellingen> {
  requireAuth(opts.auth);
  return { instellingen: await mboInstellingen(opts.db) };
}
