/**
 * The overlap inventory (issue 5): pick a vmbo selection and an mbo selection, see every eindterm and werkproces in
 * three columns — Alleen vmbo, Beiden, Alleen mbo — with totals and coverage. Within a samenwerking, teachers review
 * each link (bevestigen, afwijzen, type wijzigen with toelichting), add links the engine missed and mark items as
 * bewust niet gekoppeld. Everything is a native form control or button: keyboard-operable.
 *
 * State and API calls live in the hooks of pages/inventaris (useInventaris, useKoppelingen); the views there render.
 */
import { useParams } from 'react-router-dom';
import { ApiError } from '../api.js';
import { InlineError, Loading } from '../components/PageStates.js';
import { SignedInOnly } from '../components/SignedInOnly.js';
import { useRevealAfterSubmit } from '../lib/navigation.js';
import { Link, PageHeading, Paragraph } from '../ui/index.js';
import { Resultaat } from './inventaris/Resultaat.js';
import { SelectieForm } from './inventaris/SelectieForm.js';
import { Selecties } from './inventaris/Selecties.js';
import { useInventaris } from './inventaris/useInventaris.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Public: the inventory with the engine's suggestions, without reviews. */
export function InventarisPage() {
  return <InventarisView />;
}

/** Within a samenwerking: with its crosswalk and the review actions. */
export function SamenwerkingInventarisPage() {
  const { id = '' } = useParams();
  return <SignedInOnly>{UUID.test(id) ? <InventarisView partnershipId={id.toLowerCase()} /> : <InlineError error={new ApiError(404, 'Deze samenwerking bestaat niet.')} />}</SignedInOnly>;
}

function InventarisView({ partnershipId }: { partnershipId?: string }) {
  const { selectie, complete, inv, error, busy, formKey, problems, kies, kiesMin, herlaad } = useInventaris(partnershipId);
  // The form is drawn again for the new address: focus goes to the result (or the message why there is none).
  const reveal = useRevealAfterSubmit(() => document.getElementById(error ? 'inventaris-fout' : 'inventaris-totalen'), !busy || Boolean(error));
  return (
    <>
      <PageHeading>Overlapinventaris</PageHeading>
      {inv?.samenwerking ? (
        <Paragraph>
          Samenwerking: <Link to={`/samenwerkingen/${inv.samenwerking.id}`}>{inv.samenwerking.naam}</Link>. Beoordeelde koppelingen gaan voor voorstellen van de
          zoekmonitor; een afgewezen koppeling wordt hier niet meer voorgesteld.
        </Paragraph>
      ) : (
        <Paragraph>
          Welke eindtermen van het vmbo en werkprocessen van het mbo overlappen? Koppelingen zijn voorstellen van de zoekmonitor totdat docenten ze in een
          samenwerking bevestigen.
        </Paragraph>
      )}
      {partnershipId ? <Selecties partnershipId={partnershipId} huidige={complete && inv ? selectie : null} onOpen={kies} /> : null}
      <SelectieForm
        key={formKey}
        initial={selectie}
        problems={problems}
        onSubmit={(s) => {
          reveal();
          kies(s);
        }}
      />
      {!complete ? <Paragraph>Kies aan beide kanten iets: een profiel, keuzevakken of profielmodulen, en een kwalificatie of keuzedelen.</Paragraph> : null}
      {complete && error ? (
        <div id="inventaris-fout">
          <InlineError error={error} />
        </div>
      ) : null}
      {complete && !inv && !error ? <Loading label="Inventaris wordt gemaakt…" /> : null}
      {inv && !error ? <Resultaat inv={inv} selectie={selectie} partnershipId={partnershipId} busy={busy} onChanged={herlaad} onMin={kiesMin} /> : null}
    </>
  );
}
