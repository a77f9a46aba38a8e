/**
 * The pupil's programme (issue 15): approved modules per period, choices waiting or sent back (with the reason),
 * the deadlines that concern them and the extra admission requirements of the opleidingen they look at. Shown on
 * /leerling/keuzes and as one section of the pupil's home page.
 */
import { KEUZE_STATUS_NAMEN, type Keuze, type MijnProgramma } from '../../../shared/keuze-api.js';
import { PERIODE_NAMEN } from '../../../shared/menukaart-api.js';
import { FormFeedback, useAction } from '../../components/ConfirmAction.js';
import { Button, Heading, Link, ListItem, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, VisuallyHidden } from '../../ui/index.js';
import { InlineError, Loading } from '../../components/PageStates.js';
import { useApi } from '../../lib/useApi.js';
import { datumTekst, keuzeApi, mijnKeuzesPath } from './keuze-api.js';
import './keuze.css';

const moduleLink = (k: Keuze) => `/regio/${encodeURIComponent(k.module.regioSlug)}/menukaart/${encodeURIComponent(k.module.slug)}`;

export function ProgrammaOverzicht({ p, kop = 2, opnieuw, metIntrekken = false }: { p: MijnProgramma; kop?: 2 | 3; opnieuw?: () => void; metIntrekken?: boolean }) {
  const state = useAction('Intrekken is niet gelukt.');
  const goed = p.keuzes.filter((k) => k.status === 'goedgekeurd');
  const open = p.keuzes.filter((k) => k.status !== 'goedgekeurd');
  const sub = (kop + 1) as 3 | 4;
  return (
    <>
      <section aria-labelledby="prog-goed" className="doorlopend-section">
        <Heading level={kop} id="prog-goed">
          Mijn programma
        </Heading>
        {goed.length === 0 ? (
          <Paragraph>Er zijn nog geen modules goedgekeurd.</Paragraph>
        ) : (
          <Table caption="Goedgekeurde modules">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Schooljaar en periode</TableHeaderCell>
                <TableHeaderCell scope="col">Module</TableHeaderCell>
                <TableHeaderCell scope="col">Bij</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {goed.map((k) => (
                <TableRow key={k.id}>
                  <TableCell>
                    {k.schooljaar}, {PERIODE_NAMEN[k.periode].toLowerCase()}
                  </TableCell>
                  <TableCell>
                    <Link to={moduleLink(k)}>{k.module.titel}</Link>
                    {k.cohort ? ` (groep ${k.cohort.naam})` : ''}
                  </TableCell>
                  <TableCell>{k.module.aanbiederNaam}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <section aria-labelledby="prog-open" className="doorlopend-section">
        <Heading level={kop} id="prog-open">
          Mijn keuzes die nog niet rond zijn
        </Heading>
        {open.length === 0 ? (
          <Paragraph>
            Geen. {p.regio ? <Link to={`/regio/${encodeURIComponent(p.regio.slug)}/menukaart`}>Kies modules op de menukaart</Link> : null}
          </Paragraph>
        ) : (
          <UnorderedList>
            {open.map((k) => (
              <ListItem key={k.id}>
                <Link to={moduleLink(k)}>{k.module.titel}</Link> — {k.schooljaar}, {PERIODE_NAMEN[k.periode].toLowerCase()}: <strong>{KEUZE_STATUS_NAMEN[k.status]}</strong>
                {k.status === 'teruggestuurd' && k.reden ? <> — reden van {k.beoordeeldDoor ?? 'je decaan'}: “{k.reden}”</> : null}
                {metIntrekken ? (
                  <>
                    {' '}
                    <Button
                      appearance="secondary-action-button"
                      disabled={state.busy}
                      onClick={() =>
                        void state.run(async () => {
                          await keuzeApi.trekIn(k.id);
                          opnieuw?.();
                          return `Je keuze voor ${k.module.titel} is ingetrokken.`;
                        })
                      }
                    >
                      Intrekken<VisuallyHidden>: {k.module.titel}</VisuallyHidden>
                    </Button>
                  </>
                ) : null}
              </ListItem>
            ))}
          </UnorderedList>
        )}
        <FormFeedback state={state} failureHeading="Niet ingetrokken" />
      </section>
      <section aria-labelledby="prog-data" className="doorlopend-section">
        <Heading level={kop} id="prog-data">
          Data die voor mij gelden
        </Heading>
        <UnorderedList>
          {p.deadlines.map((d) => (
            <ListItem key={`${d.datum}-${d.wat}`}>
              <strong>{datumTekst(d.datum)}</strong>: {d.wat}
            </ListItem>
          ))}
        </UnorderedList>
        <Heading level={sub} className="doorlopend-keuze-sub">
          Aanvullende toelatingseisen van opleidingen die je bekijkt
        </Heading>
        {p.toelatingseisen.length === 0 && p.kwalificatiesZonderEisen.length === 0 ? (
          <Paragraph>Kies een module die naar een mbo-opleiding leidt (of vul een crebonummer in je oplegger in); dan zie je hier de eisen.</Paragraph>
        ) : (
          <UnorderedList>
            {p.toelatingseisen.map((e) => (
              <ListItem key={`${e.instellingId}-${e.crebo}`}>
                {e.kwalificatieNaam ?? 'Kwalificatie'} ({e.crebo}) bij {e.instellingNaam}: {e.tekst}
              </ListItem>
            ))}
            {p.kwalificatiesZonderEisen.map((k) => (
              <ListItem key={k.crebo}>
                {k.naam ?? 'Kwalificatie'} ({k.crebo}): geen aanvullende eisen ingevoerd door een mbo-instelling.
              </ListItem>
            ))}
          </UnorderedList>
        )}
      </section>
    </>
  );
}

/** The section of the pupil's home page: loads the programme; nothing for an account that is no pupil. */
export function ProgrammaSectie() {
  const { data, error } = useApi('keuze-mijn-home', (signal) => keuzeApi.mijn(signal));
  if (error) return error.status === 404 ? null : <InlineError error={error} />;
  if (!data) return <Loading label="Je programma laden…" />;
  return (
    <>
      <ProgrammaOverzicht p={data} />
      <Paragraph>
        <Link to={mijnKeuzesPath}>Naar mijn keuzes</Link>
      </Paragraph>
    </>
  );
}
