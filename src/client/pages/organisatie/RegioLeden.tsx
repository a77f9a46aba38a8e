/**
 * On a region's organisation page (issue 15): its member schools (vmbo and mbo) with what each offers on the
 * menukaart; the region's beheerder adds a school (search by name or BRIN; one of another region is shown with that
 * region and cannot be added) and removes one (after a confirmation; while the menukaart depends on it, the reasons
 * show instead of the button).
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Organisatie } from '../../../shared/auth-api.js';
import type { RegioKandidaat, RegioLeden as Leden, RegioLid } from '../../../shared/regio-api.js';
import { ConfirmAction, FormFeedback, useAction } from '../../components/ConfirmAction.js';
import { InlineError, Loading } from '../../components/PageStates.js';
import { SOORT_LABELS } from '../../lib/accounts.js';
import { count } from '../../lib/format.js';
import { Alert, Button, Code, Heading, ListItem, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, TextField, UnorderedList } from '../../ui/index.js';
import { regioApi, useRegioLeden } from './useRegio.js';

function menukaartStand(l: RegioLid): string {
  const delen = [
    l.gepubliceerdeModules > 0 ? `${count(l.gepubliceerdeModules, 'module', 'modules')} gepubliceerd` : null,
    l.openVoorstellen > 0 ? `${count(l.openVoorstellen, 'voorstel', 'voorstellen')} open` : null,
  ].filter(Boolean);
  return delen.length > 0 ? delen.join(', ') : 'nog niets';
}

function LidActie({ regio, lid, onChanged }: { regio: Leden['regio']; lid: RegioLid; onChanged: (text: string) => void }) {
  if (lid.belemmeringen.length > 0) {
    return (
      <>
        <Paragraph>Kan nu niet uit de regio:</Paragraph>
        <UnorderedList>
          {lid.belemmeringen.map((b) => (
            <ListItem key={b}>{b}</ListItem>
          ))}
        </UnorderedList>
      </>
    );
  }
  return (
    <ConfirmAction
      label="Uit de regio halen"
      accessibleLabel={`${lid.naam} uit de regio halen`}
      question={`Weet u zeker dat u ${lid.naam} uit ${regio.naam} wilt halen?${lid.openVoorstellen > 0 ? ` De open voorstellen van ${lid.naam} voor de menukaart worden ingetrokken.` : ''}`}
      confirmLabel="Ja, uit de regio halen"
      failureHeading="Uit de regio halen is niet gelukt"
      onConfirm={async () => {
        const r = await regioApi.verwijderen(regio.id, lid.id);
        onChanged(r.bericht);
      }}
    />
  );
}

function LedenTabel({ leden, onChanged }: { leden: Leden; onChanged: (text: string) => void }) {
  if (leden.leden.length === 0) return <Paragraph>{leden.regio.naam} heeft nog geen scholen of instellingen.</Paragraph>;
  return (
    <Table caption={`Scholen en instellingen van ${leden.regio.naam}`} captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">School of instelling</TableHeaderCell>
          <TableHeaderCell scope="col">Soort</TableHeaderCell>
          <TableHeaderCell scope="col">BRIN-nummer</TableHeaderCell>
          <TableHeaderCell scope="col">Op de menukaart</TableHeaderCell>
          {leden.magBeheren ? (
            <TableHeaderCell scope="col">
              <span className="doorlopend-visually-hidden">Actie</span>
            </TableHeaderCell>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {leden.leden.map((l) => (
          <TableRow key={l.id}>
            <TableHeaderCell scope="row">{l.naam}</TableHeaderCell>
            <TableCell>{SOORT_LABELS[l.soort]}</TableCell>
            <TableCell>{l.brin ? <Code>{l.brin}</Code> : <span className="doorlopend-unknown">onbekend</span>}</TableCell>
            <TableCell>{menukaartStand(l)}</TableCell>
            {leden.magBeheren ? (
              <TableCell>
                <LidActie regio={leden.regio} lid={l} onChanged={onChanged} />
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Search schools and instellingen by name or BRIN and add one to the region. */
function SchoolToevoegen({ regio, onAdded }: { regio: Leden['regio']; onAdded: (text: string) => void }) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<RegioKandidaat[] | null>(null);
  const search = useAction('Zoeken is niet gelukt.');
  const add = useAction('Toevoegen is niet gelukt.');
  const onSearch = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    add.reset();
    await search.run(async () => {
      const found = await regioApi.kandidaten(regio.id, q.trim());
      setResults(found);
      return found.length === 0 ? 'Geen scholen of instellingen gevonden.' : `${count(found.length, 'school of instelling', 'scholen en instellingen')} gevonden.`;
    });
  };
  return (
    <section aria-labelledby="regio-toevoegen-heading" className="doorlopend-section">
      <Heading level={3} id="regio-toevoegen-heading">
        School of instelling toevoegen
      </Heading>
      <Paragraph>
        Zoek een vmbo-school of mbo-instelling op naam of BRIN-nummer. Een school hoort bij één regio: een school van een andere regio kunt u pas toevoegen als
        die regio haar heeft losgelaten.
      </Paragraph>
      <form className="doorlopend-form doorlopend-add-member" noValidate onSubmit={onSearch} role="search" aria-label="School of instelling zoeken">
        <FormFeedback state={search} failureHeading="Zoeken is niet gelukt" headingLevel={4} />
        <TextField id="regio-kandidaat-zoek" name="q" type="search" label="Naam of BRIN-nummer" value={q} onChange={setQ} maxLength={100} />
        <Paragraph>
          <Button type="submit" disabled={search.busy}>
            Zoeken
          </Button>
        </Paragraph>
      </form>
      <FormFeedback state={add} failureHeading="Toevoegen is niet gelukt" headingLevel={4} />
      {results && results.length > 0 ? (
        <Table caption="Gevonden scholen en instellingen" captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">School of instelling</TableHeaderCell>
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
                  {o.regio ? (
                    `hoort bij ${o.regio.naam}`
                  ) : (
                    <Button
                      appearance="secondary-action-button"
                      aria-label={`${o.naam} toevoegen`}
                      disabled={add.busy}
                      onClick={() =>
                        void add.run(async () => {
                          const lid = await regioApi.toevoegen(regio.id, o.id);
                          setResults((r) => r?.filter((x) => x.id !== o.id) ?? null);
                          // Announced once, by the section's status above the list.
                          onAdded(`${lid.naam} is nu lid van ${regio.naam}.`);
                          return null;
                        })
                      }
                    >
                      Toevoegen
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

/** The section "Scholen van de regio" of a region's page (its staff; the beheerder manages). */
export function RegioLeden({ organisation }: { organisation: Organisatie }) {
  const { data, error, message, changed } = useRegioLeden(organisation.id);
  // Pupils and others without the right get a 403: the section is left out for them.
  if (error?.status === 403) return null;
  return (
    <section aria-labelledby="regio-leden-heading" className="doorlopend-section">
      <Heading level={2} id="regio-leden-heading">
        Scholen van de regio
      </Heading>
      <Paragraph>
        De vmbo-scholen en mbo-instellingen van {organisation.naam} stellen modules voor op de menukaart van de regio; hun leerlingen kiezen daaruit.
      </Paragraph>
      <div role="status">
        {message ? (
          <Alert type="ok" role="none">
            <Paragraph>{message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {error ? <InlineError error={error} /> : !data ? <Loading label="Scholen van de regio laden…" /> : <LedenTabel leden={data} onChanged={changed} />}
      {data?.magBeheren ? <SchoolToevoegen regio={data.regio} onAdded={changed} /> : null}
    </section>
  );
}
