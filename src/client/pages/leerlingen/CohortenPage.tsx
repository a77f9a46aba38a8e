/**
 * /leerroutes/:routeId/leerlingen (issue 14): the groups of pupils (cohorten) of a leerroute that the user may see —
 * name, schooljaar, leerjaar, school, number of pupils and the day their data is removed — and, for the vmbo school's
 * beheerder, decaan and examinator, a form to start a new group.
 */
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { DEFAULT_BEWAARTERMIJN_MAANDEN } from '../../../shared/leerlingen-api.js';
import type { CohortLijst } from '../../../shared/leerlingen-api.js';
import { FormFeedback, useAction } from '../../components/ConfirmAction.js';
import { LoadError, Loading } from '../../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../../components/SignedInOnly.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useApi } from '../../lib/useApi.js';
import { Button, Heading, Link, PageHeading, Paragraph, SelectField, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, TextField } from '../../ui/index.js';
import { cohortPath, datum, leerlingenApi, leerlingenUrls } from './leerlingen-api.js';
import './leerlingen.css';

function huidigSchooljaar(): string {
  const nu = new Date();
  const jaar = nu.getMonth() >= 7 ? nu.getFullYear() : nu.getFullYear() - 1;
  return `${jaar}-${jaar + 1}`;
}

function NieuweGroep({ routeId, scholen }: { routeId: string; scholen: CohortLijst['scholen'] }) {
  const navigate = useNavigate();
  const [naam, setNaam] = useState('');
  const [schooljaar, setSchooljaar] = useState(huidigSchooljaar);
  const [leerjaar, setLeerjaar] = useState('3');
  const [school, setSchool] = useState(scholen[0]?.id ?? '');
  const [einddatum, setEinddatum] = useState('');
  const [bewaartermijn, setBewaartermijn] = useState(String(DEFAULT_BEWAARTERMIJN_MAANDEN));
  const state = useAction('Aanmaken is niet gelukt.');
  const veldFout = (veld: string) => state.error?.problem?.errors?.find((e) => e.path === `body.${veld}`)?.message;
  return (
    <form
      className="doorlopend-form doorlopend-leerlingen-form"
      aria-labelledby="nieuwe-groep-kop"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void state.run(async () => {
          const c = await leerlingenApi.maakCohort(routeId, {
            naam: naam.trim(),
            schooljaar: schooljaar.trim(),
            leerjaar: Number(leerjaar),
            ...(scholen.length > 1 ? { organisationId: school } : {}),
            ...(einddatum.trim() ? { einddatum: einddatum.trim() } : {}),
            bewaartermijnMaanden: Number(bewaartermijn),
          });
          navigate(cohortPath(c.id), { state: { bericht: `De groep ${c.naam} is aangemaakt. Voeg nu de leerlingen toe.` } });
          return null;
        });
      }}
    >
      <Heading level={2} id="nieuwe-groep-kop">
        Nieuwe groep leerlingen
      </Heading>
      <TextField id="groep-naam" label="Naam van de groep" value={naam} onChange={setNaam} maxLength={200} required description="Bijvoorbeeld: 3 BB techniek 2026" invalidMessage={veldFout('naam')} />
      {scholen.length > 1 ? (
        <SelectField id="groep-school" label="School" value={school} onChange={setSchool} options={scholen.map((s) => ({ value: s.id, label: s.naam }))} invalidMessage={veldFout('organisationId')} />
      ) : null}
      <TextField id="groep-schooljaar" label="Schooljaar" value={schooljaar} onChange={setSchooljaar} maxLength={9} description="Zoals 2026-2027" invalidMessage={veldFout('schooljaar')} />
      <SelectField id="groep-leerjaar" label="Leerjaar" value={leerjaar} onChange={setLeerjaar} options={[1, 2, 3, 4, 5, 6].map((j) => ({ value: String(j), label: `Leerjaar ${j}` }))} />
      <TextField
        id="groep-einddatum"
        label="Einddatum (optioneel)"
        value={einddatum}
        onChange={setEinddatum}
        maxLength={10}
        description="Zoals 2027-07-31. Leeg: 31 juli aan het eind van het schooljaar."
        invalidMessage={veldFout('einddatum')}
      />
      <TextField
        id="groep-bewaartermijn"
        label="Bewaartermijn in maanden"
        value={bewaartermijn}
        onChange={setBewaartermijn}
        maxLength={3}
        description={`Zo lang na de einddatum blijven de leerlinggegevens bewaard; daarna verwijdert Doorlopend ze (de aantallen blijven). Standaard ${DEFAULT_BEWAARTERMIJN_MAANDEN}.`}
        invalidMessage={veldFout('bewaartermijnMaanden')}
      />
      <FormFeedback state={state} failureHeading="Aanmaken is niet gelukt" />
      <Button type="submit" disabled={state.busy}>
        Groep aanmaken
      </Button>
    </form>
  );
}

function Inhoud({ routeId }: { routeId: string }) {
  const lijst = useApi(leerlingenUrls.cohorten(routeId), (signal) => leerlingenApi.cohorten(routeId, signal));
  useSessionExpiry(lijst.error);
  useDocumentTitle(lijst.data ? `Leerlingen: ${lijst.data.leerroute.naam}` : 'Leerlingen');
  if (lijst.error && !lijst.error.isUnauthorized) return <LoadError error={lijst.error} />;
  if (!lijst.data) return <Loading />;
  const { leerroute, cohorten, scholen } = lijst.data;
  return (
    <article className="doorlopend-detail doorlopend-leerlingen">
      <p className="doorlopend-preheading">
        <Link to={`/leerroutes/${encodeURIComponent(leerroute.id)}`}>{leerroute.naam}</Link>
      </p>
      <PageHeading>Leerlingen</PageHeading>
      <Paragraph>
        De groepen leerlingen die deze leerroute volgen, per schooljaar en leerjaar. Alleen de vmbo-school ziet haar leerlingen. Wie een lijst met leerlingen opent of
        exporteert, staat in het auditlog. Na de bewaartermijn verwijdert Doorlopend de leerlinggegevens; alleen de aantallen blijven.
      </Paragraph>
      <section aria-labelledby="groepen-kop" className="doorlopend-section">
        <Heading level={2} id="groepen-kop">
          Groepen
        </Heading>
        {cohorten.length === 0 ? (
          <Paragraph>Er zijn nog geen groepen leerlingen voor deze leerroute.</Paragraph>
        ) : (
          <Table caption="Groepen leerlingen van deze leerroute" captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Groep</TableHeaderCell>
                <TableHeaderCell scope="col">Schooljaar</TableHeaderCell>
                <TableHeaderCell scope="col">Leerjaar</TableHeaderCell>
                <TableHeaderCell scope="col">School</TableHeaderCell>
                <TableHeaderCell scope="col">Leerlingen</TableHeaderCell>
                <TableHeaderCell scope="col">Gegevens verwijderd op</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {cohorten.map((c) => (
                <TableRow key={c.id}>
                  <TableHeaderCell scope="row">
                    <Link to={cohortPath(c.id)}>{c.naam}</Link>
                  </TableHeaderCell>
                  <TableCell>{c.schooljaar}</TableCell>
                  <TableCell>{c.leerjaar}</TableCell>
                  <TableCell>{c.organisatieNaam}</TableCell>
                  <TableCell>{c.opgeschoond ? `${c.opgeschoond.leerlingen} (verwijderd)` : c.aantalLeerlingen}</TableCell>
                  <TableCell>{c.opgeschoondAt ? `verwijderd op ${datum(c.opgeschoondAt)}` : datum(c.verwijderdOp)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      {scholen.length > 0 ? <NieuweGroep routeId={leerroute.id} scholen={scholen} /> : null}
    </article>
  );
}

export function CohortenPage() {
  const { routeId = '' } = useParams();
  return (
    <SignedInOnly>
      <Inhoud key={routeId} routeId={routeId.toLowerCase()} />
    </SignedInOnly>
  );
}
