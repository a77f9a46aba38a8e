/**
 * The result statement (issue 14): the pupil downloads it for their own vastgesteld result, as an accessible PDF with
 * the verification code and the address of the public check page. Only the pupil (the statement is theirs to take
 * along); anyone else's result, or a result not yet vastgesteld, is a 404.
 */
import { resultaatverklaringDocument } from '../../../domain/examen/verklaring.js';
import { requireAuth } from '../../access/require-auth.js';
import type { UseCaseContext } from '../../access/context.js';
import { notFound } from '../../errors.js';
import { renderResultaatverklaring } from '../../exports/resultaatverklaring.js';
import { eigenResultaat, keuzedeelTitels, keuzevakTitels } from '../../repositories/vrijstelling-repository.js';
import type { ExportFile } from '../inventory/export-inventory.js';

export const RESULTAAT_NOT_FOUND = 'Dit resultaat bestaat niet of is niet van jou.';

export async function downloadResultaatverklaring(opts: UseCaseContext & { beoordelingId: string; publicUrl: string }): Promise<ExportFile> {
  const auth = requireAuth(opts.auth);
  const r = await eigenResultaat(opts.db, opts.beoordelingId, auth.user.id);
  if (!r || r.status !== 'vastgesteld' || !r.vastgesteldOp || !r.verificatiecode || !r.keuzedeelResultaat) throw notFound(RESULTAAT_NOT_FOUND);
  const [kd, kv] = await Promise.all([keuzedeelTitels(opts.db, [r.keuzedeelCode]), keuzevakTitels(opts.db, r.keuzevakId ? [r.keuzevakId] : [])]);
  const document = resultaatverklaringDocument(
    {
      leerling: { roepnaam: r.roepnaam, tussenvoegsel: r.tussenvoegsel, achternaam: r.achternaam },
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
      poging: r.poging,
      verificatiecode: r.verificatiecode,
      verificatieAdres: `${opts.publicUrl.replace(/\/+$/, '')}/verificatie`,
    },
    r.vastgesteldOp,
  );
  return { fileName: `resultaatverklaring-${r.keuzedeelCode.replace(/[^A-Z0-9]/g, '')}.pdf`, contentType: 'application/pdf', body: await renderResultaatverklaring(document) };
}
