/**
 * The crosswalk import from the command line (issue 18): `doorlopend crosswalk import --samenwerking <id> --door
 * <e-mail> --bestand <file.json|file.xlsx> [--dry-run]`. The operator acts for a member of the samenwerking, named by
 * e-mail: the same access decision as in the browser (partnership.write for that person), and the proposals, history
 * and audit are attributed to that person.
 */
import type { Kysely } from 'kysely';
import type { ImportVoorbeeld } from '../../../shared/case-api.js';
import type { DB } from '../../db/schema.js';
import type { AuthContext } from '../../access/context.js';
import { AppError } from '../../errors.js';
import { findUserByEmail, membershipsOf } from '../../repositories/account-repository.js';
import { importCrosswalkXlsx } from './crosswalk-xlsx.js';
import { importCaseCrosswalk } from './import-crosswalk.js';

async function memberContext(db: Kysely<DB>, email: string): Promise<AuthContext> {
  const user = await findUserByEmail(db, email.trim().toLowerCase());
  if (!user) throw new AppError('validation_failed', `--door ${email}: geen account met dit e-mailadres.`);
  const memberships = await membershipsOf(db, user.id);
  return {
    sessionId: 'cli',
    user: { id: user.id, email: user.email, naam: user.naam },
    memberships,
    actor: { userId: user.id, memberships: memberships.map((m) => ({ organisationId: m.organisationId, rol: m.rol })) },
    csrfToken: '',
    csrfTokenHash: '',
  };
}

export async function importCrosswalkViaCli(opts: { db: Kysely<DB>; partnershipId: string; email: string; file: Buffer; bestandsnaam: string; dryRun: boolean }): Promise<ImportVoorbeeld> {
  const auth = await memberContext(opts.db, opts.email);
  if (/\.xlsx$/i.test(opts.bestandsnaam)) {
    return importCrosswalkXlsx({ db: opts.db, auth, partnershipId: opts.partnershipId, file: opts.file, bestand: opts.bestandsnaam, dryRun: opts.dryRun });
  }
  let pakket: unknown;
  try {
    pakket = JSON.parse(opts.file.toString('utf8'));
  } catch {
    throw new AppError('import_invalid', `${opts.bestandsnaam} is geen JSON (een CASE-pakket) en geen .xlsx.`, { file: opts.bestandsnaam });
  }
  return importCaseCrosswalk({ db: opts.db, auth, partnershipId: opts.partnershipId, pakket, bestand: opts.bestandsnaam, dryRun: opts.dryRun });
}

/** The preview as lines of text. */
export function formatImportVoorbeeld(v: ImportVoorbeeld): string {
  const rel = (r: string | null) => r ?? 'zonder type';
  const out = [
    `${v.nieuw.length} nieuw, ${v.gewijzigd.length} gewijzigd, ${v.ongewijzigd} ongewijzigd, ${v.verwijderd.length} verwijderd, ${v.onbekend.length} niet herkend${v.structuur ? ` (${v.structuur} structuurassociaties overgeslagen)` : ''}.`,
    ...v.nieuw.map((l) => `  nieuw:       ${l.eindterm} ↔ ${l.werkproces} (${rel(l.relatie)})`),
    ...v.gewijzigd.map((l) => `  gewijzigd:   ${l.eindterm} ↔ ${l.werkproces} (${rel(l.was.relatie)} → ${rel(l.relatie)})`),
    ...v.verwijderd.map((l) => `  verwijderd:  ${l.eindterm} ↔ ${l.werkproces}`),
    ...v.onbekend.map((o) => `  niet herkend: ${o.bron}: ${o.reden}`),
    v.toegepast ? 'Geïmporteerd als voorstellen: beoordeel ze in de crosswalk van de samenwerking.' : 'Er is niets opgeslagen.',
  ];
  return out.join('\n');
}
