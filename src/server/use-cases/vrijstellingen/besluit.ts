/**
 * The decision on a vrijstelling request (issue 14): the examencommissie of the receiving mbo instelling sees the
 * requests to its organisation with the verified result behind each (the facts of the result statement), and decides
 * toegekend or afgewezen (with a reason), with the versie it saw (stale or already decided: 409). Others in the
 * instelling get 403, everyone else 404 (decideVrijstellingBesluit). The decision is audited in the same transaction,
 * and the pupil gets a mail when their account has an address.
 */
import type { VrijstellingBesluit, VrijstellingDetail, VrijstellingLijst } from '../../../shared/vrijstelling-api.js';
import { decideVrijstellingBesluit } from '../../../domain/auth/examen-rules.js';
import { besluitProbleem, RESULTAAT_TEKST, volledigeNaam } from '../../../domain/examen/verklaring.js';
import { requireAuth } from '../../access/require-auth.js';
import type { AuthContext, UseCaseContext } from '../../access/context.js';
import { AppError, forbidden, notFound, validationFailed } from '../../errors.js';
import type { MailQueue } from '../../mail/mailer.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import {
  accountEmail,
  besluitOpVerzoek,
  findVerzoek,
  keuzedeelTitels,
  keuzevakTitels,
  organisatie,
  resultaatVanBeoordeling,
  verzoekenAanInstelling,
  type VerzoekRecord,
} from '../../repositories/vrijstelling-repository.js';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

export const VERZOEK_NOT_FOUND = 'Dit verzoek om vrijstelling bestaat niet of u hebt er geen toegang toe.';
const GEEN_EXAMENCOMMISSIE = 'Alleen de examencommissie van de ontvangende instelling besluit over een vrijstelling.';

function beslisser(auth: AuthContext, organisationId: string, notFoundText: string): void {
  const d = decideVrijstellingBesluit(auth.actor, organisationId);
  if (d === 'not_found') throw notFound(notFoundText);
  if (d === 'forbidden') throw forbidden(GEEN_EXAMENCOMMISSIE);
}

async function metResultaat(db: Kysely<DB> | Transaction<DB>, verzoeken: VerzoekRecord[]): Promise<VrijstellingDetail[]> {
  const resultaten = await Promise.all(verzoeken.map((v) => resultaatVanBeoordeling(db, v.beoordelingId)));
  const [kd, kv] = await Promise.all([
    keuzedeelTitels(db, resultaten.flatMap((r) => (r ? [r.keuzedeelCode] : []))),
    keuzevakTitels(db, resultaten.flatMap((r) => (r?.keuzevakId ? [r.keuzevakId] : []))),
  ]);
  return verzoeken.flatMap((v, i) => {
    const r = resultaten[i];
    if (!r || !r.keuzedeelResultaat || !r.vastgesteldOp || !r.verificatiecode) return [];
    return [
      {
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
        resultaat: {
          beoordelingId: r.beoordelingId,
          leerling: volledigeNaam(r.roepnaam, r.tussenvoegsel, r.achternaam),
          school: r.school,
          keuzedeel: { code: r.keuzedeelCode, titel: kd.get(r.keuzedeelCode) ?? null },
          keuzevak: r.keuzevakId ? { id: r.keuzevakId, titel: kv.get(r.keuzevakId) ?? null } : null,
          keuzedeelResultaat: r.keuzedeelResultaat,
          keuzedeelCijfer: r.keuzedeelCijfer,
          keuzevakCijfer: r.keuzevakCijfer,
          afgenomenOp: r.afgenomenOp,
          vastgesteldOp: r.vastgesteldOp,
          examencommissie: r.examencommissie,
          grondslag: r.grondslag,
          verificatiecode: r.verificatiecode,
        },
      },
    ];
  });
}

/** The requests to one instelling (its examencommissie): open first. */
export async function vrijstellingenVanInstelling(opts: UseCaseContext & { organisationId: string }): Promise<VrijstellingLijst> {
  const auth = requireAuth(opts.auth);
  beslisser(auth, opts.organisationId, 'Deze organisatie bestaat niet of u bent er geen lid van.');
  const org = await organisatie(opts.db, opts.organisationId);
  if (!org) throw notFound('Deze organisatie bestaat niet of u bent er geen lid van.');
  const verzoeken = await metResultaat(opts.db, await verzoekenAanInstelling(opts.db, org.id));
  // Pupils' names, schools and grades: a staff read, audited.
  await appendAudit(opts.db, { actorUserId: auth.user.id, organisationId: org.id, action: 'vrijstelling.verzoeken_bekeken', subjectType: 'organisation', subjectId: org.id, details: { aantal: verzoeken.length } });
  return { instelling: { id: org.id, naam: org.naam }, verzoeken };
}

async function openVerzoek(db: Kysely<DB> | Transaction<DB>, auth: AuthContext, id: string): Promise<VerzoekRecord> {
  const v = await findVerzoek(db, id);
  if (!v) throw notFound(VERZOEK_NOT_FOUND);
  beslisser(auth, v.organisationId, VERZOEK_NOT_FOUND);
  return v;
}

export async function vrijstellingDetail(opts: UseCaseContext & { id: string }): Promise<VrijstellingDetail> {
  const auth = requireAuth(opts.auth);
  const v = await openVerzoek(opts.db, auth, opts.id);
  const [detail] = await metResultaat(opts.db, [v]);
  if (!detail) throw notFound(VERZOEK_NOT_FOUND);
  await appendAudit(opts.db, { actorUserId: auth.user.id, organisationId: v.organisationId, action: 'vrijstelling.verzoek_bekeken', subjectType: 'vrijstelling_verzoek', subjectId: v.id, details: { keuzedeel: detail.resultaat.keuzedeel.code, opleiding: v.opleiding } });
  return detail;
}

const PROBLEEM_TEKST = {
  'al-besloten': 'Over dit verzoek is al besloten.',
  verouderd: 'Iemand anders heeft dit verzoek intussen gewijzigd. Laad de pagina opnieuw.',
} as const;

export async function beslisOverVrijstelling(opts: UseCaseContext & { id: string; input: VrijstellingBesluit; mail?: MailQueue; publicUrl?: string }): Promise<VrijstellingDetail> {
  const auth = requireAuth(opts.auth);
  const { db, input } = opts;
  let mailed = false;
  await db.transaction().execute(async (trx) => {
    const v = await openVerzoek(trx, auth, opts.id);
    const probleem = besluitProbleem(v, { besluit: input.besluit, reden: input.reden, versie: input.versie });
    if (probleem === 'reden-ontbreekt') throw validationFailed('Geef een reden als u het verzoek afwijst.', [{ path: 'reden', message: 'geef een reden als u het verzoek afwijst' }]);
    if (probleem) throw new AppError('conflict', PROBLEEM_TEKST[probleem]);
    const reden = input.reden?.trim() ? input.reden.trim() : null;
    if (!(await besluitOpVerzoek(trx, { id: v.id, versie: input.versie, status: input.besluit, reden, door: auth.user.id }))) throw new AppError('conflict', PROBLEEM_TEKST.verouderd);
    const r = await resultaatVanBeoordeling(trx, v.beoordelingId);
    await appendAudit(trx, {
      actorUserId: auth.user.id,
      organisationId: v.organisationId,
      action: 'vrijstelling.besloten',
      subjectType: 'vrijstelling_verzoek',
      subjectId: v.id,
      details: { besluit: input.besluit, keuzedeel: r?.keuzedeelCode ?? null, opleiding: v.opleiding, ...(reden ? { reden } : {}) },
    });
    const ontvanger = opts.mail ? await accountEmail(trx, v.accountId) : null;
    if (opts.mail && ontvanger) {
      const wat = r ? `keuzedeel ${r.keuzedeelCode} (${RESULTAAT_TEKST[r.keuzedeelResultaat ?? 'behaald']})` : 'je keuzedeel';
      const link = opts.publicUrl ? `\n\nBekijk het op ${opts.publicUrl.replace(/\/+$/, '')}/leerling` : '';
      await opts.mail.enqueueIn(trx, {
        to: ontvanger.email,
        subject: `Besluit over je vrijstelling: ${input.besluit === 'toegekend' ? 'toegekend' : 'afgewezen'}`,
        text:
          `Hoi ${ontvanger.naam.split(/\s+/)[0] ?? ''},\n\n` +
          `${v.instelling} heeft besloten over je vraag om vrijstelling voor ${wat} in de opleiding ${v.opleiding}: ` +
          `${input.besluit === 'toegekend' ? 'je krijgt de vrijstelling.' : 'je krijgt de vrijstelling niet.'}` +
          `${reden ? `\n\nReden: ${reden}` : ''}${link}\n\nVragen? Stel ze aan de mbo-school of aan je mentor.`,
      });
      mailed = true;
    }
  });
  if (mailed) opts.mail?.kick();
  return vrijstellingDetail({ db, auth, id: opts.id });
}
