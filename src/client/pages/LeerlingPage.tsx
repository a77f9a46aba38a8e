/**
 * /leerling: where a pupil lands after signing in. The pupils' features do not exist yet, so the page tells in plain
 * words (for a 14-year-old) what Doorlopend will offer them, and what they can already look at.
 */
import { SignedInOnly } from '../components/SignedInOnly.js';
import { isLeerling, useSession } from '../lib/session.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { Alert, Heading, Link, ListItem, PageHeading, Paragraph, UnorderedList } from '../ui/index.js';

function LeerlingContent() {
  const { session } = useSession();
  if (session.status !== 'signed-in') return null;
  const me = session.me;
  const scholen = [...new Set(me.lidmaatschappen.filter((l) => l.rol === 'leerling').map((l) => l.organisatieNaam))];
  const voornaam = me.gebruiker.naam.split(/\s+/)[0] ?? me.gebruiker.naam;
  return (
    <>
      <PageHeading>Hoi {voornaam}!</PageHeading>
      <Paragraph appearance="lead">
        {scholen.length > 0 ? `Je bent ingelogd als leerling van ${scholen.join(' en ')}. ` : 'Je bent ingelogd. '}
        Op Doorlopend maken je school en een mbo-school samen een route: wat je nu op het vmbo leert, loopt straks door in je
        mbo-opleiding.
      </Paragraph>
      {!isLeerling(me) ? (
        <Alert type="info" role="status">
          <Paragraph>
            Je hebt ook een rol als medewerker. Je werk als medewerker vind je bij <Link to="/organisaties">je organisaties</Link>.
          </Paragraph>
        </Alert>
      ) : null}

      <section aria-labelledby="straks-heading" className="doorlopend-section">
        <Heading level={2} id="straks-heading">
          Wat je hier straks kunt doen
        </Heading>
        <Paragraph>We bouwen deze pagina nog. Later vind je hier:</Paragraph>
        <UnorderedList aria-labelledby="straks-heading">
          <ListItem>
            <strong>Jouw programma:</strong> welke vakken en keuzevakken je volgt, en hoe die doorlopen in de mbo-opleiding die je
            kiest.
          </ListItem>
          <ListItem>
            <strong>Jouw resultaten:</strong> welke toetsen en opdrachten je al hebt gedaan en hoe je ervoor staat.
          </ListItem>
          <ListItem>
            <strong>Jouw LOB-dossier:</strong> wat je doet om je studie en beroep te kiezen, zoals stages, open dagen en gesprekken.
            Dat dossier is van jou: jij bepaalt wat erin staat en wie het mag zien.
          </ListItem>
        </UnorderedList>
      </section>

      <section aria-labelledby="nu-heading" className="doorlopend-section">
        <Heading level={2} id="nu-heading">
          Wat je nu al kunt bekijken
        </Heading>
        <UnorderedList aria-labelledby="nu-heading">
          <ListItem>
            <Link to="/vmbo/keuzevakken">Keuzevakken van het vmbo</Link>: wat je in een keuzevak leert.
          </ListItem>
          <ListItem>
            <Link to="/mbo/kwalificaties">Opleidingen van het mbo</Link>: wat je in een mbo-opleiding leert en doet.
          </ListItem>
          <ListItem>
            <Link to="/zoeken">Zoeken</Link>: typ een woord, bijvoorbeeld ‘koken’ of ‘auto’, en zie waar het in voorkomt.
          </ListItem>
          <ListItem>
            <Link to="/account">Je account</Link>: je gegevens bekijken, je wachtwoord veranderen of je account verwijderen.
          </ListItem>
        </UnorderedList>
        <Paragraph>Vragen? Stel ze aan je mentor of decaan.</Paragraph>
      </section>
    </>
  );
}

export function LeerlingPage() {
  useDocumentTitle('Voor leerlingen');
  return (
    <SignedInOnly>
      <LeerlingContent />
    </SignedInOnly>
  );
}
