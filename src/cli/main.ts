/** The doorlopend command line: imports and maintenance, against the same database as the app. */
import { Command, CommanderError } from 'commander';
import { loadConfig } from '../server/config.js';
import { openDatabase, type Database } from '../server/db/database.js';
import { AppError } from '../server/errors.js';
import { importSlo, type SloImportReport } from '../server/use-cases/catalog/import-slo.js';
import type { VmboKind } from '../domain/vmbo/slo-dataset.js';

const KIND_LABELS: Record<VmboKind, string> = {
  profiel: 'profielen',
  kern: 'kernen',
  kerndeel: 'kerndelen',
  profielmodule: 'profielmodulen',
  keuzevak: 'keuzevakken',
  deeltaak: 'deeltaken',
  eindterm: 'eindtermen',
};

function line(counts: Record<VmboKind, number>): string {
  const parts = (Object.keys(KIND_LABELS) as VmboKind[]).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${KIND_LABELS[k]}`);
  return parts.length > 0 ? parts.join(', ') : 'niets';
}

export function formatSloReport(r: SloImportReport): string {
  const out: string[] = [];
  const head =
    r.status === 'ongewijzigd'
      ? 'Geen wijzigingen: de catalogus bevat deze gegevens al.'
      : r.status === 'proefimport'
        ? 'Proefimport (--dry-run): er is niets geschreven.'
        : `Geïmporteerd als release "${r.release}".`;
  out.push(`SLO-import uit ${r.location}`, head);
  out.push(`  In de bron:        ${line(r.counts)}`);
  out.push(`  Toegevoegd:        ${line(r.added)}`);
  out.push(`  Gewijzigd:         ${line(r.changed)}`);
  out.push(`  Vervallen:         ${line(r.vervallen)}`);
  out.push(`  Ongewijzigd:       ${r.unchanged} items`);
  if (r.demoReplaced) out.push('  De ingebouwde demodata is vervangen door deze gegevens.');
  for (const d of r.duplicates) {
    out.push(
      `  Let op: code ${d.code} komt ${d.otherIds.length + 1} keer voor bij SLO. Getoond wordt ${d.shownId} (${d.reason}); ` +
        `${d.otherIds.join(', ')} blijft bewaard als tweede versie en is bereikbaar via de pagina van ${d.code}.`,
    );
  }
  for (const w of r.warnings) out.push(`  Waarschuwing: ${w}`);
  out.push(`  Duur: ${r.durationMs} ms`);
  return out.join('\n');
}

async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

export function buildCli(): Command {
  const program = new Command('doorlopend').description('Doorlopend: beheer van de catalogus en de database').exitOverride();
  const imp = program.command('import').description('Gegevens importeren in de catalogus');
  imp
    .command('slo')
    .description('Het SLO-examenprogramma beroepsgericht (vmbo) importeren uit een map of een HTTP(S)-adres')
    .argument('<map-of-url>', 'map of basis-URL met examenprogramma-bg/*.json en basis/niveaus.json')
    .option('--release <naam>', 'naam van de release, bijvoorbeeld 2025-11')
    .option('--dry-run', 'alleen laten zien wat er zou veranderen; niets schrijven')
    .option('--json', 'het rapport als JSON')
    .action(async (location: string, options: { release?: string; dryRun?: boolean; json?: boolean }) => {
      const report = await withDatabase((d) => importSlo({ db: d.db, location, release: options.release, dryRun: options.dryRun }));
      console.log(options.json ? JSON.stringify(report, null, 2) : formatSloReport(report));
    });
  program
    .command('migrate')
    .description('De databasemigraties uitvoeren (gebeurt ook bij het starten van de app)')
    .action(async () => {
      await withDatabase(async (d) => console.log(`Database bijgewerkt (${d.description}).`));
    });
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildCli().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof AppError) {
      console.error(`Fout: ${err.message}`);
      console.error('De database is niet gewijzigd.');
      return 1;
    }
    console.error(`Fout: ${(err as Error).message}`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
