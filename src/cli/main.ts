/** The doorlopend command line: imports and maintenance, against the same database as the app. */
import { Command, CommanderError } from 'commander';
import { loadConfig } from '../server/config.js';
import { openDatabase, type Database } from '../server/db/database.js';
import { AppError } from '../server/errors.js';
import { importSlo, type SloImportReport } from '../server/use-cases/catalog/import-slo.js';
import type { VmboKind } from '../domain/vmbo/slo-dataset.js';
import { MBO_RECORD_KINDS, type MboRecordKind } from '../domain/mbo/catalog-records.js';
import { TABLE_KINDS } from '../domain/mbo/columns.js';
import { TEKENCODERINGEN, isTekencodering } from '../domain/mbo/csv.js';
import { importSbbXml } from '../server/use-cases/catalog/import-sbb-xml.js';
import { importMboTabel, importMboTabellen, isTableKind } from '../server/use-cases/catalog/import-mbo-tabel.js';
import type { MboImportReport } from '../server/use-cases/catalog/mbo-import-common.js';
import { createUser } from '../server/use-cases/auth/create-user.js';
import { ORGANISATION_KINDS, ROLES, type OrganisationKind, type Role } from '../domain/auth/rules.js';
import { matchCatalog } from '../server/use-cases/matching/match.js';
import { MATCH_SOORTEN, MatchQuery, MatchResponse } from '../shared/match-api.js';
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { importLeerlingenViaCli } from '../server/use-cases/leerlingen/import-leerlingen.js';
import { schoonLeerlingenOp, type OpschoonResultaat } from '../server/use-cases/leerlingen/opschonen.js';
import { formatImportVoorbeeld, importCrosswalkViaCli } from '../server/use-cases/case/import-cli.js';
import { LEERLING_VELDEN, type Kolomtoewijzing, type LeerlingImportRapport, type LeerlingVeld } from '../shared/leerlingen-api.js';

/** `--kolom veld=kop`, repeatable: the column mapping of a pupil import. */
function kolomOptie(value: string, previous: Kolomtoewijzing): Kolomtoewijzing {
  const m = /^([A-Za-z]+)=(.+)$/.exec(value);
  if (!m || !(LEERLING_VELDEN as readonly string[]).includes(m[1]!)) {
    throw new AppError('validation_failed', `--kolom ${value}: schrijf veld=kop, met een veld uit ${LEERLING_VELDEN.join(', ')}.`);
  }
  return { ...previous, [m[1] as LeerlingVeld]: m[2]! };
}

function formatLeerlingImport(r: LeerlingImportRapport): string {
  const out = [r.melding];
  const velden = Object.entries(r.toewijzing).map(([veld, kop]) => `${veld} ← ${kop}`);
  if (velden.length > 0) out.push(`Kolommen: ${velden.join(', ')}`);
  for (const n of r.nietGelezen) out.push(`Niet gelezen: ${n.kop} (${n.reden})`);
  for (const f of r.fouten) out.push(`  ${f.path}: ${f.message}`);
  return out.join('\n');
}

function formatOpschonen(r: OpschoonResultaat): string {
  if (r.cohorten.length === 0) return `Peildatum ${r.peildatum}: geen groep leerlingen voorbij de bewaartermijn.`;
  return [
    `Peildatum ${r.peildatum}: de leerlinggegevens van ${r.cohorten.length} ${r.cohorten.length === 1 ? 'groep zijn' : 'groepen zijn'} verwijderd (de aantallen zijn bewaard).`,
    ...r.cohorten.map((c) => `  ${c.naam}: ${c.opgeschoond.leerlingen} leerlingen, ${c.opgeschoond.inschrijvingen} inschrijvingen, ${c.opgeschoond.beoordelingen} beoordelingen, ${c.opgeschoond.behaald} behaald`),
  ].join('\n');
}

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
  if (r.impact) {
    out.push(
      `  Gevolgen:          ${r.impact.gewijzigd} gewijzigde onderdelen (${r.impact.metOpvolger} met opvolger uit de bron, ${r.impact.metSuggestie} met voorstel); ` +
        `${r.impact.items} in gebruik bij ${r.impact.samenwerkingen} samenwerkingen op ${r.impact.gebruik} plekken; ${r.impact.mails} e-mails klaargezet`,
    );
  }
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

const MBO_KIND_LABELS: Record<MboRecordKind, string> = {
  kwalificatiedossier: 'kwalificatiedossiers',
  kwalificatie: 'kwalificaties',
  kerntaak: 'kerntaken',
  werkproces: 'werkprocessen',
  'kennis-vaardigheid': 'vakkennis en vaardigheden',
  keuzedeel: 'keuzedelen',
  'keuzedeel-aanbod': 'aangeboden keuzedelen',
  'keuzedeel-koppeling': 'gekoppelde keuzedelen',
};

function mboLine(counts: Record<MboRecordKind, number>): string {
  const parts = MBO_RECORD_KINDS.filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${MBO_KIND_LABELS[k]}`);
  return parts.length > 0 ? parts.join(', ') : 'niets';
}

export function formatMboReport(r: MboImportReport): string {
  const head =
    r.status === 'ongewijzigd'
      ? 'Geen wijzigingen: de catalogus bevat deze gegevens al.'
      : r.status === 'proefimport'
        ? 'Proefimport (--dry-run): er is niets geschreven.'
        : `Geïmporteerd als release "${r.release}".`;
  const title = r.source === 'sbb-xml' ? 'SBB-kwalificatiedossiers' : `mbo-tabel (${r.source.replace(/^mbo-tabel:/, '')})`;
  const out = [`Import ${title} uit ${r.location}`, head];
  if (r.files.length > 1) out.push(`  Bestanden:         ${r.files.join(', ')}`);
  out.push(`  In de bron:        ${mboLine(r.counts)}`);
  out.push(`  Toegevoegd:        ${mboLine(r.added)}`);
  out.push(`  Gewijzigd:         ${mboLine(r.changed)}`);
  out.push(`  Vervallen:         ${mboLine(r.vervallen)}`);
  out.push(`  Ongewijzigd:       ${r.unchanged} items`);
  if (r.impact) {
    out.push(
      `  Gevolgen:          ${r.impact.gewijzigd} gewijzigde onderdelen (${r.impact.metOpvolger} met opvolger uit de bron, ${r.impact.metSuggestie} met voorstel); ` +
        `${r.impact.items} in gebruik bij ${r.impact.samenwerkingen} samenwerkingen op ${r.impact.gebruik} plekken; ${r.impact.mails} e-mails klaargezet`,
    );
  }
  for (const w of r.warnings) out.push(`  Let op: ${w}`);
  out.push(`  Duur: ${r.durationMs} ms`);
  return out.join('\n');
}

export function formatMatch(r: MatchResponse): string {
  const out = [`Zoekmonitor: ${r.query.kind} ${r.query.codes.join(', ') || `"${r.query.title}"`}${r.query.codes.length > 0 ? ` (${r.query.title})` : ''}`, r.note, ''];
  if (r.results.length === 0) out.push('Geen suggesties gevonden.');
  const rows = r.results.map((x, i) => [
    String(i + 1),
    x.type,
    x.type === 'kwalificatie' ? x.crebo : x.code,
    x.title.length > 48 ? `${x.title.slice(0, 47)}…` : x.title,
    x.type === 'kwalificatie' ? `${x.dossierTitle} (${x.dossierCrebo})` : '',
    x.score.toFixed(2),
    x.confidence,
    x.explanation.sharedTerms.slice(0, 5).join(', '),
  ]);
  if (rows.length > 0) {
    const head = ['#', 'soort', 'code', 'titel', 'dossier', 'score', 'betrouwbaarheid', 'gedeelde woorden'];
    const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
    // Backwards (keuzevakken, profielmodulen) there is no dossier column.
    const shown = head.map((_, c) => c !== 4 || rows.some((row) => row[4] !== ''));
    const fmt = (row: string[]) => row.filter((_, c) => shown[c]).map((cell, c) => cell.padEnd(widths.filter((_, i) => shown[i])[c]!)).join('  ').trimEnd();
    out.push(fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt));
  }
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
      const report = await withDatabase((d) => importSlo({ db: d.db, location, release: options.release, dryRun: options.dryRun, publicUrl: process.env.PUBLIC_URL }));
      console.log(options.json ? JSON.stringify(report, null, 2) : formatSloReport(report));
    });
  imp
    .command('sbb-xml')
    .description('SBB-kwalificatiedossiers (XML-export) importeren uit een bestand of een map met .xml-bestanden')
    .argument('<bestand-of-map>', 'een .xml-bestand of een map met .xml-bestanden')
    .option('--release <naam>', 'naam van de release, bijvoorbeeld 2025-11')
    .option('--dry-run', 'alleen laten zien wat er zou veranderen; niets schrijven')
    .option('--json', 'het rapport als JSON')
    .action(async (location: string, options: { release?: string; dryRun?: boolean; json?: boolean }) => {
      const report = await withDatabase((d) => importSbbXml({ db: d.db, location, release: options.release, dryRun: options.dryRun, publicUrl: process.env.PUBLIC_URL }));
      console.log(options.json ? JSON.stringify(report, null, 2) : formatMboReport(report));
    });
  imp
    .command('tabel')
    .description(
      'Een mbo-tabel (CSV of XLSX) importeren: kwalificaties, kerntaken-werkprocessen, keuzedelen, keuzedeel-aanbod of keuzedeel-koppelingen; ' +
        'of alle tabellen van een map (eerst allemaal gecontroleerd: er wordt niets geschreven als er één wordt geweigerd)',
    )
    .argument('<bestand-of-map>', 'een .csv- of .xlsx-bestand, of een map met zulke bestanden')
    .option('--soort <soort>', `soort tabel (${TABLE_KINDS.join(', ')}); standaard herkend aan de kopregel`)
    .option('--release <naam>', 'naam van de release, bijvoorbeeld 2025-11')
    .option('--dry-run', 'alleen laten zien wat er zou veranderen; niets schrijven')
    .option('--encoding <codering>', `tekencodering van een CSV-bestand (${TEKENCODERINGEN.join(', ')}); standaard utf-8, dat dan geldig moet zijn`)
    .option('--json', 'het rapport als JSON')
    .action(async (file: string, options: { soort?: string; release?: string; dryRun?: boolean; encoding?: string; json?: boolean }) => {
      if (options.soort !== undefined && !isTableKind(options.soort)) {
        throw new AppError('validation_failed', `Onbekende soort tabel "${options.soort}"; kies uit: ${TABLE_KINDS.join(', ')}.`);
      }
      const encoding = options.encoding?.toLowerCase();
      if (encoding !== undefined && !isTekencodering(encoding)) {
        throw new AppError('validation_failed', `Onbekende tekencodering "${options.encoding}"; kies uit: ${TEKENCODERINGEN.join(', ')}.`);
      }
      const kind = options.soort;
      if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
        if (kind !== undefined) throw new AppError('validation_failed', '--soort geldt voor één bestand; in een map wordt de soort van elke tabel aan de kopregel herkend.');
        const reports = await withDatabase((d) => importMboTabellen({ db: d.db, folder: file, release: options.release, dryRun: options.dryRun, encoding, publicUrl: process.env.PUBLIC_URL }));
        console.log(options.json ? JSON.stringify(reports, null, 2) : reports.map(formatMboReport).join('\n\n'));
        return;
      }
      const report = await withDatabase((d) => importMboTabel({ db: d.db, file, kind, release: options.release, dryRun: options.dryRun, encoding, publicUrl: process.env.PUBLIC_URL }));
      console.log(options.json ? JSON.stringify(report, null, 2) : formatMboReport(report));
    });
  const admin = program.command('admin').description('Beheer van accounts');
  admin
    .command('create-user')
    .description('Een gebruiker aanmaken met een rol in een organisatie (de organisatie wordt aangemaakt als ze nog niet bestaat)')
    .requiredOption('--email <email>', 'e-mailadres (inlognaam)')
    .requiredOption('--naam <naam>', 'naam van de persoon')
    .requiredOption('--organisatie <naam>', 'naam van de organisatie')
    .option('--soort <soort>', `soort organisatie, nodig als ze nog niet bestaat (${ORGANISATION_KINDS.join(', ')})`)
    .option('--rol <rol>', `rol (${ROLES.join(', ')})`, 'beheerder')
    .option('--wachtwoord-env <VAR>', 'naam van de omgevingsvariabele met het wachtwoord (nooit het wachtwoord zelf op de opdrachtregel)')
    .option('--platform-beheerder', 'ook platformbeheerder: mag tabellen in de landelijke catalogus laden via /beheer/import')
    .action(async (options: { email: string; naam: string; organisatie: string; soort?: string; rol: string; wachtwoordEnv?: string; platformBeheerder?: boolean }) => {
      if (options.soort !== undefined && !(ORGANISATION_KINDS as readonly string[]).includes(options.soort)) {
        throw new AppError('validation_failed', `Onbekende soort "${options.soort}"; kies uit: ${ORGANISATION_KINDS.join(', ')}.`);
      }
      if (!(ROLES as readonly string[]).includes(options.rol)) throw new AppError('validation_failed', `Onbekende rol "${options.rol}"; kies uit: ${ROLES.join(', ')}.`);
      let password: string | undefined;
      if (options.wachtwoordEnv !== undefined) {
        password = process.env[options.wachtwoordEnv];
        if (!password) throw new AppError('validation_failed', `De omgevingsvariabele ${options.wachtwoordEnv} is leeg of bestaat niet.`);
      }
      const result = await withDatabase((d) =>
        createUser({ db: d.db, email: options.email, naam: options.naam, organisatie: options.organisatie, soort: options.soort as OrganisationKind | undefined, rol: options.rol as Role, password, platformBeheerder: options.platformBeheerder === true }),
      );
      console.log(
        `Gebruiker ${options.email.trim().toLowerCase()} aangemaakt met rol ${options.rol} in "${options.organisatie}"` +
          `${result.organisationCreated ? ' (organisatie nieuw aangemaakt)' : ''}${options.platformBeheerder ? ', en platformbeheerder' : ''}.` +
          (password === undefined ? ' Er is geen wachtwoord gezet: inloggen kan pas na een wachtwoordherstel of met SSO.' : ''),
      );
    });
  program
    .command('match')
    .description('Zoekmonitor: passende kwalificaties en keuzedelen bij een keuzevak, profielmodule, keuzevakken of tekst; omgekeerd keuzevakken en profielmodulen bij een kwalificatie of keuzedeel (suggesties)')
    .option('--keuzevak <code>', 'code van een keuzevak, bijvoorbeeld K/PIE/16')
    .option('--profielmodule <code>', 'code van een profielmodule, bijvoorbeeld P/PIE/02')
    .option('--keuzevakken <codes>', "keuzevakken, met komma's gescheiden")
    .option('--tekst <tekst>', 'vrije tekst')
    .option('--kwalificatie <crebo>', 'omgekeerd: crebo van een kwalificatie')
    .option('--keuzedeel <code>', 'omgekeerd: code van een keuzedeel')
    .option('--soort <soort>', `alleen resultaten van deze soort (${MATCH_SOORTEN.join(', ')})`)
    .option('--limit <n>', 'aantal resultaten (1-100)', '20')
    .option('--json', 'het antwoord als JSON, gelijk aan GET /api/match')
    .action(async (options: Record<string, string | boolean | undefined>) => {
      const { json, ...params } = options;
      const parsed = MatchQuery.safeParse(params);
      if (!parsed.success) {
        const errors = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new AppError('validation_failed', errors.map((e) => (e.path ? `--${e.path}: ${e.message}` : e.message)).join('; '), { errors });
      }
      const response = MatchResponse.parse(await withDatabase((d) => matchCatalog({ db: d.db, query: parsed.data })));
      console.log(json ? JSON.stringify(response, null, 2) : formatMatch(response));
    });
  const leerlingen = program.command('leerlingen').description('Leerlingen van een groep (cohort): importeren en na de bewaartermijn opschonen');
  leerlingen
    .command('import')
    .description('Leerlingen importeren uit de CSV of XLSX van Magister, Somtoday of een ander pakket: alles of niets, een BSN of onderwijsnummer wordt nooit gelezen')
    .requiredOption('--cohort <id>', 'id van de groep leerlingen')
    .requiredOption('--bestand <bestand>', 'een .csv- of .xlsx-bestand')
    .option('--dry-run', 'alleen laten zien wat er zou veranderen; niets schrijven')
    .option('--kolom <veld=kop>', `welke kolom bij een veld hoort (herhaalbaar), zoals --kolom leerlingnummer=Nr; velden: ${LEERLING_VELDEN.join(', ')}`, kolomOptie, {})
    .option('--encoding <codering>', `tekencodering van een CSV-bestand (${TEKENCODERINGEN.join(', ')}); standaard utf-8`)
    .option('--json', 'het rapport als JSON')
    .action(async (options: { cohort: string; bestand: string; dryRun?: boolean; kolom: Kolomtoewijzing; encoding?: string; json?: boolean }) => {
      const encoding = options.encoding?.toLowerCase();
      if (encoding !== undefined && !isTekencodering(encoding)) throw new AppError('validation_failed', `Onbekende tekencodering "${options.encoding}"; kies uit: ${TEKENCODERINGEN.join(', ')}.`);
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(options.cohort)) throw new AppError('validation_failed', `--cohort ${options.cohort}: geen geldig id van een groep.`);
      let content: Buffer;
      try {
        content = await readFile(options.bestand);
      } catch {
        throw new AppError('import_invalid', `Bestand niet gevonden of niet leesbaar: ${options.bestand}`, { file: options.bestand });
      }
      const input = { bestandsnaam: path.basename(options.bestand), content, dryRun: options.dryRun === true, kolommen: options.kolom, ...(encoding ? { encoding } : {}) };
      let report: LeerlingImportRapport;
      try {
        report = await withDatabase((d) => importLeerlingenViaCli({ db: d.db, cohortId: options.cohort, input }));
      } catch (err) {
        if (err instanceof AppError && err.details.errors) for (const f of err.details.errors) console.error(`  ${f.path}: ${f.message}`);
        throw err;
      }
      console.log(options.json ? JSON.stringify(report, null, 2) : formatLeerlingImport(report));
      if (options.dryRun) console.log('Proefimport (--dry-run): er is niets geschreven.');
      // A dry run that found errors: the file cannot be imported as it is.
      if (report.fouten.length > 0) throw new AppError('import_invalid', `${report.bestand} kan zo niet worden geïmporteerd.`);
    });
  leerlingen
    .command('opschonen')
    .description('De leerlinggegevens verwijderen van elke groep voorbij de bewaartermijn (de aantallen blijven); de server doet dit ook elk uur')
    .option('--peildatum <YYYY-MM-DD>', 'de dag waarop de bewaartermijn wordt getoetst; standaard vandaag')
    .option('--json', 'het resultaat als JSON')
    .action(async (options: { peildatum?: string; json?: boolean }) => {
      if (options.peildatum !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.peildatum)) throw new AppError('validation_failed', `--peildatum ${options.peildatum}: schrijf de datum als 2029-08-01.`);
      const r = await withDatabase((d) => schoonLeerlingenOp({ db: d.db, ...(options.peildatum ? { peildatum: options.peildatum } : {}), via: 'cli' }));
      console.log(options.json ? JSON.stringify(r, null, 2) : formatOpschonen(r));
    });
  program
    .command('crosswalk')
    .description('De crosswalk van een samenwerking')
    .command('import')
    .description('Koppelingen importeren als voorstellen: een CASE 1.1-pakket (.json) of een bewerkte crosswalk-XLSX; alles of niets')
    .requiredOption('--samenwerking <id>', 'id van de samenwerking')
    .requiredOption('--door <e-mail>', 'het lid van de samenwerking namens wie wordt geïmporteerd (staat in de geschiedenis en het auditlog)')
    .requiredOption('--bestand <bestand>', 'een .json-bestand (CASE-pakket) of een .xlsx-bestand (crosswalk-export)')
    .option('--dry-run', 'alleen laten zien wat er zou veranderen; niets schrijven')
    .option('--json', 'het voorbeeld als JSON')
    .action(async (options: { samenwerking: string; door: string; bestand: string; dryRun?: boolean; json?: boolean }) => {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(options.samenwerking)) throw new AppError('validation_failed', `--samenwerking ${options.samenwerking}: geen geldig id.`);
      let file: Buffer;
      try {
        file = await readFile(options.bestand);
      } catch {
        throw new AppError('import_invalid', `Bestand niet gevonden of niet leesbaar: ${options.bestand}`, { file: options.bestand });
      }
      try {
        const v = await withDatabase((d) => importCrosswalkViaCli({ db: d.db, partnershipId: options.samenwerking, email: options.door, file, bestandsnaam: path.basename(options.bestand), dryRun: options.dryRun === true }));
        console.log(options.json ? JSON.stringify(v, null, 2) : formatImportVoorbeeld(v));
        if (options.dryRun) console.log('Proefimport (--dry-run): er is niets geschreven.');
      } catch (err) {
        if (err instanceof AppError && err.details.errors) for (const f of err.details.errors) console.error(`  ${f.path}: ${f.message}`);
        throw err;
      }
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
