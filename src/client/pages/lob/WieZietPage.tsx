/**
 * /leerling/wie-ziet-mijn-gegevens (issue 15): who can see the pupil's loopbaandossier, in plain words for a
 * 14-year-old: the pupil, the decaan (or mentor) of their school by name, the receivers of their active share links,
 * and nobody else; the school never sends it to another school. A pupil who left the school is told that nobody there
 * can open it any more.
 */
import { LoadError, Loading } from '../../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../../components/SignedInOnly.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useApi } from '../../lib/useApi.js';
import { Heading, Link, ListItem, PageHeading, Paragraph, UnorderedList } from '../../ui/index.js';
import { datumTekst, lobApi } from './lob-api.js';
import './lob.css';

function WieZietContent() {
  const { data, error } = useApi('lob-wie-ziet', (signal) => lobApi.wieZiet(signal));
  useSessionExpiry(error);
  useDocumentTitle('Wie ziet mijn gegevens');
  if (error) return <LoadError error={error} />;
  if (!data) return <Loading />;
  return (
    <>
      <PageHeading>Wie ziet mijn gegevens?</PageHeading>
      <Paragraph appearance="lead">Je loopbaandossier is van jou. Dit zijn de mensen die het kunnen bekijken.</Paragraph>

      <section aria-labelledby="wie-jij" className="doorlopend-section">
        <Heading level={2} id="wie-jij">
          Jij
        </Heading>
        <Paragraph>Jij kunt alles zien en veranderen. Je kunt je hele dossier downloaden en jij bepaalt of je het aan iemand geeft.</Paragraph>
      </section>

      {data.opSchool ? null : (
        <section aria-labelledby="wie-weg" className="doorlopend-section">
          <Heading level={2} id="wie-weg">
            Je zit niet meer op {data.school.naam}
          </Heading>
          <Paragraph>
            Je dossier is nu alleen van jou: niemand van je oude school kan het nog openen. Je kunt het nog bekijken, downloaden en delen,
            tot je je account verwijdert.
          </Paragraph>
        </section>
      )}

      <section aria-labelledby="wie-school" className="doorlopend-section" hidden={!data.opSchool}>
        <Heading level={2} id="wie-school">
          Je decaan of mentor van {data.school.naam}
        </Heading>
        <Paragraph>
          Zij kunnen je dossier lezen om je te helpen kiezen, en zetten onderdelen van het LOB-programma op afgerond. Ze kunnen niets in je
          activiteiten of oplegger veranderen. Elke keer dat iemand van school je dossier opent, wordt dat opgeschreven.
        </Paragraph>
        {data.lezers.length === 0 ? (
          <Paragraph>Op dit moment heeft niemand op je school die rol.</Paragraph>
        ) : (
          <UnorderedList aria-labelledby="wie-school">
            {data.lezers.map((l) => (
              <ListItem key={`${l.naam}-${l.rol}`}>{l.naam}</ListItem>
            ))}
          </UnorderedList>
        )}
      </section>

      <section aria-labelledby="wie-links" className="doorlopend-section">
        <Heading level={2} id="wie-links">
          Iedereen met een link die jij hebt gemaakt
        </Heading>
        {data.deellinks.length === 0 ? (
          <Paragraph>Je hebt nu geen links die werken. Niemand buiten je school kan je dossier zien.</Paragraph>
        ) : (
          <>
            <Paragraph>Wie deze link heeft, ziet alleen wat jij hebt gekozen, tot de datum die jij koos:</Paragraph>
            <UnorderedList aria-labelledby="wie-links">
              {data.deellinks.map((l) => (
                <ListItem key={l.id}>
                  {l.ontvanger}: werkt tot en met {datumTekst(l.verlooptOp)}, {l.keerGeopend === 1 ? '1 keer' : `${l.keerGeopend} keer`} geopend
                </ListItem>
              ))}
            </UnorderedList>
            <Paragraph>
              Wil je dat een link stopt? Trek hem in bij <Link to="/leerling/loopbaandossier">je loopbaandossier</Link>.
            </Paragraph>
          </>
        )}
      </section>

      <section aria-labelledby="wie-niet" className="doorlopend-section">
        <Heading level={2} id="wie-niet">
          Wie je dossier niet ziet
        </Heading>
        <UnorderedList aria-labelledby="wie-niet">
          <ListItem>Andere leerlingen, ook niet van je eigen klas.</ListItem>
          <ListItem>Andere docenten en medewerkers van je school, behalve je decaan of mentor.</ListItem>
          <ListItem>Andere scholen en mbo-scholen, behalve met een link van jou.</ListItem>
        </UnorderedList>
        <Paragraph>
          Je school mag je dossier nooit zelf naar een andere school sturen. Alleen jij geeft het door. Ga je van school? Dan houd je je
          dossier op je eigen account; je school kan het dan niet meer openen. Download het ook: als je account wordt verwijderd, is je
          dossier weg.
        </Paragraph>
        <Paragraph>
          <Link to="/leerling/loopbaandossier">Terug naar je loopbaandossier</Link>
        </Paragraph>
      </section>
    </>
  );
}

export function WieZietPage() {
  return (
    <SignedInOnly>
      <WieZietContent />
    </SignedInOnly>
  );
}
