/**
 * /cohorten/:cohortId/import (issue 14): importing pupils from the export of Magister, Somtoday or another package.
 * Four steps on one page: choose the file → the columns found in it, with a choice per field (the mapping, for other
 * exports) → the dry run's preview (what would be added and changed, every error with its line number, the columns
 * not read — a BSN or onderwijsnummer never is) → import. All or nothing: with an error nothing is imported.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { LEERLING_VELD_NAMEN, LEERLING_VELDEN, VERPLICHTE_VELDEN, type Kolomtoewijzing, type LeerlingImportRapport, type LeerlingVeld } from '../../../shared/leerlingen-api.js';
import { ApiError } from '../../api.js';
import { LoadError, Loading } from '../../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../../components/SignedInOnly.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useApi } from '../../lib/useApi.js';
import {
  Alert, Button, Fieldset, FileField, Heading, Link, ListItem, PageHeading, Paragraph, SelectField, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList,
} from '../../ui/index.js';
import { cohortPath, importeer, leerlingenApi, leerlingenUrls } from './leerlingen-api.js';
import './leerlingen.css';

type Fout = { path: string; message: string };

function Fouten({ fouten, kop }: { fouten: Fout[]; kop: string }) {
  return (
    <Table caption={kop}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Waar</TableHeaderCell>
          <TableHeaderCell scope="col">Wat is er mis</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {fouten.map((f, i) => (
          <TableRow key={i}>
            <TableHeaderCell scope="row">{f.path}</TableHeaderCell>
            <TableCell>{f.message}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Wizard({ cohortId, naam }: { cohortId: string; naam: string }) {
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [kolommen, setKolommen] = useState<Kolomtoewijzing>({});
  const [rapport, setRapport] = useState<LeerlingImportRapport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'proef' | 'import' | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState(0);

  useLayoutEffect(() => {
    if (focus === 0) return;
    (error ? errorRef : resultRef).current?.focus();
  }, [focus, error]);

  const run = async (dryRun: boolean, mapping: Kolomtoewijzing = kolommen) => {
    if (busy) return;
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
    setError(null);
    setBusy(dryRun ? 'proef' : 'import');
    try {
      const r = await importeer(cohortId, { file, dryRun, kolommen: mapping });
      if (!dryRun) {
        navigate(cohortPath(cohortId), { state: { bericht: r.melding } });
        return;
      }
      setRapport(r);
      // The columns found become the starting point of the mapping.
      setKolommen(Object.fromEntries(LEERLING_VELDEN.map((v) => [v, mapping[v] ?? r.toewijzing[v] ?? ''])));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'Het importeren is niet gelukt.'));
    } finally {
      setBusy(null);
      setFocus((n) => n + 1);
    }
  };

  const opties = rapport ? [{ value: '', label: '(geen kolom)' }, ...rapport.kopregel.filter((k) => k !== '').map((k) => ({ value: k, label: k }))] : [];
  const bsn = rapport?.nietGelezen.filter((n) => n.reden.includes('BSN')) ?? [];
  return (
    <>
      <form
        className="doorlopend-form doorlopend-leerlingen-form"
        aria-labelledby="stap-bestand"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setKolommen({});
          void run(true, {});
        }}
      >
        <Heading level={2} id="stap-bestand">
          1. Bestand kiezen
        </Heading>
        <Paragraph>
          Exporteer de leerlingen uit Magister of Somtoday als CSV of Excel (XLSX), met leerlingnummer, roepnaam, tussenvoegsel, achternaam, klas en leerweg. Een kolom met
          BSN of onderwijsnummer hoeft u niet weg te halen: Doorlopend leest die nooit.
        </Paragraph>
        <FileField
          id="import-bestand"
          label="Bestand met leerlingen"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(f) => {
            setFile(f);
            setRapport(null);
            setError(null);
          }}
          inputRef={fileRef}
          invalidMessage={fileError}
        />
        <Button type="submit" disabled={busy !== null}>
          {busy === 'proef' ? 'Bezig met controleren…' : 'Bestand controleren'}
        </Button>
      </form>
      <div ref={errorRef} tabIndex={-1} className="doorlopend-form__message">
        {error ? (
          <Alert type="error" heading="Het bestand is niet geïmporteerd" headingLevel={2}>
            <Paragraph>{error.message}</Paragraph>
            {error.problem?.errors && error.problem.errors.length > 0 ? <Fouten fouten={error.problem.errors} kop="Fouten in het bestand" /> : null}
          </Alert>
        ) : null}
      </div>
      <div ref={resultRef} tabIndex={-1} aria-labelledby={rapport ? 'stap-kolommen' : undefined}>
        {rapport ? (
          <>
            <form
              className="doorlopend-form"
              aria-labelledby="stap-kolommen"
              onSubmit={(e) => {
                e.preventDefault();
                void run(true);
              }}
            >
              <Heading level={2} id="stap-kolommen">
                2. Kolommen
              </Heading>
              <Paragraph>
                In {rapport.bestand} staan {rapport.kopregel.length} kolommen. Kies bij elk veld de kolom uit het bestand; verplicht zijn{' '}
                {VERPLICHTE_VELDEN.map((v) => LEERLING_VELD_NAMEN[v].toLowerCase()).join(', ')}.
              </Paragraph>
              <Fieldset id="import-mapping" legend="Welke kolom hoort bij welk veld?">
                <div className="doorlopend-leerlingen-mapping">
                  {LEERLING_VELDEN.map((veld: LeerlingVeld) => (
                    <SelectField
                      key={veld}
                      id={`kolom-${veld}`}
                      label={`${LEERLING_VELD_NAMEN[veld]}${VERPLICHTE_VELDEN.includes(veld) ? '' : ' (optioneel)'}`}
                      value={kolommen[veld] ?? ''}
                      options={opties}
                      onChange={(v) => setKolommen((k) => ({ ...k, [veld]: v }))}
                      invalidMessage={rapport.ontbrekend.includes(veld) ? 'Kies de kolom' : undefined}
                    />
                  ))}
                </div>
              </Fieldset>
              {bsn.length > 0 ? (
                <Alert type="info" role="none">
                  <Paragraph>
                    Niet gelezen: {bsn.map((n) => `‘${n.kop}’`).join(', ')}. Een BSN of onderwijsnummer slaat Doorlopend nooit op.
                  </Paragraph>
                </Alert>
              ) : null}
              <Button type="submit" appearance="secondary-action-button" disabled={busy !== null}>
                Opnieuw controleren met deze kolommen
              </Button>
            </form>
            <section aria-labelledby="stap-proef" className="doorlopend-section">
              <Heading level={2} id="stap-proef">
                3. Controle
              </Heading>
              <Alert type={rapport.status === 'proef' ? 'info' : 'warning'} role="none">
                <Paragraph>{rapport.melding}</Paragraph>
              </Alert>
              {rapport.status === 'proef' ? (
                <UnorderedList>
                  <ListItem>{rapport.toegevoegd} nieuwe leerlingen</ListItem>
                  <ListItem>{rapport.gewijzigd} leerlingen met gewijzigde gegevens</ListItem>
                  <ListItem>{rapport.ongewijzigd} leerlingen ongewijzigd</ListItem>
                </UnorderedList>
              ) : null}
              {rapport.fouten.length > 0 ? <Fouten fouten={rapport.fouten} kop={`Fouten (${rapport.fouten.length}); er wordt niets geïmporteerd`} /> : null}
            </section>
            {rapport.status === 'proef' ? (
              <section aria-labelledby="stap-import" className="doorlopend-section">
                <Heading level={2} id="stap-import">
                  4. Importeren
                </Heading>
                <Paragraph>
                  Leerlingen met hetzelfde leerlingnummer worden bijgewerkt, nieuwe toegevoegd; leerlingen die niet in het bestand staan, blijven in {naam}.
                </Paragraph>
                <Button disabled={busy !== null} onClick={() => void run(false)}>
                  {busy === 'import' ? 'Bezig met importeren…' : `${rapport.toegevoegd + rapport.gewijzigd} leerlingen importeren`}
                </Button>
              </section>
            ) : null}
          </>
        ) : null}
      </div>
    </>
  );
}

function Inhoud({ cohortId }: { cohortId: string }) {
  const c = useApi(leerlingenUrls.cohort(cohortId), (signal) => leerlingenApi.cohort(cohortId, signal));
  useSessionExpiry(c.error);
  useDocumentTitle(c.data ? `Leerlingen importeren: ${c.data.naam}` : 'Leerlingen importeren');
  if (c.error && !c.error.isUnauthorized) return <LoadError error={c.error} />;
  if (!c.data) return <Loading />;
  return (
    <article className="doorlopend-detail doorlopend-leerlingen">
      <p className="doorlopend-preheading">
        <Link to={cohortPath(c.data.id)}>{c.data.naam}</Link>
      </p>
      <PageHeading>Leerlingen importeren</PageHeading>
      {c.data.magBeheren ? (
        <Wizard cohortId={c.data.id} naam={c.data.naam} />
      ) : (
        <Alert type="warning">
          <Paragraph>U kunt in deze groep geen leerlingen importeren.</Paragraph>
        </Alert>
      )}
    </article>
  );
}

export function ImportPage() {
  const { cohortId = '' } = useParams();
  return (
    <SignedInOnly>
      <Inhoud key={cohortId} cohortId={cohortId.toLowerCase()} />
    </SignedInOnly>
  );
}
