/**
 * Carrying out the retention of pupil data (issue 14): every cohort whose removal day (einddatum +
 * bewaartermijn_maanden, see domain/leerlingen/bewaartermijn) has come loses its pupil rows (cascading to
 * registrations, forms, scores and requests) and keeps the counts, with one audit entry per cohort. Run by the
 * scheduled job in the server and by `doorlopend leerlingen opschonen`; safe with several instances at once (a cohort
 * is claimed by a conditional update, so it is cleaned once). No user acts: this is the platform's own duty.
 */
import type { Kysely } from 'kysely';
import { cohortenDieOpgeschoondMoeten, dagInNederland } from '../../../domain/leerlingen/bewaartermijn.js';
import type { Opgeschoond } from '../../../shared/leerlingen-api.js';
import type { DB } from '../../db/schema.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/leerling-repository.js';

export interface OpschoonResultaat {
  peildatum: string;
  cohorten: Array<{ id: string; naam: string; opgeschoond: Opgeschoond }>;
}

export async function schoonLeerlingenOp(opts: { db: Kysely<DB>; now?: Date; peildatum?: string; via?: 'cli' | 'taak' }): Promise<OpschoonResultaat> {
  const now = opts.now ?? new Date();
  const peildatum = opts.peildatum ?? dagInNederland(now);
  const due = cohortenDieOpgeschoondMoeten(await repo.cohortsNotCleaned(opts.db), peildatum);
  const cohorten: OpschoonResultaat['cohorten'] = [];
  for (const c of due) {
    const opgeschoond = await opts.db.transaction().execute(async (trx) => {
      const counts = await repo.cleanCohort(trx, c.id, now);
      if (counts) {
        await appendAudit(trx, {
          actorUserId: null,
          organisationId: c.organisationId,
          action: 'cohort.opgeschoond',
          subjectType: 'cohort',
          subjectId: c.id,
          details: { cohort: c.naam, ...counts, peildatum, via: opts.via ?? 'taak' },
        });
      }
      return counts;
    });
    if (opgeschoond) cohorten.push({ id: c.id, naam: c.naam, opgeschoond });
  }
  return { peildatum, cohorten };
}
