/**
 * /examens/:examenId/inschrijvingen (issue 14): the registration of the cohort's pupils for the exam as extraneus at
 * the mbo. The vmbo school registers pupils (all or chosen: aangemeld), the mbo student administration marks them
 * ingeschreven, and downloads the list (CSV or Excel) with exactly the fields the registration needs. Pupils whose
 * needed field is missing are listed as a warning. Every view and download is recorded in the audit log.
 */
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import type { Inschrijvingen } from '../../../shared/examenplan-api.js';
import { FormFeedback, useAction } from '../../components/ConfirmAction.js';
import { LoadError, Loading } from '../../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../../components/SignedInOnly.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useApi } from '../../lib/useApi.js';
import { Alert, Button, CheckboxField, DocumentLink, Heading, Link, ListItem, PageHeading, Paragraph, StatusBadge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList } from '../../ui/index.js';
import { datumTekst, examenApi, examenPath, examenUrls } from './ExamenApi.js';
import './ExamenPlan.css';

function Inhoud({ id }: { id: string }) {
  const geladen = useApi(examenUrls.inschrijvingen(id), (signal) => examenApi.inschrijvingen(id, signal));
  const [l, setL] = useState<Inschrijvingen | null>(null);
  const [gekozen, setGekozen] = useState<string[]>([]);
  const [teInschrijven, setTeInschrijven] = useState<string[]>([]);
  useEffect(() => {
    if (geladen.data) setL(geladen.data);
  }, [geladen.data]);
  useSessionExpiry(geladen.error);
  useDocumentTitle(l ? `Inschrijving ${l.examen.keuzedeel.code}` : 'Inschrijving');
  const aanmelden = useAction('Aanmelden is niet gelukt.');
  const inschrijven = useAction('Inschrijven is niet gelukt.');
  if (geladen.error && !geladen.error.isUnauthorized) return <LoadError error={geladen.error} />;
  if (!l) return <Loading />;
  const e = l.examen;
  const magAanmelden = l.rechten.aanmelden && l.nietAangemeld.length > 0;
  const aangemeld = l.inschrijvingen.filter((i) => i.status === 'aangemeld');
  return (
    <article className="doorlopend-detail doorlopend-examen">
      <p className="doorlopend-preheading">
        <Link to={examenPath(e.id)}>
          Examen {e.keuzedeel.code} {e.keuzedeel.titel}
        </Link>
      </p>
      <PageHeading>Inschrijving als extraneus</PageHeading>
      <Paragraph>
        {e.cohort.naam} van {e.vmbo.naam} doet het examen van keuzedeel {e.keuzedeel.code} bij {e.mbo.naam}
        {l.examendatum ? ` op ${datumTekst(l.examendatum)}` : ''}. Grondslag: {e.grondslagUitleg}.
      </Paragraph>
      {e.grondslag !== 'extraneus' ? (
        <Alert type="info">
          <Paragraph>Dit examen hoort bij het gezamenlijke PTA/OER; een inschrijving als extraneus is dan niet nodig, maar kan wel worden bijgehouden.</Paragraph>
        </Alert>
      ) : null}
      {l.waarschuwingen.length ? (
        <Alert type="warning" heading="Gegevens ontbreken voor de inschrijving" headingLevel={2}>
          <UnorderedList>
            {l.waarschuwingen.map((w) => (
              <ListItem key={w.leerlingId}>
                {w.naam}: {w.ontbreekt.join(', ')} ontbreekt.
              </ListItem>
            ))}
          </UnorderedList>
          <Paragraph>Vul dit aan bij de leerling (Leerlingen van het cohort) voordat de lijst naar de studentenadministratie gaat.</Paragraph>
        </Alert>
      ) : null}
      <section aria-labelledby="lijst-kop" className="doorlopend-section">
        <Heading level={2} id="lijst-kop">
          Ingeschreven en aangemelde leerlingen ({l.inschrijvingen.length})
        </Heading>
        {l.inschrijvingen.length ? (
          <>
            <Paragraph>
              Downloaden voor de studentenadministratie van {e.mbo.naam}: <DocumentLink href={examenUrls.export(e.id, 'csv')} download>Inschrijvingslijst als CSV</DocumentLink> ·{' '}
              <DocumentLink href={examenUrls.export(e.id, 'xlsx')} download>Inschrijvingslijst als Excel-bestand</DocumentLink>
            </Paragraph>
              <Table captionHidden caption="Aangemelde en ingeschreven leerlingen">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Leerling</TableHeaderCell>
                    <TableHeaderCell scope="col">Klas</TableHeaderCell>
                    <TableHeaderCell scope="col">Geboortedatum</TableHeaderCell>
                    <TableHeaderCell scope="col">Status</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {l.inschrijvingen.map((i) => (
                    <TableRow key={i.leerlingId}>
                      <TableHeaderCell scope="row">
                        {i.naam} <span className="doorlopend-examen-muted">({i.leerlingnummer})</span>
                      </TableHeaderCell>
                      <TableCell>{i.klas || '—'}</TableCell>
                      <TableCell>{i.geboortedatum ? datumTekst(i.geboortedatum) : <span className="doorlopend-examen-gat">ontbreekt</span>}</TableCell>
                      <TableCell>
                        <StatusBadge status={i.status === 'ingeschreven' ? 'safe' : 'warning'}>{i.status === 'ingeschreven' ? 'Ingeschreven' : 'Aangemeld'}</StatusBadge>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
          </>
        ) : (
          <Paragraph>Nog niemand aangemeld.</Paragraph>
        )}
      </section>
      {aangemeld.length > 0 && l.rechten.inschrijven ? (
        <InschrijvenSectie l={l} gekozen={teInschrijven} setGekozen={setTeInschrijven} state={inschrijven} onKlaar={setL} />
      ) : null}
      {magAanmelden ? (
        <section aria-labelledby="aanmelden-kop" className="doorlopend-section">
          <Heading level={2} id="aanmelden-kop">
            Leerlingen aanmelden
          </Heading>
          <form
            onSubmit={(ev) => {
              ev.preventDefault();
              void aanmelden.run(async () => {
                const nieuw = await examenApi.aanmelden(e.id, gekozen.length ? gekozen : undefined);
                setL(nieuw);
                setGekozen([]);
                return `${gekozen.length || l.nietAangemeld.length} leerling(en) aangemeld.`;
              });
            }}
          >
            <Paragraph>Kies leerlingen, of meld zonder keuze alle {l.nietAangemeld.length} nog niet aangemelde leerlingen van het cohort aan.</Paragraph>
            {l.nietAangemeld.map((p) => (
              <CheckboxField
                key={p.leerlingId}
                id={`aanmelden-${p.leerlingId}`}
                label={`${p.naam} (${p.leerlingnummer}${p.klas ? `, ${p.klas}` : ''})`}
                checked={gekozen.includes(p.leerlingId)}
                onChange={(aan) => setGekozen(aan ? [...gekozen, p.leerlingId] : gekozen.filter((x) => x !== p.leerlingId))}
              />
            ))}
            <FormFeedback state={aanmelden} failureHeading="Aanmelden is niet gelukt" />
            <Button type="submit" disabled={aanmelden.busy}>
              {gekozen.length ? `${gekozen.length} gekozen leerling(en) aanmelden` : 'Alle leerlingen aanmelden'}
            </Button>
          </form>
        </section>
      ) : null}
    </article>
  );
}

function InschrijvenSectie({ l, gekozen, setGekozen, state, onKlaar }: { l: Inschrijvingen; gekozen: string[]; setGekozen: (ids: string[]) => void; state: ReturnType<typeof useAction>; onKlaar: (l: Inschrijvingen) => void }) {
  const aangemeld = l.inschrijvingen.filter((i) => i.status === 'aangemeld');
  return (
    <section aria-labelledby="inschrijven-kop" className="doorlopend-section">
      <Heading level={2} id="inschrijven-kop">
        Inschrijving bij het mbo bevestigen
      </Heading>
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          void state.run(async () => {
            const nieuw = await examenApi.inschrijven(l.examen.id, gekozen.length ? gekozen : undefined);
            onKlaar(nieuw);
            setGekozen([]);
            return 'De inschrijving is bijgewerkt.';
          });
        }}
      >
        <Paragraph>Markeer de aangemelde leerlingen die de studentenadministratie heeft ingeschreven (zonder keuze: alle {aangemeld.length}).</Paragraph>
        {aangemeld.map((p) => (
          <CheckboxField
            key={p.leerlingId}
            id={`inschrijven-${p.leerlingId}`}
            label={`${p.naam} (${p.leerlingnummer})`}
            checked={gekozen.includes(p.leerlingId)}
            onChange={(aan) => setGekozen(aan ? [...gekozen, p.leerlingId] : gekozen.filter((x) => x !== p.leerlingId))}
          />
        ))}
        <FormFeedback state={state} failureHeading="Inschrijven is niet gelukt" />
        <Button type="submit" appearance="secondary-action-button" disabled={state.busy}>
          {gekozen.length ? `${gekozen.length} leerling(en) ingeschreven` : 'Alle aangemelde leerlingen ingeschreven'}
        </Button>
      </form>
    </section>
  );
}

export function InschrijvingPage() {
  const { examenId = '' } = useParams();
  return (
    <SignedInOnly>
      <Inhoud key={examenId} id={examenId.toLowerCase()} />
    </SignedInOnly>
  );
}
