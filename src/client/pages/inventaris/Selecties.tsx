/**
 * "Opgeslagen selecties" of a samenwerking (issue 12): save the current selection under a name, and the list that
 * both schools share: open (the address gets the selection), rename, delete. Native forms and buttons only.
 */
import type { OpgeslagenSelectie } from '../../../shared/inventory-api.js';
import { ConfirmAction, FormFeedback } from '../../components/ConfirmAction.js';
import { InlineError } from '../../components/PageStates.js';
import { formatDateTime } from '../../lib/format.js';
import type { InventarisSelectie } from '../../lib/inventory-api.js';
import { Button, Heading, ListItem, Paragraph, TextField, UnorderedList } from '../../ui/index.js';
import { alsAdres, useSelectieBeheer, useSelectieOpslaan, useSelecties } from './useSelecties.js';
import './inventaris.css';

interface SelectiesProps {
  partnershipId: string;
  /** The current selection (complete on both sides), or null. */
  huidige: InventarisSelectie | null;
  onOpen: (s: InventarisSelectie) => void;
}

export function Selecties({ partnershipId, huidige, onOpen }: SelectiesProps) {
  const { selecties, magWijzigen, error, herlaad } = useSelecties(partnershipId);
  return (
    <section aria-labelledby="selecties-kop" className="doorlopend-selecties">
      <Heading level={2} id="selecties-kop">
        Opgeslagen selecties
      </Heading>
      {error ? <InlineError error={error} /> : null}
      {selecties && selecties.length === 0 ? <Paragraph className="doorlopend-empty">Nog geen opgeslagen selecties in deze samenwerking.</Paragraph> : null}
      {selecties && selecties.length > 0 ? (
        <UnorderedList aria-label="Opgeslagen selecties" className="doorlopend-selecties__lijst">
          {selecties.map((s) => (
            <ListItem key={s.id}>
              <SelectieRegel s={s} partnershipId={partnershipId} magWijzigen={magWijzigen} onOpen={onOpen} onChanged={herlaad} />
            </ListItem>
          ))}
        </UnorderedList>
      ) : null}
      {magWijzigen && huidige ? <Opslaan partnershipId={partnershipId} selectie={huidige} onSaved={herlaad} /> : null}
    </section>
  );
}

function Opslaan({ partnershipId, selectie, onSaved }: { partnershipId: string; selectie: InventarisSelectie; onSaved: () => void }) {
  const o = useSelectieOpslaan(partnershipId, selectie, onSaved);
  return (
    <form aria-label="Selectie opslaan" className="doorlopend-selecties__opslaan" onSubmit={o.submit}>
      <TextField id="selectie-naam" label="Naam van deze selectie" value={o.naam} onChange={o.setNaam} maxLength={120} description="Beide scholen zien en openen hem onder deze naam." />
      <Button type="submit" disabled={o.action.busy}>
        Selectie opslaan
      </Button>
      <FormFeedback state={o.action} failureHeading="Niet opgeslagen" headingLevel={3} />
    </form>
  );
}

function SelectieRegel({ s, partnershipId, magWijzigen, onOpen, onChanged }: { s: OpgeslagenSelectie; partnershipId: string; magWijzigen: boolean; onOpen: SelectiesProps['onOpen']; onChanged: () => void }) {
  const b = useSelectieBeheer(partnershipId, s, onChanged);
  const wie = s.gewijzigdDoor ?? s.gemaaktDoor;
  const samenvatting = [s.selectie.profiel ? `profiel ${s.selectie.profiel}` : null, ...s.selectie.keuzevakken, ...s.selectie.profielmodulen, s.selectie.leerweg, s.selectie.kwalificatie ? `crebo ${s.selectie.kwalificatie}` : null, ...s.selectie.keuzedelen]
    .filter(Boolean)
    .join(', ');
  return (
    <div className="doorlopend-selecties__regel">
      <Paragraph>
        <strong>{s.naam}</strong> <span className="doorlopend-meta">({samenvatting}; {wie ? `${wie}, ` : ''}{formatDateTime(s.gewijzigdOp)})</span>
      </Paragraph>
      {b.hernoemen ? (
        <form aria-label={`${s.naam} hernoemen`} className="doorlopend-selecties__hernoemen" onSubmit={b.rename}>
          <TextField id={`selectie-${s.id}-naam`} label="Nieuwe naam" value={b.naam} onChange={b.setNaam} maxLength={120} />
          <Button type="submit" disabled={b.action.busy}>
            Naam opslaan
          </Button>{' '}
          <Button appearance="subtle-button" onClick={() => b.setHernoemen(false)}>
            Annuleren
          </Button>
        </form>
      ) : (
        <div className="doorlopend-selecties__knoppen">
          <Button appearance="primary-action-button" aria-label={`${s.naam} openen`} onClick={() => onOpen(alsAdres(s.selectie))}>
            Openen
          </Button>
          {magWijzigen ? (
            <>
              <Button appearance="secondary-action-button" aria-label={`${s.naam} hernoemen`} onClick={() => b.setHernoemen(true)}>
                Hernoemen
              </Button>
              <ConfirmAction
                label="Verwijderen"
                accessibleLabel={`${s.naam} verwijderen`}
                question={`Weet u zeker dat u de selectie "${s.naam}" wilt verwijderen? Ook voor de partner.`}
                confirmLabel="Ja, verwijderen"
                failureHeading="Niet verwijderd"
                onConfirm={b.remove}
              />
            </>
          ) : null}
        </div>
      )}
      <FormFeedback state={b.action} failureHeading="Niet opgeslagen" headingLevel={3} />
    </div>
  );
}
