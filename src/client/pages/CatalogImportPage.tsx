import { useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { TABEL_SOORTEN } from '../../shared/account-api.js';
import type { ImportRapport } from '../../shared/account-api.js';
import { api, ApiError, urls } from '../api.js';
import { SignedInOnly } from '../components/SignedInOnly.js';
import { uploadTabel } from '../lib/account-api.js';
import { formatNumber } from '../lib/format.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { useSession } from '../lib/session.js';
import { useApi } from '../lib/useApi.js';
import { OrganisatiesZonderBeheerder } from './organisatie/OrganisatiesZonderBeheerder.js';
import {
  Alert,
  Button,
  Code,
  CodeBlock,
  DocumentLink,
  FileField,
  Heading,
  ListItem,
  PageHeading,
  Paragraph,
  SelectField,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TextField,
  UnorderedList,
} from '../ui/index.js';

const SOORT_LABELS: Record<(typeof TABEL_SOORTEN)[number], string> = {
  kwalificaties: 'Kwalificaties',
  'kerntaken-werkprocessen': 'Kerntaken en werkprocessen',
  keuzedelen: 'Keuzedelen',
  'keuzedeel-aanbod': 'Keuzedeel-aanbod van instellingen',
  'keuzedeel-koppelingen': 'Keuzedeel-koppelingen (SBB)',
};
const SOORT_OPTIONS = [{ value: '', label: 'Afleiden uit de kopregel' }, ...TABEL_SOORTEN.map((s) => ({ value: s, label: SOORT_LABELS[s] }))];

const RECORD_LABELS: Record<string, string> = {
  kwalificatiedossier: 'Kwalificatiedossiers',
  kwalificatie: 'Kwalificaties',
  kerntaak: 'Kerntaken',
  werkproces: 'Werkprocessen',
  'kennis-vaardigheid': 'Vakkennis en vaardigheden',
  keuzedeel: 'Keuzedelen',
  'keuzedeel-aanbod': 'Aanbod van keuzedelen',
  'keuzedeel-koppeling': 'Koppelingen van keuzedelen',
};

const STATUS_TEXT: Record<ImportRapport['status'], string> = {
  proefimport: 'Proefimport: er is nog niets opgeslagen. Zo zou de catalogus veranderen.',
  geimporteerd: 'Geïmporteerd: de catalogus is bijgewerkt.',
  ongewijzigd: 'Geen wijzigingen: de catalogus bevat dit bestand al.',
};

function Rapport({ rapport }: { rapport: ImportRapport }) {
  const kinds = Object.keys(rapport.aantallen).filter(
    (k) => (rapport.aantallen[k] ?? 0) + (rapport.toegevoegd[k] ?? 0) + (rapport.gewijzigd[k] ?? 0) + (rapport.vervallen[k] ?? 0) > 0,
  );
  const n = (v: number | undefined) => formatNumber(v ?? 0);
  return (
    <section aria-labelledby="rapport-heading" className="doorlopend-section">
      <Heading level={2} id="rapport-heading">
        Rapport van {rapport.bestand}
      </Heading>
      <Alert type={rapport.status === 'proefimport' ? 'info' : 'ok'} role="none">
        <Paragraph>{STATUS_TEXT[rapport.status]}</Paragraph>
      </Alert>
      <Paragraph>
        Bron <Code>{rapport.bron}</Code>, release {rapport.release}. {formatNumber(rapport.ongewijzigd)} regels ongewijzigd.
      </Paragraph>
      {rapport.impact ? (
        <Paragraph>
          Gevolgen voor het werk van samenwerkingen: {n(rapport.impact.gewijzigd)} gewijzigde onderdelen, waarvan {n(rapport.impact.items)} in gebruik bij{' '}
          {n(rapport.impact.samenwerkingen)} samenwerkingen ({n(rapport.impact.gebruik)} plekken); {n(rapport.impact.mails)} e-mails klaargezet.
        </Paragraph>
      ) : null}
      {kinds.length > 0 ? (
        <Table caption="Rapport per soort">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Soort</TableHeaderCell>
              <TableHeaderCell scope="col">In het bestand</TableHeaderCell>
              <TableHeaderCell scope="col">Nieuw</TableHeaderCell>
              <TableHeaderCell scope="col">Gewijzigd</TableHeaderCell>
              <TableHeaderCell scope="col">Vervallen</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {kinds.map((k) => (
              <TableRow key={k}>
                <TableHeaderCell scope="row">{RECORD_LABELS[k] ?? k}</TableHeaderCell>
                <TableCell>{n(rapport.aantallen[k])}</TableCell>
                <TableCell>{n(rapport.toegevoegd[k])}</TableCell>
                <TableCell>{n(rapport.gewijzigd[k])}</TableCell>
                <TableCell>{n(rapport.vervallen[k])}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {rapport.waarschuwingen.length > 0 ? (
        <UnorderedList>
          {rapport.waarschuwingen.map((w) => (
            <ListItem key={w}>{w}</ListItem>
          ))}
        </UnorderedList>
      ) : null}
    </section>
  );
}

function ImportForm() {
  const [file, setFile] = useState<File | null>(null);
  const [soort, setSoort] = useState('');
  const [release, setRelease] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<{ error: ApiError; attempt: number } | null>(null);
  const [rapport, setRapport] = useState<ImportRapport | null>(null);
  const [busy, setBusy] = useState<'proef' | 'import' | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);
  useLayoutEffect(() => {
    if (rapport) resultRef.current?.focus();
  }, [rapport]);

  const run = async (dryRun: boolean) => {
    if (busy) return;
    setError(null);
    if (!file) {
      setFileError('Kies een CSV- of XLSX-bestand.');
      fileRef.current?.focus();
      return;
    }
    if (!/\.(csv|xlsx)$/i.test(file.name)) {
      setFileError('Alleen .csv- en .xlsx-bestanden worden ondersteund.');
      fileRef.current?.focus();
      return;
    }
    setFileError(null);
    setBusy(dryRun ? 'proef' : 'import');
    try {
      setRapport(await uploadTabel({ file, dryRun, ...(soort ? { soort } : {}), ...(release.trim() ? { release: release.trim() } : {}) }));
    } catch (e) {
      setRapport(null);
      setError((prev) => ({ error: e instanceof ApiError ? e : new ApiError(0, 'Het laden is niet gelukt.'), attempt: (prev?.attempt ?? 0) + 1 }));
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(true);
  };
  const canImport = rapport?.status === 'proefimport';

  return (
    <>
      <form className="doorlopend-form" noValidate onSubmit={onSubmit} aria-labelledby="upload-heading" aria-busy={busy ? true : undefined}>
        <Heading level={2} id="upload-heading">
          Tabel laden
        </Heading>
        <div ref={errorRef} tabIndex={-1} className="doorlopend-form__message">
          {error ? (
            <Alert type="error" heading="Het bestand is niet geladen" headingLevel={3}>
              <Paragraph>{error.error.message}</Paragraph>
              <Paragraph>Er is niets opgeslagen: een bestand wordt helemaal of niet geladen.</Paragraph>
            </Alert>
          ) : null}
        </div>
        <FileField
          id="upload-bestand"
          label="Bestand (CSV of XLSX)"
          description="UTF-8 CSV (komma of puntkomma) of XLSX (eerste blad), met een kopregel."
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(f) => {
            setFile(f);
            setRapport(null);
          }}
          inputRef={fileRef}
          invalidMessage={fileError ?? undefined}
        />
        <SelectField id="upload-soort" label="Soort tabel" value={soort} options={SOORT_OPTIONS} onChange={setSoort} />
        <TextField id="upload-release" label="Release (optioneel)" description="Bijvoorbeeld 2026-01." value={release} onChange={setRelease} maxLength={100} />
        <Paragraph>
          <Button type="submit" disabled={busy !== null}>
            {busy === 'proef' ? 'Bezig met de proefimport…' : 'Proefimport'}
          </Button>
        </Paragraph>
      </form>
      <div ref={resultRef} tabIndex={-1} className="doorlopend-form__status">
        {rapport ? <Rapport rapport={rapport} /> : null}
      </div>
      {canImport ? (
        <Paragraph>
          <Button appearance="primary-action-button" disabled={busy !== null} onClick={() => void run(false)}>
            {busy === 'import' ? 'Bezig met importeren…' : `${rapport.bestand} importeren`}
          </Button>
        </Paragraph>
      ) : null}
    </>
  );
}

/**
 * The national data through the command line (moved here from the home page: teachers do not need it). The text is
 * the server's (GET /api/status importInstructions); docs/import.md tells the whole story.
 */
function CommandLineImports() {
  const { data } = useApi(urls.status(), (signal) => api.status(signal));
  return (
    <section aria-labelledby="opdrachtregel-heading" className="doorlopend-section">
      <Heading level={2} id="opdrachtregel-heading">
        Landelijke gegevens laden met de opdrachtregel
      </Heading>
      <Paragraph>
        De volledige examenprogramma’s van SLO (vmbo) en de kwalificatiedossiers van SBB (mbo) laadt u op de server met de
        opdrachtregel. Hoe dat gaat, staat in de documentatie bij het programma (docs/import.md).
      </Paragraph>
      {data?.isDemo ? (
        <Alert type="warning" role="none">
          <Paragraph>Deze installatie toont nu alleen demogegevens.</Paragraph>
        </Alert>
      ) : null}
      {data ? <CodeBlock className="doorlopend-instructions">{data.importInstructions}</CodeBlock> : null}
    </section>
  );
}

function CatalogImportContent() {
  const { session } = useSession();
  if (session.status !== 'signed-in') return null;
  return (
    <>
      <PageHeading>Catalogus: mbo-tabellen laden</PageHeading>
      <Paragraph>
        Laad een tabel in de landelijke mbo-catalogus: kwalificaties, kerntaken en werkprocessen, keuzedelen, het keuzedeel-aanbod van instellingen of de
        koppelingen van SBB. Doe eerst een proefimport: u ziet wat er verandert, er wordt nog niets opgeslagen. Een foute regel weigert het hele bestand, met
        het regelnummer.
      </Paragraph>
      {session.me.platformBeheerder ? (
        <>
          <ImportForm />
          <section aria-labelledby="sjablonen-heading" className="doorlopend-section">
            <Heading level={2} id="sjablonen-heading">
              Lege sjablonen
            </Heading>
            <UnorderedList>
              {TABEL_SOORTEN.map((s) => (
                <ListItem key={s}>
                  <DocumentLink href={urls.sjabloon(s)} download>
                    {SOORT_LABELS[s]} ({s}.csv)
                  </DocumentLink>
                </ListItem>
              ))}
            </UnorderedList>
          </section>
          <CommandLineImports />
          <OrganisatiesZonderBeheerder />
        </>
      ) : (
        <Alert type="info" role="status">
          <Paragraph>De landelijke catalogus is van niemand in het bijzonder: alleen platformbeheerders kunnen er tabellen in laden.</Paragraph>
        </Alert>
      )}
    </>
  );
}

/**
 * /beheer/import: a platform beheerder uploads an mbo table (dry run first, then the import), and invites a beheerder
 * into an organisation that has none.
 */
export function CatalogImportPage() {
  useDocumentTitle('Catalogus laden');
  return (
    <SignedInOnly>
      <CatalogImportContent />
    </SignedInOnly>
  );
}
