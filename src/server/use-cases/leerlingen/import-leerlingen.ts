/**
 * Importing a cohort's pupils from the CSV or XLSX that Magister or Somtoday exports (or any export, with a column
 * mapping): the same for the web upload and `doorlopend leerlingen import`. All or nothing: every row is validated
 * first, an error anywhere rejects the file (422 import_invalid with every error's line) and nothing is written. A dry
 * run (the default) says what would be added and changed, and lists the errors, without writing. A re-import updates
 * pupils by leerlingnummer and never duplicates; pupils missing from the file stay. A BSN or onderwijsnummer column is
 * never read (the report says so).
 */
import {
  importVerschil, leesKolomtoewijzing, leesLeerlingBestand, leesLeerlingen, LeerlingImportError, type ImportFout, type RuweTabel,
} from '../../../domain/leerlingen/import.js';
import { BSN_REDEN } from '../../../domain/leerlingen/import.js';
import type { Tekencodering } from '../../../domain/mbo/csv.js';
import { LEERLING_VELDEN, type Kolomtoewijzing, type LeerlingImportRapport, type LeerlingVeld } from '../../../shared/leerlingen-api.js';
import type { UseCaseContext } from '../../access/context.js';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { COHORT_NOT_FOUND, openCohort } from '../../access/examen.js';
import { AppError, notFound } from '../../errors.js';
import * as repo from '../../repositories/leerling-repository.js';
import { changePupils, changePupilsViaCli } from './leerlingen.js';

/** Largest pupil file accepted (a year's export is a few dozen kB). */
export const MAX_LEERLINGBESTAND_BYTES = 2 * 1024 * 1024;

export function leerlingbestandTeGroot(): AppError {
  return new AppError('payload_too_large', `Het bestand is te groot: hooguit ${MAX_LEERLINGBESTAND_BYTES / 1024 / 1024} MB.`, { errors: [{ path: 'body', message: `hooguit ${MAX_LEERLINGBESTAND_BYTES / 1024 / 1024} MB` }] });
}

export interface ImportInput {
  bestandsnaam: string;
  content: Buffer | undefined;
  dryRun: boolean;
  /** The mapping as JSON (the API's query) or as an object (the CLI). */
  kolommen?: string | Kolomtoewijzing;
  encoding?: Tekencodering;
  /** Who runs it: the web (default) or the command line (audit). */
  via?: 'cli';
}

function invalid(bestand: string, fouten: ImportFout[]): AppError {
  const eerste = fouten.slice(0, 3).map((f) => `${f.path}: ${f.message}`).join('; ');
  return new AppError('import_invalid', `${bestand} is niet geïmporteerd (${fouten.length} ${fouten.length === 1 ? 'fout' : 'fouten'}; er is niets opgeslagen): ${eerste}${fouten.length > 3 ? '; …' : ''}`, { errors: fouten, file: bestand });
}

export async function importLeerlingen(opts: UseCaseContext & { cohortId: string; input: ImportInput }): Promise<LeerlingImportRapport> {
  // Who may import is settled before the file is read.
  await openCohort({ db: opts.db, auth: opts.auth, cohortId: opts.cohortId, action: 'leerlingen.manage' });
  return importIntoCohort(opts.input, (change) => changePupils(opts, change).then((r) => r.result));
}

/** `doorlopend leerlingen import`: the same import from the command line (no user; the audit entry says via cli). */
export async function importLeerlingenViaCli(opts: { db: Kysely<DB>; cohortId: string; input: ImportInput }): Promise<LeerlingImportRapport> {
  if (!(await repo.findCohort(opts.db, opts.cohortId))) throw notFound(COHORT_NOT_FOUND);
  return importIntoCohort({ ...opts.input, via: 'cli' }, (change) => changePupilsViaCli(opts, change));
}

type Runner = <T>(change: (c: { trx: Transaction<DB>; row: repo.CohortRow; audit: (action: string, details: Record<string, unknown>) => Promise<void> }) => Promise<T>) => Promise<T>;

async function importIntoCohort(input: ImportInput, run: Runner): Promise<LeerlingImportRapport> {
  const bestand = input.bestandsnaam;
  if (!input.content || input.content.length === 0) {
    throw new AppError('validation_failed', `${bestand} is leeg. Kies een CSV- of XLSX-bestand met een kopregel.`, { errors: [{ path: 'body', message: 'leeg bestand' }] });
  }
  if (input.content.length > MAX_LEERLINGBESTAND_BYTES) throw leerlingbestandTeGroot();
  const mapping = typeof input.kolommen === 'object' ? { toewijzing: input.kolommen, fouten: [] } : leesKolomtoewijzing(input.kolommen);
  if (mapping.fouten.length > 0) throw new AppError('validation_failed', `De kolomtoewijzing klopt niet: ${mapping.fouten.map((f) => `${f.path}: ${f.message}`).join('; ')}`, { errors: mapping.fouten });
  let tabel: RuweTabel;
  try {
    tabel = await leesLeerlingBestand(input.content, bestand, input.encoding);
  } catch (e) {
    if (e instanceof LeerlingImportError) {
      if (input.dryRun) return rapport(bestand, 'fouten', { kopregel: [], toewijzing: {}, ontbrekend: [], nietGelezen: [] }, 0, { toevoegen: 0, wijzigen: 0, ongewijzigd: 0 }, e.fouten);
      throw invalid(bestand, e.fouten);
    }
    throw e;
  }
  const gelezen = leesLeerlingen(tabel, mapping.toewijzing);
  const k = gelezen.kolommen;
  if (gelezen.fouten.length > 0) {
    if (input.dryRun) return rapport(bestand, k.ontbrekend.length > 0 ? 'kolommen-ontbreken' : 'fouten', k, 0, { toevoegen: 0, wijzigen: 0, ongewijzigd: 0 }, gelezen.fouten);
    throw invalid(bestand, gelezen.fouten);
  }
  const aanwezig = new Set<LeerlingVeld>(LEERLING_VELDEN.filter((v) => k.toewijzing[v] !== undefined));
  const leerlingen = gelezen.leerlingen.map(({ regel: _regel, ...l }) => l);
  const result = await run(async ({ trx, row, audit }) => {
    const bestaand = await repo.listLeerlingen(trx, row.id);
    const verschil = importVerschil(bestaand, leerlingen, aanwezig);
    if (input.dryRun) return verschil;
    await repo.insertLeerlingen(trx, row.id, row.organisationId, verschil.toevoegen);
    for (const w of verschil.wijzigen) await repo.updateLeerling(trx, row.id, w.id, w.gegevens);
    await audit('leerlingen.geimporteerd', {
      bestand,
      toegevoegd: verschil.toevoegen.length,
      gewijzigd: verschil.wijzigen.length,
      ongewijzigd: verschil.ongewijzigd,
      nietGelezen: k.nietGelezen.filter((n) => n.reden === BSN_REDEN).map((n) => n.kop),
      ...(input.via ? { via: input.via } : {}),
    });
    return verschil;
  });
  return rapport(bestand, input.dryRun ? 'proef' : 'geimporteerd', k, leerlingen.length, { toevoegen: result.toevoegen.length, wijzigen: result.wijzigen.length, ongewijzigd: result.ongewijzigd }, []);
}

function rapport(
  bestand: string,
  status: LeerlingImportRapport['status'],
  k: { kopregel: string[]; toewijzing: Kolomtoewijzing; ontbrekend: LeerlingVeld[]; nietGelezen: Array<{ kop: string; reden: string }> },
  regels: number,
  n: { toevoegen: number; wijzigen: number; ongewijzigd: number },
  fouten: ImportFout[],
): LeerlingImportRapport {
  const bsn = k.nietGelezen.filter((x) => x.reden === BSN_REDEN).map((x) => `‘${x.kop}’`);
  const bsnZin = bsn.length > 0 ? ` De kolom${bsn.length === 1 ? '' : 'men'} ${bsn.join(', ')} ${bsn.length === 1 ? 'is' : 'zijn'} niet gelezen: een BSN of onderwijsnummer slaat Doorlopend nooit op.` : '';
  const melding =
    status === 'kolommen-ontbreken'
      ? `Niet alle verplichte kolommen zijn herkend. Kies bij elk veld de kolom uit het bestand.${bsnZin}`
      : status === 'fouten'
        ? `Het bestand heeft ${fouten.length} ${fouten.length === 1 ? 'fout' : 'fouten'}; zo wordt er niets geïmporteerd. Verbeter het bestand en probeer opnieuw.${bsnZin}`
        : status === 'proef'
          ? `Proefimport: ${n.toevoegen} toe te voegen, ${n.wijzigen} te wijzigen, ${n.ongewijzigd} ongewijzigd. Er is nog niets opgeslagen.${bsnZin}`
          : `Geïmporteerd: ${n.toevoegen} toegevoegd, ${n.wijzigen} gewijzigd, ${n.ongewijzigd} ongewijzigd.${bsnZin}`;
  return {
    bestand,
    status,
    kopregel: k.kopregel,
    toewijzing: k.toewijzing,
    ontbrekend: k.ontbrekend,
    nietGelezen: k.nietGelezen,
    regels,
    toegevoegd: n.toevoegen,
    gewijzigd: n.wijzigen,
    ongewijzigd: n.ongewijzigd,
    fouten,
    melding,
  };
}
