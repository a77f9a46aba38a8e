/**
 * The kalender of a samenwerking for one schooljaar (issue 13) as iCalendar: GET /api/partnerships/:id/kalender.ics.
 * Read: staff of a partner; outsiders 404.
 */
import { kalenderDatums, naarICalendar } from '../../../domain/regels/kalender.js';
import { notFound } from '../../errors.js';
import * as repo from '../../repositories/regels-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { authorizePartnership, PARTNERSHIP_NOT_FOUND } from '../../access/partnership.js';
import { overeenkomstenVan } from './context.js';

export async function getKalender(opts: UseCaseContext & { partnershipId: string; schooljaar: string; nu?: Date }): Promise<{ ics: string; bestandsnaam: string }> {
  await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.read' });
  const [naam, overeenkomsten] = await Promise.all([repo.partnershipName(opts.db, opts.partnershipId), overeenkomstenVan(opts.db, opts.partnershipId)]);
  if (naam === null) throw notFound(PARTNERSHIP_NOT_FOUND);
  const ics = naarICalendar({
    naam: `${naam}: kalender ${opts.schooljaar}`,
    datums: kalenderDatums(opts.schooljaar, overeenkomsten),
    uidBasis: `${opts.partnershipId}-${opts.schooljaar}`,
    stempel: opts.nu ?? new Date(),
  });
  return { ics, bestandsnaam: `kalender-${opts.schooljaar}.ics` };
}
