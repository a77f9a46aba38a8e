import { useState } from 'react';
import type { FormEvent } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import type { GidsOrganisatie, SamenwerkingDetail } from '../../shared/partnership-api.js';
import { ApiError } from '../api.js';
import { ConfirmAction, FormFeedback, useAction } from '../components/ConfirmAction.js';
import { LoadError, Loading } from '../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../components/SignedInOnly.js';
import { organisationPath, rollenLabel, SOORT_LABELS } from '../lib/accounts.js';
import { count, formatDate } from '../lib/format.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { partnershipApi, partnershipUrls } from '../lib/partnership-api.js';
import { useSession } from '../lib/session.js';
import { useApi } from '../lib/useApi.js';
import { NotFoundContent } from './NotFoundPage.js';
import { OvereenkomstenSectie } from './overeenkomst/OvereenkomstenSectie.js';
import {
  Alert,
  Button,
  Code,
  Heading,
  Link,
  ListItem,
  PageHeading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TextField,
  UnorderedList,
} from '../ui/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function PartnersTable({ samenwerking }: { samenwerking: SamenwerkingDetail }) {
  const { session } = useSession();
  const myOrgs = new Set(session.status === 'signed-in' ? session.me.lidmaatschappen.map((m) => m.organisatieId) : []);
  return (
    <Table caption="Partners" captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Organisatie</TableHeaderCell>
          <TableHeaderCell scope="col">Soort</TableHeaderCell>
          <TableHeaderCell scope="col">BRIN-nummer</TableHeaderCell>
          <TableHeaderCell scope="col">Status</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {samenwerking.partners.map((p) => (
          <TableRow key={p.id}>
            <TableHeaderCell scope="row">{myOrgs.has(p.id) ? <Link to={organisationPath(p.id)}>{p.naam}</Link> : p.naam}</TableHeaderCell>
            <TableCell>{SOORT_LABELS[p.soort]}</TableCell>
            <TableCell>{p.brin ? <Code>{p.brin}</Code> : <span className="doorlopend-unknown">onbekend</span>}</TableCell>
            <TableCell>{p.status === 'lid' ? 'doet mee' : `voorgesteld${p.voorgesteldDoor ? ` door ${p.voorgesteldDoor}` : ''}, wacht op antwoord`}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function PeopleTable({ samenwerking }: { samenwerking: SamenwerkingDetail }) {
  return (
    <Table caption="Mensen in deze samenwerking" captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Naam</TableHeaderCell>
          <TableHeaderCell scope="col">Organisatie</TableHeaderCell>
          <TableHeaderCell scope="col">Rollen</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {samenwerking.mensen.map((m, i) => (
          <TableRow key={`${m.organisatie.id}-${m.naam}-${i}`}>
            <TableHeaderCell scope="row">{m.naam}</TableHeaderCell>
            <TableCell>{m.organisatie.naam}</TableCell>
            <TableCell>{rollenLabel(m.rollen)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function RenameForm({ samenwerking, onRenamed }: { samenwerking: SamenwerkingDetail; onRenamed: (s: SamenwerkingDetail) => void }) {
  const [naam, setNaam] = useState(samenwerking.naam);
  const [naamError, setNaamError] = useState<string | null>(null);
  const state = useAction('Wijzigen is niet gelukt.');
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!naam.trim()) {
      setNaamError('Vul een naam in.');
      document.getElementById('samenwerking-naam')?.focus();
      return;
    }
    setNaamError(null);
    await state.run(async () => {
      const updated = await partnershipApi.rename(samenwerking.id, naam.trim());
      onRenamed(updated);
      return `De naam is nu ${updated.naam}.`;
    });
  };
  return (
    <form className="doorlopend-form doorlopend-add-member" noValidate onSubmit={onSubmit} aria-labelledby="naam-heading">
      <Heading level={3} id="naam-heading">
        Naam wijzigen
      </Heading>
      <FormFeedback state={state} failureHeading="Wijzigen is niet gelukt" headingLevel={4} />
      <TextField id="samenwerking-naam" name="naam" label="Naam van de samenwerking" value={naam} onChange={setNaam} maxLength={200} invalidMessage={naamError ?? undefined} />
      <Paragraph>
        <Button type="submit" disabled={state.busy}>
          {state.busy ? 'Bezig met opslaan…' : 'Naam opslaan'}
        </Button>
      </Paragraph>
    </form>
  );
}

/** Search the directory and propose a school or instelling as partner. */
function ProposePartner({ samenwerking, onProposed }: { samenwerking: SamenwerkingDetail; onProposed: () => Promise<void> }) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<GidsOrganisatie[] | null>(null);
  const search = useAction('Zoeken is niet gelukt.');
  const propose = useAction('Voorstellen is niet gelukt.');
  const onSearch = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    propose.reset();
    await search.run(async () => {
      const found = await partnershipApi.directory(q.trim());
      setResults(found);
      return found.length === 0 ? 'Geen scholen of instellingen gevonden.' : `${count(found.length, 'organisatie', 'organisaties')} gevonden.`;
    });
  };
  const partnerIds = new Set(samenwerking.partners.map((p) => p.id));
  return (
    <section aria-labelledby="voorstellen-heading" className="doorlopend-section">
      <Heading level={3} id="voorstellen-heading">
        Partner voorstellen
      </Heading>
      <Paragraph>
        Zoek een vmbo-school of mbo-instelling op naam of BRIN-nummer. De beheerder van die organisatie krijgt het voorstel te zien en beslist of zij meedoet.
      </Paragraph>
      <form className="doorlopend-form doorlopend-add-member" noValidate onSubmit={onSearch} role="search" aria-label="Organisatie zoeken">
        <FormFeedback state={search} failureHeading="Zoeken is niet gelukt" headingLevel={4} />
        <TextField id="gids-zoek" name="q" type="search" label="Naam of BRIN-nummer" value={q} onChange={setQ} maxLength={100} />
        <Paragraph>
          <Button type="submit" disabled={search.busy}>
            Zoeken
          </Button>
        </Paragraph>
      </form>
      <FormFeedback state={propose} failureHeading="Voorstellen is niet gelukt" headingLevel={4} />
      {results && results.length > 0 ? (
        <Table caption="Gevonden organisaties" captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Organisatie</TableHeaderCell>
              <TableHeaderCell scope="col">Soort</TableHeaderCell>
              <TableHeaderCell scope="col">BRIN-nummer</TableHeaderCell>
              <TableHeaderCell scope="col">
                <span className="doorlopend-visually-hidden">Actie</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {results.map((o) => (
              <TableRow key={o.id}>
                <TableHeaderCell scope="row">{o.naam}</TableHeaderCell>
                <TableCell>{SOORT_LABELS[o.soort]}</TableCell>
                <TableCell>{o.brin ? <Code>{o.brin}</Code> : <span className="doorlopend-unknown">onbekend</span>}</TableCell>
                <TableCell>
                  {partnerIds.has(o.id) ? (
                    'al partner of voorgesteld'
                  ) : (
                    <Button
                      appearance="secondary-action-button"
                      aria-label={`${o.naam} voorstellen`}
                      disabled={propose.busy}
                      onClick={() =>
                        void propose.run(async () => {
                          const partner = await partnershipApi.propose(samenwerking.id, o.id);
                          await onProposed();
                          return `${partner.naam} is voorgesteld. Zodra de beheerder het voorstel aanneemt, doet ${partner.naam} mee.`;
                        })
                      }
                    >
                      Voorstellen
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
}

function Leave({ samenwerking }: { samenwerking: SamenwerkingDetail }) {
  const navigate = useNavigate();
  const orgs = samenwerking.partners.filter((p) => samenwerking.mijnRechten.vertrekkenNamens.includes(p.id));
  if (orgs.length === 0) return null;
  return (
    <section aria-labelledby="vertrekken-heading" className="doorlopend-section">
      <Heading level={3} id="vertrekken-heading">
        Uit de samenwerking gaan
      </Heading>
      <Paragraph>Als beheerder kunt u uw organisatie uit de samenwerking halen. Haar medewerkers zien de samenwerking dan niet meer.</Paragraph>
      <UnorderedList>
        {orgs.map((o) => (
          <ListItem key={o.id}>
            <ConfirmAction
              label={`${o.naam} uit de samenwerking halen`}
              question={`Weet u zeker dat u ${o.naam} uit ${samenwerking.naam} wilt halen? Dit kan alleen ongedaan worden als een partner ${o.naam} opnieuw voorstelt.`}
              confirmLabel="Ja, uit de samenwerking halen"
              busyLabel="Bezig…"
              failureHeading="Uit de samenwerking gaan is niet gelukt"
              onConfirm={async () => {
                await partnershipApi.leave(samenwerking.id, o.id);
                navigate('/samenwerkingen', { state: { bericht: `${o.naam} doet niet meer mee in ${samenwerking.naam}.` } });
              }}
            />
          </ListItem>
        ))}
      </UnorderedList>
    </section>
  );
}

function PartnershipView({ initial }: { initial: SamenwerkingDetail }) {
  const [samenwerking, setSamenwerking] = useState(initial);
  const refresh = async () => setSamenwerking(await partnershipApi.get(initial.id));
  const location = useLocation();
  const message = (location.state as { bericht?: unknown } | null)?.bericht;
  useDocumentTitle(samenwerking.naam);
  const { mijnRechten } = samenwerking;
  const members = samenwerking.partners.filter((p) => p.status === 'lid');
  return (
    <article className="doorlopend-detail">
      <p className="doorlopend-preheading">
        <Link to="/samenwerkingen">Mijn samenwerkingen</Link>
      </p>
      <PageHeading>{samenwerking.naam}</PageHeading>
      {typeof message === 'string' ? (
        <Alert type="ok">
          <Paragraph>{message}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph>
        Samenwerking sinds {formatDate(samenwerking.aangemaaktOp)} van {count(members.length, 'partner', 'partners')}.
      </Paragraph>
      <Paragraph>
        <Link to={`/samenwerkingen/${encodeURIComponent(samenwerking.id)}/inventaris`}>Overlapinventaris en crosswalk van deze samenwerking</Link>
      </Paragraph>
      <section aria-labelledby="partners-heading" className="doorlopend-section">
        <Heading level={2} id="partners-heading">
          Partners
        </Heading>
        <PartnersTable samenwerking={samenwerking} />
      </section>
      <section aria-labelledby="mensen-heading" className="doorlopend-section">
        <Heading level={2} id="mensen-heading">
          Mensen
        </Heading>
        <Paragraph>De medewerkers van de partners die in deze samenwerking werken, met hun rollen.</Paragraph>
        {samenwerking.mensen.length === 0 ? <Paragraph>Er werkt nog niemand in deze samenwerking.</Paragraph> : <PeopleTable samenwerking={samenwerking} />}
      </section>
      <section aria-labelledby="inventaris-heading" className="doorlopend-section">
        <Heading level={2} id="inventaris-heading">
          Overlapinventaris
        </Heading>
        <Paragraph>
          <Link to={`/samenwerkingen/${encodeURIComponent(samenwerking.id)}/inventaris`}>Overlapinventaris van {samenwerking.naam}</Link>: welke eindtermen en
          werkprocessen overlappen (Alleen vmbo, Beiden, Alleen mbo); koppelingen bevestigen, afwijzen of toevoegen.
        </Paragraph>
      </section>
      <section aria-labelledby="leerroutes-heading" className="doorlopend-section">
        <Heading level={2} id="leerroutes-heading">
          Leerroutes
        </Heading>
        <Paragraph>
          <Link to={`/samenwerkingen/${encodeURIComponent(samenwerking.id)}/leerroutes`}>Leerroutes van {samenwerking.naam}</Link>: samen plannen, toetsen,
          activiteiten en materialen, met de controle op wat nog ontbreekt.
        </Paragraph>
      </section>
      <OvereenkomstenSectie partnershipId={samenwerking.id} />
      <section aria-labelledby="regels-heading" className="doorlopend-section">
        <Heading level={2} id="regels-heading">
          Docentinzet, regels en kalender
        </Heading>
        <Paragraph>
          <Link to={`/samenwerkingen/${encodeURIComponent(samenwerking.id)}/docentinzet`}>Docentinzet en kalender van {samenwerking.naam}</Link>: wie er lesgeeft en met
          welke bevoegdheid, gecontroleerd tegen de <Link to="/regels">regels van wat moet en wat mag</Link>, en de data per schooljaar om te downloaden.
        </Paragraph>
      </section>
      {mijnRechten.wijzigen || mijnRechten.partnersVoorstellen || mijnRechten.vertrekkenNamens.length > 0 ? (
        <section aria-labelledby="beheer-heading" className="doorlopend-section">
          <Heading level={2} id="beheer-heading">
            Beheer
          </Heading>
          {mijnRechten.wijzigen ? <RenameForm samenwerking={samenwerking} onRenamed={setSamenwerking} /> : null}
          {mijnRechten.partnersVoorstellen ? <ProposePartner samenwerking={samenwerking} onProposed={refresh} /> : null}
          <Leave samenwerking={samenwerking} />
        </section>
      ) : null}
    </article>
  );
}

function PartnershipDetail({ id }: { id: string }) {
  const { data, error } = useApi(partnershipUrls.partnership(id), (signal) => partnershipApi.get(id, signal));
  useSessionExpiry(error);
  // 403: a partner's member without the right (a leerling): LoadError says kindly that the page is not for them.
  if (error?.isForbidden) return <LoadError error={new ApiError(403, 'Samenwerkingen zijn voor medewerkers van de partners.')} />;
  if (error && !error.isUnauthorized) return <LoadError error={error} />;
  if (!data || data.id !== id) return <Loading />;
  return <PartnershipView key={data.id} initial={data} />;
}

/** /samenwerkingen/:id: a samenwerking of the user's organisation; anything else shows "Pagina niet gevonden". */
export function PartnershipDetailPage() {
  const { id = '' } = useParams();
  return (
    <SignedInOnly>
      {UUID.test(id) ? <PartnershipDetail id={id} /> : <NotFoundContent detail="Deze samenwerking bestaat niet of u hebt er geen toegang toe." />}
    </SignedInOnly>
  );
}
