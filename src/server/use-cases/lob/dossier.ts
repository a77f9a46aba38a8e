/**
 * Reading a loopbaandossier (issue 15): the pupil's own (with their share links), a pupil's dossier for the decaan of
 * the school (every read in the audit log, in the same transaction), the school's pupils with their LOB counts
 * (listed in the audit log too), and "Wie ziet mijn gegevens" for the pupil.
 */
import type { Kysely, Transaction } from 'kysely';
import { deellinkStatus, laatsteDag } from '../../../domain/lob/deellink.js';
import { LOB_LEZER_ROLLEN } from '../../../domain/lob/rules.js';
import { toelatingsdatums } from '../../../domain/lob/toelating.js';
import { OpleggerInhoud, type Deellink, type LeerlingOverzicht, type LobActiviteit, type LobDossier, type Oplegger, type WieZiet } from '../../../shared/lob-api.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/lob-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { DOSSIER_NOT_FOUND, openEigenDossier, openSchoolLob } from './access.js';

type Db = Kysely<DB> | Transaction<DB>;

export function toActiviteit(r: repo.ActiviteitRow): LobActiviteit {
  return { id: r.id, soort: r.soort as LobActiviteit['soort'], datum: r.datum, titel: r.titel, doel: r.doel, reflecties: r.reflecties, conclusie: r.conclusie, vervolgstap: r.vervolgstap, onderdeelId: r.onderdeelId, versie: r.versie, bijgewerkt: r.updatedAt };
}

export function toDeellink(r: repo.DeellinkRow, now: Date): Deellink {
  return {
    id: r.id,
    ontvanger: r.ontvanger,
    verlooptOp: laatsteDag(r.verlooptAt),
    inhoud: r.inhoud,
    status: deellinkStatus(r, now),
    keerGeopend: r.keerGeopend,
    laatstGeopend: r.laatstGeopendAt ? r.laatstGeopendAt.toISOString() : null,
    aangemaakt: r.createdAt.toISOString(),
  };
}

export async function opleggerVan(db: Db, e: repo.Eigenaar): Promise<Oplegger | null> {
  const o = await repo.findOplegger(db, e);
  if (!o) return null;
  const inhoud = OpleggerInhoud.parse(o.inhoud);
  return { inhoud, datums: toelatingsdatums(inhoud.startjaar), versie: o.versie, bijgewerkt: o.updatedAt };
}

/** The whole dossier of a pupil at a school; share links only for the pupil's own view. */
export async function buildDossier(db: Db, e: repo.Eigenaar, opts: { metDeellinks: boolean; now?: Date }): Promise<LobDossier> {
  const now = opts.now ?? new Date();
  // One query after another: this may run inside a transaction (one connection).
  const naam = await repo.userName(db, e.accountId);
  const school = await repo.organisationName(db, e.organisationId);
  const activiteiten = await repo.listActiviteiten(db, e);
  const oplegger = await opleggerVan(db, e);
  const onderdelen = await repo.listOnderdelen(db, e.organisationId, { metVervallen: false });
  const afgerond = await repo.afrondingenVan(db, e);
  const deellinks = opts.metDeellinks ? await repo.listDeellinks(db, e) : [];
  if (naam === null || school === null) throw notFound(DOSSIER_NOT_FOUND);
  const perOnderdeel = new Map<string, number>();
  for (const a of activiteiten) if (a.onderdeelId) perOnderdeel.set(a.onderdeelId, (perOnderdeel.get(a.onderdeelId) ?? 0) + 1);
  return {
    leerling: { id: e.accountId, naam },
    school: { id: e.organisationId, naam: school },
    activiteiten: activiteiten.map(toActiviteit),
    oplegger,
    programma: onderdelen.map((o) => ({
      id: o.id,
      leerjaar: o.leerjaar,
      titel: o.titel,
      omschrijving: o.omschrijving,
      periode: o.periode,
      competenties: o.competenties as LobDossier['programma'][number]['competenties'],
      vervallen: o.vervallen,
      versie: o.versie,
      afgerond: afgerond.get(o.id) ?? null,
      activiteiten: perOnderdeel.get(o.id) ?? 0,
    })),
    deellinks: deellinks.map((l) => toDeellink(l, now)),
  };
}

/** The pupil's own dossier. */
export async function getMijnDossier(opts: UseCaseContext): Promise<LobDossier> {
  const { eigenaar } = await openEigenDossier(opts);
  return buildDossier(opts.db, eigenaar, { metDeellinks: true });
}

/** Who can see the pupil's data: the decaan (or mentor) of the school, and the pupil's active share links. */
export async function wieZietMijnDossier(opts: UseCaseContext): Promise<WieZiet> {
  const { eigenaar, opSchool } = await openEigenDossier(opts);
  const now = new Date();
  const [school, lezers, links] = await Promise.all([
    repo.organisationName(opts.db, eigenaar.organisationId),
    // A pupil who left the school: nobody there reads the dossier any more.
    opSchool ? repo.staffWithRoles(opts.db, eigenaar.organisationId, LOB_LEZER_ROLLEN) : Promise.resolve([]),
    repo.listDeellinks(opts.db, eigenaar),
  ]);
  return {
    school: { id: eigenaar.organisationId, naam: school ?? '' },
    opSchool,
    lezers,
    deellinks: links.map((l) => toDeellink(l, now)).filter((l) => l.status === 'actief'),
  };
}

/** A pupil's dossier, read by the decaan of the school: the read is in the audit log. */
export async function leesDossier(opts: UseCaseContext & { organisatieId: string; gebruikerId: string }): Promise<LobDossier> {
  const { auth, eigenaar } = await openSchoolLob({ ...opts, action: 'dossier.read' });
  return opts.db.transaction().execute(async (trx) => {
    const dossier = await buildDossier(trx, eigenaar!, { metDeellinks: false });
    await appendAudit(trx, { actorUserId: auth.user.id, organisationId: opts.organisatieId, action: 'lob.dossier.gelezen', subjectType: 'user', subjectId: opts.gebruikerId, details: {} });
    return dossier;
  });
}

/** The school's pupils with their LOB counts, for the decaan; the list is in the audit log. */
export async function leerlingenOverzicht(opts: UseCaseContext & { organisatieId: string }): Promise<LeerlingOverzicht> {
  const { auth } = await openSchoolLob({ ...opts, action: 'programma.read' });
  return opts.db.transaction().execute(async (trx) => {
    const school = await repo.organisationName(trx, opts.organisatieId);
    const leerlingen = await repo.leerlingenVan(trx, opts.organisatieId);
    const onderdelen = await repo.listOnderdelen(trx, opts.organisatieId, { metVervallen: false });
    await appendAudit(trx, { actorUserId: auth.user.id, organisationId: opts.organisatieId, action: 'lob.leerlingen.bekeken', subjectType: 'organisation', subjectId: opts.organisatieId, details: { aantal: leerlingen.length } });
    return { school: { id: opts.organisatieId, naam: school ?? '' }, leerlingen: leerlingen.map((l) => ({ ...l, onderdelen: onderdelen.length })) };
  });
}
