/**
 * Crosswalks that travel (issue 18): import a CASE 1.1 package (.json) or an edited crosswalk XLSX into a
 * samenwerking. First a preview (what is new, changed, removed, not recognised), then the import: new and changed
 * links become proposals, which partners confirm or reject below. Also the XLSX export to edit.
 */
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { z } from 'zod';
import { ImportVoorbeeld, Voorstel, type ImportKoppeling } from '../../../shared/case-api.js';
import { ApiError, apiUrl, getJson, sendFile, sendJson } from '../../api.js';
import { SignedInOnly } from '../../components/SignedInOnly.js';
import { Alert, Button, DocumentLink, FileField, Heading, Link, PageHeading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/index.js';

const seg = encodeURIComponent;
const rel = (r: string | null) => r ?? 'zonder type';

/** Sends the chosen file as it is (JSON or XLSX); a refusal's message names its first ten rows. */
async function upload(partnershipId: string, file: File, dryRun: boolean): Promise<ImportVoorbeeld> {
  const xlsx = /\.xlsx$/i.test(file.name);
  const url = apiUrl(`/api/partnerships/${seg(partnershipId)}/crosswalk/import/${xlsx ? 'xlsx' : 'case'}`, { dryRun: dryRun ? 'ja' : 'nee', bestand: file.name });
  try {
    return await sendFile(url, file, ImportVoorbeeld, { otherType: 'application/json' });
  } catch (e) {
    const errors = e instanceof ApiError ? (e.problem?.errors ?? []) : [];
    if (errors.length === 0) throw e;
    throw new Error(`${(e as Error).message} ${errors.slice(0, 10).map((f) => `${f.path}: ${f.message}`).join('; ')}`);
  }
}

function Koppelingen({ titel, rijen, was }: { titel: string; rijen: Array<ImportKoppeling & { was?: { relatie: string | null } }>; was?: boolean }) {
  if (rijen.length === 0) return null;
  return (
    <Table caption={`${titel} (${rijen.length})`}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Eindterm (vmbo)</TableHeaderCell>
          <TableHeaderCell scope="col">Werkproces of keuzedeel (mbo)</TableHeaderCell>
          <TableHeaderCell scope="col">Relatie</TableHeaderCell>
          <TableHeaderCell scope="col">Toelichting</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rijen.map((r) => (
          <TableRow key={`${r.eindtermId}|${r.werkprocesId}`}>
            <TableCell>{r.eindterm}</TableCell>
            <TableCell>{r.werkproces}</TableCell>
            <TableCell>{was && r.was ? `${rel(r.was.relatie)} → ${rel(r.relatie)}` : rel(r.relatie)}</TableCell>
            <TableCell>{r.toelichting ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Inhoud({ id }: { id: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportVoorbeeld | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const [voorstellen, setVoorstellen] = useState<Voorstel[] | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const laadVoorstellen = () =>
    getJson(apiUrl(`/api/partnerships/${seg(id)}/crosswalk/voorstellen`), z.array(Voorstel))
      .then(setVoorstellen)
      .catch((e: Error) => setFout(e.message));
  useEffect(() => {
    void laadVoorstellen();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const run = async (dryRun: boolean) => {
    if (!file) return setFout('Kies eerst een bestand.');
    setBezig(true);
    setFout(null);
    setMelding(null);
    try {
      const v = await upload(id, file, dryRun);
      setPreview(v);
      if (!dryRun) {
        setMelding(v.toegepast ? 'Geïmporteerd: de koppelingen staan hieronder als voorstellen klaar om te beoordelen.' : 'Er was niets te importeren.');
        await laadVoorstellen();
      }
    } catch (e) {
      setPreview(null);
      setFout((e as Error).message);
    } finally {
      setBezig(false);
    }
  };
  const beoordeel = async (v: Voorstel, actie: 'bevestigen' | 'afwijzen') => {
    try {
      await sendJson('POST', apiUrl(`/api/partnerships/${seg(id)}/crosswalk/voorstellen`), { eindtermId: v.eindtermId, werkprocesId: v.werkprocesId, actie }, z.unknown());
      setFout(null);
      setMelding(`${v.eindterm} ↔ ${v.werkproces}: ${actie === 'bevestigen' ? 'bevestigd' : 'afgewezen'}.`);
    } catch (e) {
      setFout((e as Error).message);
    }
    await laadVoorstellen();
  };

  return (
    <>
      <PageHeading>Koppelingen importeren</PageHeading>
      <Paragraph>
        Importeer een CASE 1.1-pakket (.json) van een ander platform of een andere samenwerking, of een bewerkte crosswalk-XLSX. Koppelingen worden voorstellen: niets wordt
        ongezien bevestigd. Bekijk eerst het voorbeeld.
      </Paragraph>
      <Paragraph>
        <DocumentLink href={apiUrl(`/api/partnerships/${seg(id)}/crosswalk/xlsx`)}>Crosswalk als XLSX downloaden (om te bewerken)</DocumentLink> ·{' '}
        <Link to={`/samenwerkingen/${seg(id)}/inventaris`}>Terug naar de overlapinventaris</Link>
      </Paragraph>
      <FileField id="crosswalk-bestand" label="Bestand (.json of .xlsx)" accept=".json,.xlsx" onChange={(f) => { setFile(f); setPreview(null); }} />
      <Paragraph>
        <Button appearance="secondary-action-button" onClick={() => void run(true)} disabled={bezig}>
          Voorbeeld bekijken
        </Button>{' '}
        <Button appearance="primary-action-button" onClick={() => void run(false)} disabled={bezig || !preview || preview.toegepast}>
          Importeren als voorstellen
        </Button>
      </Paragraph>
      <div aria-live="polite">
        {fout && <Alert type="error">{fout}</Alert>}
        {melding && <Alert type="ok">{melding}</Alert>}
      </div>
      {preview && (
        <section aria-labelledby="voorbeeld-kop">
          <Heading level={2} id="voorbeeld-kop">
            {preview.toegepast ? 'Geïmporteerd' : 'Voorbeeld'}
          </Heading>
          <Paragraph>
            {preview.nieuw.length} nieuw, {preview.gewijzigd.length} gewijzigd, {preview.ongewijzigd} ongewijzigd, {preview.verwijderd.length} verwijderd, {preview.onbekend.length} niet herkend.
          </Paragraph>
          <Koppelingen titel="Nieuw" rijen={preview.nieuw} />
          <Koppelingen titel="Gewijzigd" rijen={preview.gewijzigd} was />
          <Koppelingen titel="Verwijderd (worden afgewezen)" rijen={preview.verwijderd} />
          {preview.onbekend.length > 0 && (
            <Table caption={`Niet herkend (${preview.onbekend.length})`}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Associatie</TableHeaderCell>
                  <TableHeaderCell scope="col">Reden</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {preview.onbekend.map((o) => (
                  <TableRow key={o.bron}>
                    <TableCell>{o.bron}</TableCell>
                    <TableCell>{o.reden}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      )}
      <section aria-labelledby="voorstellen-kop">
        <Heading level={2} id="voorstellen-kop">
          Voorstellen om te beoordelen
        </Heading>
        {voorstellen && voorstellen.length === 0 && <Paragraph>Er wachten geen geïmporteerde voorstellen.</Paragraph>}
        {voorstellen && voorstellen.length > 0 && (
          <Table caption={`Voorstellen (${voorstellen.length})`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Eindterm (vmbo)</TableHeaderCell>
                <TableHeaderCell scope="col">Werkproces of keuzedeel (mbo)</TableHeaderCell>
                <TableHeaderCell scope="col">Relatie</TableHeaderCell>
                <TableHeaderCell scope="col">Herkomst</TableHeaderCell>
                <TableHeaderCell scope="col">Beoordelen</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {voorstellen.map((v) => (
                <TableRow key={`${v.eindtermId}|${v.werkprocesId}`}>
                  <TableCell>{v.eindterm}</TableCell>
                  <TableCell>{v.werkproces}</TableCell>
                  <TableCell>{rel(v.relatie)}</TableCell>
                  <TableCell>
                    {v.bron.toUpperCase()}
                    {v.bronNaam ? ` (${v.bronNaam})` : ''}, door {v.door ?? 'onbekend'}
                  </TableCell>
                  <TableCell>
                    <Button appearance="secondary-action-button" onClick={() => void beoordeel(v, 'bevestigen')} aria-label={`Bevestigen: ${v.eindterm} en ${v.werkproces}`}>
                      Bevestigen
                    </Button>{' '}
                    <Button appearance="subtle-button" onClick={() => void beoordeel(v, 'afwijzen')} aria-label={`Afwijzen: ${v.eindterm} en ${v.werkproces}`}>
                      Afwijzen
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </>
  );
}

export function CrosswalkImportPage() {
  const { id = '' } = useParams();
  return (
    <SignedInOnly>
      <Inhoud key={id} id={id.toLowerCase()} />
    </SignedInOnly>
  );
}
