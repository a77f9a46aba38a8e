/**
 * /cohorten/:cohortId (issue 14): one group of pupils. Its settings and the day its pupil data is removed (or the
 * counts that were kept), the pupils in a table (opening this page is recorded in the audit log), and for the vmbo
 * school's beheerder, decaan and examinator: add a pupil by hand, change or remove one, invite a pupil to an account
 * of their own, import from Magister or Somtoday, export the list, change the settings. Every change answers with the
 * whole group, which replaces what is shown; a 409 (changed by someone else) shows its message and reloads.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { LEERWEGEN } from '../../../shared/catalog-api.js';
import type { CohortDetail, Leerling, LeerlingInvoerIn } from '../../../shared/leerlingen-api.js';
import { ApiError } from '../../api.js';
import { ConfirmAction, FormFeedback, useAction } from '../../components/ConfirmAction.js';
import { LoadError, Loading } from '../../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../../components/SignedInOnly.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useApi } from '../../lib/useApi.js';
import {
  Alert, Button, ButtonLink, DataList, DocumentLink, Heading, Link, PageHeading, Paragraph, SelectField, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, TextField,
} from '../../ui/index.js';
import { cohortenPath, datum, importPath, leerlingenApi, leerlingenUrls, volledigeNaam } from './leerlingen-api.js';
import './leerlingen.css';

type Zet = (c: CohortDetail, bericht: string) => void;

/** Runs a change; a 409 reloads the group (someone else changed it) after showing the message. */
function useWijziging(failure: string, zet: Zet, herlaad: () => void) {
  const state = useAction(failure);
  const run = (work: () => Promise<CohortDetail>, bericht: string) =>
    state.run(async () => {
      try {
        zet(await work(), bericht);
        return bericht;
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) herlaad();
        throw e;
      }
    });
  return { state, run };
}

const invoerVan = (l: LeerlingInvoerIn): LeerlingInvoerIn => ({
  leerlingnummer: l.leerlingnummer,
  roepnaam: l.roepnaam,
  tussenvoegsel: l.tussenvoegsel ?? '',
  achternaam: l.achternaam,
  klas: l.klas ?? '',
  leerweg: l.leerweg ?? null,
  geboortedatum: l.geboortedatum ?? null,
  eckId: l.eckId ?? null,
});

const LEEG: LeerlingInvoerIn = { leerlingnummer: '', roepnaam: '', tussenvoegsel: '', achternaam: '', klas: '', leerweg: null, geboortedatum: null, eckId: null };

function LeerlingVelden({ prefix, waarden, zet, fout }: { prefix: string; waarden: LeerlingInvoerIn; zet: (w: LeerlingInvoerIn) => void; fout: (veld: string) => string | undefined }) {
  const tekst = (veld: 'leerlingnummer' | 'roepnaam' | 'tussenvoegsel' | 'achternaam' | 'klas', label: string, max: number, description?: string) => (
    <TextField id={`${prefix}-${veld}`} label={label} value={waarden[veld] ?? ''} onChange={(v) => zet({ ...waarden, [veld]: v })} maxLength={max} description={description} invalidMessage={fout(veld)} />
  );
  return (
    <>
      {tekst('leerlingnummer', 'Leerlingnummer', 20, 'Het nummer uit Magister of Somtoday (stamnummer); geen BSN of onderwijsnummer.')}
      {tekst('roepnaam', 'Roepnaam', 100)}
      {tekst('tussenvoegsel', 'Tussenvoegsel (optioneel)', 30)}
      {tekst('achternaam', 'Achternaam', 100)}
      {tekst('klas', 'Klas (optioneel)', 30)}
      <SelectField
        id={`${prefix}-leerweg`}
        label="Leerweg (optioneel)"
        value={waarden.leerweg ?? ''}
        onChange={(v) => zet({ ...waarden, leerweg: v === '' ? null : (v as LeerlingInvoerIn['leerweg']) })}
        options={[{ value: '', label: 'Niet opgegeven' }, ...LEERWEGEN.map((l) => ({ value: l, label: l }))]}
        invalidMessage={fout('leerweg')}
      />
      <TextField
        id={`${prefix}-geboortedatum`}
        label="Geboortedatum (optioneel)"
        value={waarden.geboortedatum ?? ''}
        onChange={(v) => zet({ ...waarden, geboortedatum: v.trim() === '' ? null : v })}
        maxLength={10}
        description="Alleen invullen als de inschrijving bij het mbo als extraneus erom vraagt. Zoals 2011-03-15."
        invalidMessage={fout('geboortedatum')}
      />
      <TextField
        id={`${prefix}-eckid`}
        label="ECK iD (optioneel)"
        value={waarden.eckId ?? ''}
        onChange={(v) => zet({ ...waarden, eckId: v.trim() === '' ? null : v })}
        maxLength={300}
        invalidMessage={fout('eckId')}
      />
    </>
  );
}

function veldFouten(state: { error: ApiError | null }) {
  return (veld: string) => state.error?.problem?.errors?.find((e) => e.path === `body.${veld}`)?.message;
}

function Toevoegen({ c, zet, herlaad }: { c: CohortDetail; zet: Zet; herlaad: () => void }) {
  const [waarden, setWaarden] = useState<LeerlingInvoerIn>(LEEG);
  const { state, run } = useWijziging('Toevoegen is niet gelukt.', zet, herlaad);
  return (
    <form
      className="doorlopend-form doorlopend-leerlingen-form"
      aria-labelledby="toevoegen-kop"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => leerlingenApi.voegToe(c.id, waarden), `${volledigeNaam(waarden)} is toegevoegd.`).then((ok) => {
          if (ok) setWaarden(LEEG);
        });
      }}
    >
      <Heading level={2} id="toevoegen-kop">
        Leerling toevoegen
      </Heading>
      <LeerlingVelden prefix="nieuw" waarden={waarden} zet={setWaarden} fout={veldFouten(state)} />
      <FormFeedback state={state} failureHeading="Toevoegen is niet gelukt" />
      <Button type="submit" disabled={state.busy}>
        Leerling toevoegen
      </Button>
    </form>
  );
}

function Wijzigen({ c, l, zet, herlaad, sluit }: { c: CohortDetail; l: Leerling; zet: Zet; herlaad: () => void; sluit: () => void }) {
  const [waarden, setWaarden] = useState<LeerlingInvoerIn>(() => invoerVan(l));
  const { state, run } = useWijziging('Wijzigen is niet gelukt.', zet, herlaad);
  const kop = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => kop.current?.focus(), []);
  return (
    <form
      className="doorlopend-form doorlopend-leerlingen-form doorlopend-leerlingen-paneel"
      aria-labelledby="wijzigen-kop"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const w = invoerVan(waarden);
        void run(() => leerlingenApi.wijzig(c.id, l.id, { ...w, tussenvoegsel: w.tussenvoegsel ?? '', klas: w.klas ?? '', leerweg: w.leerweg ?? null, geboortedatum: w.geboortedatum ?? null, eckId: w.eckId ?? null, versie: l.versie }), `De gegevens van ${volledigeNaam(waarden)} zijn opgeslagen.`).then((ok) => {
          if (ok) sluit();
        });
      }}
    >
      <Heading level={3} id="wijzigen-kop" ref={kop} tabIndex={-1}>
        {volledigeNaam(l)} wijzigen
      </Heading>
      <LeerlingVelden prefix="wijzig" waarden={waarden} zet={setWaarden} fout={veldFouten(state)} />
      <FormFeedback state={state} failureHeading="Wijzigen is niet gelukt" headingLevel={4} />
      <div className="doorlopend-leerlingen-acties">
        <Button type="submit" disabled={state.busy}>
          Opslaan
        </Button>
        <Button appearance="secondary-action-button" onClick={sluit}>
          Annuleren
        </Button>
      </div>
    </form>
  );
}

function Uitnodigen({ c, l, sluit }: { c: CohortDetail; l: Leerling; sluit: () => void }) {
  const [email, setEmail] = useState('');
  const state = useAction('Uitnodigen is niet gelukt.');
  const kop = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => kop.current?.focus(), []);
  return (
    <form
      className="doorlopend-form doorlopend-leerlingen-form doorlopend-leerlingen-paneel"
      aria-labelledby="uitnodigen-kop"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void state.run(async () => (await leerlingenApi.nodigUit(c.id, l.id, email.trim())).bericht);
      }}
    >
      <Heading level={3} id="uitnodigen-kop" ref={kop} tabIndex={-1}>
        {volledigeNaam(l)} uitnodigen voor een eigen account
      </Heading>
      <Paragraph>
        De leerling krijgt een e-mail met een link. Met het account ziet de leerling alleen de eigen resultaten en kan hij of zij zelf een vrijstelling aanvragen. Het
        e-mailadres wordt niet bij de leerling opgeslagen.
      </Paragraph>
      <TextField id="uitnodigen-email" label="E-mailadres van de leerling" type="email" autoComplete="off" value={email} onChange={setEmail} maxLength={254} invalidMessage={veldFouten(state)('email')} />
      <FormFeedback state={state} failureHeading="Uitnodigen is niet gelukt" headingLevel={4} />
      <div className="doorlopend-leerlingen-acties">
        <Button type="submit" disabled={state.busy}>
          Uitnodiging versturen
        </Button>
        <Button appearance="secondary-action-button" onClick={sluit}>
          Sluiten
        </Button>
      </div>
    </form>
  );
}

function Instellingen({ c, zet, herlaad }: { c: CohortDetail; zet: Zet; herlaad: () => void }) {
  const [naam, setNaam] = useState(c.naam);
  const [einddatum, setEinddatum] = useState(c.einddatum);
  const [bewaartermijn, setBewaartermijn] = useState(String(c.bewaartermijnMaanden));
  const { state, run } = useWijziging('Opslaan is niet gelukt.', zet, herlaad);
  return (
    <details className="doorlopend-section">
      <summary>Instellingen van de groep wijzigen</summary>
      <form
        className="doorlopend-form doorlopend-leerlingen-form"
        aria-label="Instellingen van de groep"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => leerlingenApi.wijzigCohort(c.id, { versie: c.versie, naam: naam.trim(), einddatum: einddatum.trim(), bewaartermijnMaanden: Number(bewaartermijn) }), 'De instellingen zijn opgeslagen.');
        }}
      >
        <TextField id="instelling-naam" label="Naam van de groep" value={naam} onChange={setNaam} maxLength={200} invalidMessage={veldFouten(state)('naam')} />
        <TextField id="instelling-einddatum" label="Einddatum" value={einddatum} onChange={setEinddatum} maxLength={10} description="Zoals 2027-07-31" invalidMessage={veldFouten(state)('einddatum')} />
        <TextField id="instelling-bewaartermijn" label="Bewaartermijn in maanden" value={bewaartermijn} onChange={setBewaartermijn} maxLength={3} invalidMessage={veldFouten(state)('bewaartermijnMaanden')} />
        <FormFeedback state={state} failureHeading="Opslaan is niet gelukt" />
        <Button type="submit" disabled={state.busy}>
          Instellingen opslaan
        </Button>
      </form>
    </details>
  );
}

function Leerlingen({ c, zet, herlaad }: { c: CohortDetail; zet: Zet; herlaad: () => void }) {
  const [open, setOpen] = useState<{ soort: 'wijzigen' | 'uitnodigen'; id: string } | null>(null);
  const terug = useRef<string | null>(null);
  const sluit = () => {
    const id = open ? `${open.soort}-${open.id}` : null;
    setOpen(null);
    terug.current = id;
  };
  useLayoutEffect(() => {
    if (open === null && terug.current) {
      document.getElementById(terug.current)?.focus();
      terug.current = null;
    }
  }, [open]);
  const gekozen = open ? c.leerlingen.find((l) => l.id === open.id) : undefined;
  return (
    <section aria-labelledby="leerlingen-kop" className="doorlopend-section">
      <Heading level={2} id="leerlingen-kop">
        Leerlingen ({c.leerlingen.length})
      </Heading>
      {c.leerlingen.length === 0 ? (
        <Paragraph>{c.opgeschoond ? 'De leerlinggegevens zijn verwijderd.' : 'Deze groep heeft nog geen leerlingen.'}</Paragraph>
      ) : (
        <Table caption={`Leerlingen van ${c.naam}`} captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Leerlingnummer</TableHeaderCell>
              <TableHeaderCell scope="col">Naam</TableHeaderCell>
              <TableHeaderCell scope="col">Klas</TableHeaderCell>
              <TableHeaderCell scope="col">Leerweg</TableHeaderCell>
              <TableHeaderCell scope="col">Account</TableHeaderCell>
              {c.magBeheren ? <TableHeaderCell scope="col">Acties</TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {c.leerlingen.map((l) => (
              <TableRow key={l.id}>
                <TableCell>{l.leerlingnummer}</TableCell>
                <TableHeaderCell scope="row">{volledigeNaam(l)}</TableHeaderCell>
                <TableCell>{l.klas || '–'}</TableCell>
                <TableCell>{l.leerweg ?? '–'}</TableCell>
                <TableCell>{l.heeftAccount ? 'Gekoppeld' : 'Geen'}</TableCell>
                {c.magBeheren ? (
                  <TableCell>
                    <div className="doorlopend-leerlingen-acties">
                      <Button id={`wijzigen-${l.id}`} appearance="secondary-action-button" aria-label={`${volledigeNaam(l)} wijzigen`} onClick={() => setOpen({ soort: 'wijzigen', id: l.id })}>
                        Wijzigen
                      </Button>
                      {l.heeftAccount ? null : (
                        <Button id={`uitnodigen-${l.id}`} appearance="secondary-action-button" aria-label={`${volledigeNaam(l)} uitnodigen`} onClick={() => setOpen({ soort: 'uitnodigen', id: l.id })}>
                          Uitnodigen
                        </Button>
                      )}
                      <ConfirmAction
                        label="Verwijderen"
                        accessibleLabel={`${volledigeNaam(l)} verwijderen`}
                        question={`Weet u zeker dat u ${volledigeNaam(l)} wilt verwijderen? Alles over deze leerling verdwijnt, ook aanmeldingen en beoordelingen.`}
                        confirmLabel="Ja, verwijderen"
                        failureHeading="Verwijderen is niet gelukt"
                        onConfirm={async () => zet(await leerlingenApi.verwijder(c.id, l.id), `${volledigeNaam(l)} is verwijderd.`)}
                      />
                    </div>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {gekozen && open?.soort === 'wijzigen' ? <Wijzigen key={`${gekozen.id}-${gekozen.versie}`} c={c} l={gekozen} zet={zet} herlaad={herlaad} sluit={sluit} /> : null}
      {gekozen && open?.soort === 'uitnodigen' ? <Uitnodigen key={gekozen.id} c={c} l={gekozen} sluit={sluit} /> : null}
    </section>
  );
}

function Inhoud({ cohortId }: { cohortId: string }) {
  const location = useLocation();
  const [laad, setLaad] = useState(0);
  const geladen = useApi(`${leerlingenUrls.cohort(cohortId)}#${laad}`, (signal) => leerlingenApi.cohort(cohortId, signal));
  const [eigen, setEigen] = useState<CohortDetail | null>(null);
  const [bericht, setBericht] = useState<string>((location.state as { bericht?: string } | null)?.bericht ?? '');
  const c = eigen && (!geladen.data || eigen.versie >= geladen.data.versie) ? eigen : (geladen.data ?? null);
  useSessionExpiry(geladen.error);
  useDocumentTitle(c ? `Leerlingen: ${c.naam}` : 'Leerlingen');
  const zet = useCallback<Zet>((nieuw, b) => {
    setEigen(nieuw);
    setBericht(b);
  }, []);
  const herlaad = useCallback(() => {
    setEigen(null);
    setLaad((n) => n + 1);
  }, []);
  if (geladen.error && !geladen.error.isUnauthorized) return <LoadError error={geladen.error} />;
  if (!c) return <Loading />;
  return (
    <article className="doorlopend-detail doorlopend-leerlingen">
      <p className="doorlopend-preheading">
        <Link to={cohortenPath(c.leerroute.id)}>Leerlingen van {c.leerroute.naam}</Link>
      </p>
      <PageHeading>{c.naam}</PageHeading>
      {bericht ? (
        <Alert type="ok" role="status">
          <Paragraph>{bericht}</Paragraph>
        </Alert>
      ) : null}
      <DataList
        items={[
          { key: 'school', label: 'School', value: c.organisatieNaam },
          { key: 'schooljaar', label: 'Schooljaar', value: `${c.schooljaar}, leerjaar ${c.leerjaar}` },
          { key: 'einddatum', label: 'Einddatum', value: datum(c.einddatum) },
          {
            key: 'bewaren',
            label: 'Leerlinggegevens bewaard tot',
            value: c.opgeschoondAt ? `verwijderd op ${datum(c.opgeschoondAt)}` : `${datum(c.verwijderdOp)} (${c.bewaartermijnMaanden} maanden na de einddatum; daarna verwijderd, de aantallen blijven)`,
          },
        ]}
      />
      {c.opgeschoond ? (
        <Alert type="info" heading="Bewaartermijn verstreken" headingLevel={2}>
          <Paragraph>
            De gegevens van {c.opgeschoond.leerlingen} leerlingen zijn verwijderd. Bewaard zijn alleen de aantallen: {c.opgeschoond.inschrijvingen} inschrijvingen,{' '}
            {c.opgeschoond.beoordelingen} beoordelingen, {c.opgeschoond.behaald} keer behaald.
          </Paragraph>
        </Alert>
      ) : null}
      {c.leerlingen.length > 0 || c.magBeheren ? (
        <div className="doorlopend-leerlingen-acties doorlopend-section">
          {c.magBeheren ? <ButtonLink to={importPath(c.id)}>Leerlingen importeren</ButtonLink> : null}
          {c.leerlingen.length > 0 ? (
            <DocumentLink href={leerlingenUrls.export(c.id)} download>
              Leerlingenlijst downloaden (CSV)
            </DocumentLink>
          ) : null}
        </div>
      ) : null}
      <Leerlingen c={c} zet={zet} herlaad={herlaad} />
      {c.magBeheren ? <Toevoegen c={c} zet={zet} herlaad={herlaad} /> : null}
      {c.magBeheren ? <Instellingen key={c.versie} c={c} zet={zet} herlaad={herlaad} /> : null}
      <Paragraph className="doorlopend-section">Het openen van deze lijst en elke download staan in het auditlog van de school.</Paragraph>
    </article>
  );
}

export function CohortPage() {
  const { cohortId = '' } = useParams();
  return (
    <SignedInOnly>
      <Inhoud key={cohortId} cohortId={cohortId.toLowerCase()} />
    </SignedInOnly>
  );
}
