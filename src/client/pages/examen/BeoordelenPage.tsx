/**
 * /examens/:examenId/beoordelen (issue 14): the assessment forms of the exam (latest attempt per registered pupil)
 * with the progress of both assessors, the results, and for the examencommissie "Resultaten vaststellen" with a
 * summary; the exports for both administrations. Read: the exam's examinator and beoordelaar and both
 * examencommissies (others get the API's refusal).
 */
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { RESULTAAT_NAMEN, type BeoordelingLijst } from '../../../shared/beoordeling-api.js';
import { LoadError, Loading } from '../../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../../components/SignedInOnly.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useApi } from '../../lib/useApi.js';
import { DocumentLink, Heading, Link, PageHeading, Paragraph, StatusBadge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/index.js';
import { beoordelingApi, beoordelingPath, beoordelingUrls, nl } from './BeoordelingApi.js';
import { ResultatenVaststellen } from './ResultatenVaststellen.js';
import './Beoordeling.css';

function Voortgang({ v }: { v: { gescoord: number; totaal: number } }) {
  const klaar = v.gescoord === v.totaal;
  return (
    <StatusBadge status={klaar ? 'safe' : v.gescoord === 0 ? 'neutral' : 'warning'}>
      {v.gescoord} van {v.totaal}
    </StatusBadge>
  );
}

function Inhoud({ id }: { id: string }) {
  const [versie, setVersie] = useState(0);
  const geladen = useApi(`${beoordelingUrls.lijst(id)}#${versie}`, (signal) => beoordelingApi.lijst(id, signal));
  useSessionExpiry(geladen.error);
  const l: BeoordelingLijst | undefined = geladen.data;
  useDocumentTitle(l ? `Beoordelen ${l.keuzedeelCode}` : 'Beoordelen');
  if (geladen.error && !geladen.error.isUnauthorized) return <LoadError error={geladen.error} />;
  if (!l) return <Loading />;
  return (
    <article className="doorlopend-detail doorlopend-beoordeling">
      <p className="doorlopend-preheading">
        <Link to={`/examens/${encodeURIComponent(id)}`}>Examen keuzedeel {l.keuzedeelCode}</Link>
      </p>
      <PageHeading>Beoordelen en resultaten</PageHeading>
      {l.planVersie === null ? (
        <Paragraph>Er is nog geen vastgesteld examenplan. Zodra de examencommissie het plan vaststelt, komt hier per ingeschreven leerling een beoordelingsformulier.</Paragraph>
      ) : (
        <Paragraph>
          Per ingeschreven leerling een beoordelingsformulier volgens versie {l.planVersie} van het examenplan. De 1e beoordelaar (vmbo-examinator) en de 2e beoordelaar
          (mbo-beoordelaar) vullen elk hun eigen deel in, ook tegelijk. {l.resultatenVastgesteldAt ? 'De resultaten zijn vastgesteld door de examencommissie.' : ''}
        </Paragraph>
      )}
      <section aria-labelledby="formulieren-kop" className="doorlopend-section">
        <Heading level={2} id="formulieren-kop">
          Beoordelingsformulieren ({l.formulieren.length})
        </Heading>
        {l.formulieren.length === 0 ? (
          <Paragraph>Er zijn (nog) geen leerlingen ingeschreven voor dit examen.</Paragraph>
        ) : (
          <div className="doorlopend-beoordeling-scroll" tabIndex={0} role="region" aria-labelledby="formulieren-kop">
            <Table caption={`Beoordelingsformulieren van het examen van keuzedeel ${l.keuzedeelCode}`} captionHidden>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Leerling</TableHeaderCell>
                  <TableHeaderCell scope="col">1e beoordelaar</TableHeaderCell>
                  <TableHeaderCell scope="col">2e beoordelaar</TableHeaderCell>
                  <TableHeaderCell scope="col">Keuzedeel</TableHeaderCell>
                  <TableHeaderCell scope="col">Keuzevak</TableHeaderCell>
                  <TableHeaderCell scope="col">Status</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {l.formulieren.map((f) => (
                  <TableRow key={f.id}>
                    <TableHeaderCell scope="row">
                      <Link to={beoordelingPath(f.id)}>{f.leerling.naam}</Link> <span className="doorlopend-beoordeling-muted">({f.leerling.leerlingnummer}{f.poging > 1 ? `, poging ${f.poging}` : ''})</span>
                    </TableHeaderCell>
                    <TableCell>
                      <Voortgang v={f.voortgang.eerste} />
                    </TableCell>
                    <TableCell>
                      <Voortgang v={f.voortgang.tweede} />
                    </TableCell>
                    <TableCell>
                      {f.keuzedeelResultaat ? RESULTAAT_NAMEN[f.keuzedeelResultaat] : '—'}
                      {f.keuzedeelCijfer !== null ? ` (${nl(f.keuzedeelCijfer, 1)})` : ''}
                    </TableCell>
                    <TableCell>{nl(f.keuzevakCijfer, 1)}</TableCell>
                    <TableCell>
                      {f.status === 'vastgesteld' ? (
                        <StatusBadge status="safe">Vastgesteld</StatusBadge>
                      ) : f.onvolledig.length === 0 ? (
                        <StatusBadge status="warning">Compleet, nog niet vastgesteld</StatusBadge>
                      ) : (
                        <StatusBadge status="neutral">Open</StatusBadge>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
      {l.rechten.vaststellen ? <ResultatenVaststellen lijst={l} onKlaar={() => setVersie((v) => v + 1)} /> : null}
      {l.rechten.exportVmbo || l.rechten.exportMbo ? (
        <section aria-labelledby="export-kop" className="doorlopend-section">
          <Heading level={2} id="export-kop">
            Resultaten voor de administraties
          </Heading>
          <Paragraph>Alleen vastgestelde resultaten gaan mee. Elke download wordt vastgelegd in het logboek.</Paragraph>
          {l.rechten.exportVmbo ? (
            <Paragraph>
              vmbo (Magister of Somtoday): <DocumentLink href={beoordelingUrls.seCijfers(id)} download>SE-cijfers als CSV</DocumentLink>
            </Paragraph>
          ) : null}
          {l.rechten.exportMbo ? (
            <Paragraph>
              mbo-studentenadministratie: <DocumentLink href={beoordelingUrls.keuzedeel(id, 'csv')} download>Keuzedeelresultaten als CSV</DocumentLink> ·{' '}
              <DocumentLink href={beoordelingUrls.keuzedeel(id, 'xlsx')} download>Keuzedeelresultaten als Excel-bestand</DocumentLink>
            </Paragraph>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}

export function BeoordelenPage() {
  const { examenId = '' } = useParams();
  return (
    <SignedInOnly>
      <Inhoud key={examenId} id={examenId.toLowerCase()} />
    </SignedInOnly>
  );
}
