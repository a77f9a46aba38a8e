/**
 * The samenwerkingsovereenkomsten on the samenwerking's page (issue 13): every agreement with its status and how far
 * its required clauses are, and (for beheerder/ontwikkelaar) a form to start one for chosen leerroutes and/or
 * cooperation without a route. The new agreement opens with the platform's proposal for its clauses.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ONDERWERP_NAMEN, ONDERWERPEN, OVEREENKOMST_SOORT_NAMEN, OVEREENKOMST_SOORTEN, OVEREENKOMST_STATUS_NAMEN, type Onderwerp, type OvereenkomstSoort, type OvereenkomstStatus } from '../../../shared/overeenkomst-api.js';
import { FormFeedback, useAction } from '../../components/ConfirmAction.js';
import { LoadError, Loading } from '../../components/PageStates.js';
import { leerrouteApi, leerrouteUrls } from '../../lib/leerroute-api.js';
import { useApi } from '../../lib/useApi.js';
import { Button, CheckboxField, Fieldset, Heading, Link, Paragraph, SelectField, StatusBadge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/index.js';
import { overeenkomstApi, overeenkomstPath, overeenkomstUrls } from './overeenkomst-api.js';
import './overeenkomst.css';

export const STATUS_KLEUR: Record<OvereenkomstStatus, 'neutral' | 'safe' | 'warning' | 'danger'> = { concept: 'neutral', 'ter-ondertekening': 'warning', ondertekend: 'safe', beeindigd: 'danger' };

function NieuweOvereenkomst({ partnershipId }: { partnershipId: string }) {
  const navigate = useNavigate();
  const routes = useApi(leerrouteUrls.lijst(partnershipId), (signal) => leerrouteApi.lijst(partnershipId, signal));
  const [soort, setSoort] = useState<OvereenkomstSoort>('doorlopende-leerroute');
  const [gekozen, setGekozen] = useState<string[]>([]);
  const [onderwerpen, setOnderwerpen] = useState<Onderwerp[]>([]);
  const state = useAction('Aanmaken is niet gelukt.');
  const toggle = <T,>(list: T[], v: T, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v));
  return (
    <form
      className="doorlopend-form"
      aria-labelledby="nieuwe-overeenkomst-kop"
      onSubmit={(e) => {
        e.preventDefault();
        void state.run(async () => {
          const o = await overeenkomstApi.maak(partnershipId, { soort, leerrouteIds: gekozen, onderwerpen });
          navigate(overeenkomstPath(o.id), { state: { bericht: 'De overeenkomst is aangemaakt met een voorstel voor de clausules. Pas de teksten samen aan.' } });
          return null;
        });
      }}
    >
      <Heading level={3} id="nieuwe-overeenkomst-kop">
        Nieuwe overeenkomst
      </Heading>
      <SelectField
        id="ovk-soort"
        label="Soort overeenkomst"
        value={soort}
        onChange={(v) => setSoort(v as OvereenkomstSoort)}
        options={OVEREENKOMST_SOORTEN.map((s) => ({ value: s, label: OVEREENKOMST_SOORT_NAMEN[s] }))}
        description="De soort bepaalt welke clausules verplicht zijn en welke aanbevolen."
      />
      <Fieldset id="ovk-routes" legend="Welke leerroutes dekt de overeenkomst?">
        {routes.error ? <LoadError error={routes.error} /> : null}
        {!routes.data && !routes.error ? <Loading label="Leerroutes laden…" /> : null}
        {routes.data?.leerroutes.length === 0 ? <Paragraph>Deze samenwerking heeft nog geen leerroutes.</Paragraph> : null}
        {routes.data?.leerroutes.map((r) => (
          <CheckboxField key={r.id} id={`ovk-route-${r.id}`} label={r.naam} checked={gekozen.includes(r.id)} onChange={(on) => setGekozen((g) => toggle(g, r.id, on))} />
        ))}
      </Fieldset>
      <Fieldset id="ovk-onderwerpen" legend="Samenwerking zonder leerroute (optioneel)">
        {ONDERWERPEN.map((o) => (
          <CheckboxField key={o} id={`ovk-onderwerp-${o}`} label={ONDERWERP_NAMEN[o]} checked={onderwerpen.includes(o)} onChange={(on) => setOnderwerpen((g) => toggle(g, o, on))} />
        ))}
      </Fieldset>
      <FormFeedback state={state} failureHeading="Aanmaken is niet gelukt" headingLevel={4} />
      <Button type="submit" disabled={state.busy}>
        Overeenkomst aanmaken
      </Button>
    </form>
  );
}

export function OvereenkomstenSectie({ partnershipId }: { partnershipId: string }) {
  const lijst = useApi(overeenkomstUrls.lijst(partnershipId), (signal) => overeenkomstApi.lijst(partnershipId, signal));
  return (
    <section aria-labelledby="overeenkomsten-heading" className="doorlopend-section">
      <Heading level={2} id="overeenkomsten-heading">
        Samenwerkingsovereenkomsten
      </Heading>
      <Paragraph>
        Wat de scholen samen vastleggen: partijen, wat de overeenkomst dekt en de afspraken per clausule, met ondertekening door beide besturen. Een doorlopende leerroute
        heeft een ondertekende overeenkomst nodig.
      </Paragraph>
      {lijst.error ? <LoadError error={lijst.error} /> : null}
      {!lijst.data && !lijst.error ? <Loading label="Overeenkomsten laden…" /> : null}
      {lijst.data && lijst.data.overeenkomsten.length === 0 ? <Paragraph>Er is nog geen overeenkomst.</Paragraph> : null}
      {lijst.data && lijst.data.overeenkomsten.length > 0 ? (
        <Table caption="Overeenkomsten van deze samenwerking" captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Overeenkomst</TableHeaderCell>
              <TableHeaderCell scope="col">Versie</TableHeaderCell>
              <TableHeaderCell scope="col">Status</TableHeaderCell>
              <TableHeaderCell scope="col">Verplichte clausules ingevuld</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {lijst.data.overeenkomsten.map((o) => (
              <TableRow key={o.id}>
                <TableCell>
                  <Link to={overeenkomstPath(o.id)}>{o.titel}</Link>
                  <br />
                  <span className="doorlopend-ovk-muted">{OVEREENKOMST_SOORT_NAMEN[o.soort]}</span>
                </TableCell>
                <TableCell>{o.documentversie}</TableCell>
                <TableCell>
                  <StatusBadge status={STATUS_KLEUR[o.status]}>{OVEREENKOMST_STATUS_NAMEN[o.status]}</StatusBadge>
                </TableCell>
                <TableCell>
                  {o.compleet.ingevuld} van {o.compleet.verplicht}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {lijst.data?.mijnRechten.wijzigen ? <NieuweOvereenkomst partnershipId={partnershipId} /> : null}
    </section>
  );
}
