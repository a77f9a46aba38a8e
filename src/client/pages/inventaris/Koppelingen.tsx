/**
 * The links of the Beiden column: each link with its status and, within a samenwerking for a reviewer, a form to
 * confirm (with a type and toelichting) or reject it; and the form to add a link by hand.
 */
import type { Inventaris, InventarisItem, Koppeling } from '../../../shared/inventory-api.js';
import { FormFeedback } from '../../components/ConfirmAction.js';
import { Button, ListItem, Paragraph, SelectField, StatusBadge, TextField, UnorderedList } from '../../ui/index.js';
import { ItemTitle } from './ItemList.js';
import { RELATIE_OPTIES, statusText, type Changed } from './labels.js';
import { useKoppelingBeoordelen, useKoppelingToevoegen } from './useKoppelingen.js';

interface KoppelingProps {
  byId: ReadonlyMap<string, InventarisItem>;
  partnershipId?: string;
  onChanged: Changed;
}

export function KoppelingLijst({ label, className, links, ...rest }: KoppelingProps & { label: string; className?: string; links: Koppeling[] }) {
  return (
    <UnorderedList aria-label={label} className={className}>
      {links.map((l) => (
        <ListItem key={`${l.eindtermId}|${l.werkprocesId}`}>
          <KoppelingItem link={l} {...rest} />
        </ListItem>
      ))}
    </UnorderedList>
  );
}

function KoppelingItem({ link, byId, partnershipId, onChanged }: KoppelingProps & { link: Koppeling }) {
  const k = useKoppelingBeoordelen(link, byId, partnershipId, onChanged);
  const body = <KoppelingBeschrijving link={link} e={k.e} w={k.w} />;
  if (!partnershipId) return <div>{body}</div>;
  return (
    <form
      aria-label={k.name}
      className="doorlopend-inventaris__koppeling"
      onSubmit={(ev) => {
        ev.preventDefault();
        k.act('bevestigen');
      }}
    >
      {body}
      <SelectField id={`${k.id}-relatie`} label="Type" value={k.relatie} onChange={k.setRelatie} options={RELATIE_OPTIES} />
      <TextField id={`${k.id}-toelichting`} label="Toelichting" value={k.toelichting} onChange={k.setToelichting} maxLength={2000} />
      <Button type="submit" disabled={k.action.busy}>
        {link.status === 'voorgesteld' || link.status === 'afgewezen' ? 'Bevestigen' : 'Type opslaan'}
      </Button>{' '}
      {link.status !== 'afgewezen' ? (
        <Button appearance="secondary-action-button" onClick={() => k.act('afwijzen')} disabled={k.action.busy}>
          Afwijzen
        </Button>
      ) : (
        <Button appearance="secondary-action-button" onClick={() => k.act('herstellen')} disabled={k.action.busy} aria-label={`${k.name}: afwijzing herstellen`}>
          Herstellen
        </Button>
      )}
      <FormFeedback state={k.action} failureHeading="Niet opgeslagen" headingLevel={4} />
    </form>
  );
}

function KoppelingBeschrijving({ link, e, w }: { link: Koppeling; e: InventarisItem | undefined; w: InventarisItem | undefined }) {
  // Issue 17: what other samenwerkingen said about the pair (counts only).
  const elders = link.elders;
  return (
    <>
      <Paragraph>
        <ItemTitle item={e} />
        <br />↔ <ItemTitle item={w} />
      </Paragraph>
      <Paragraph className="doorlopend-meta">
        <StatusBadge status={link.status === 'voorgesteld' ? 'warning' : link.status === 'afgewezen' ? 'danger' : 'safe'}>{statusText(link)}</StatusBadge>
        {elders ? (
          <>
            {' '}
            <StatusBadge status={elders.bevestigd > elders.afgewezen ? 'safe' : elders.afgewezen > elders.bevestigd ? 'danger' : 'neutral'}>Elders: {elders.label}</StatusBadge>
          </>
        ) : null}
        {link.sharedTerms.length > 0 ? <> Gedeelde woorden: {link.sharedTerms.join(', ')}.</> : null}
        {link.toelichting ? <> Toelichting: {link.toelichting}</> : null}
      </Paragraph>
    </>
  );
}

export function KoppelingToevoegen({ inv, partnershipId, onChanged }: { inv: Inventaris; partnershipId: string; onChanged: Changed }) {
  const t = useKoppelingToevoegen(partnershipId, onChanged);
  return (
    <form aria-label="Koppeling toevoegen" className="doorlopend-filters" onSubmit={t.submit}>
      <SelectField id="add-eindterm" label="Eindterm" value={t.eindterm} onChange={t.setEindterm} options={[{ value: '', label: 'Kies een eindterm' }, ...inv.vmbo.map((i) => ({ value: i.id, label: `${i.code} ${i.titel}` }))]} />
      <SelectField id="add-werkproces" label="Werkproces of keuzedeel" value={t.werkproces} onChange={t.setWerkproces} options={[{ value: '', label: 'Kies een werkproces' }, ...inv.mbo.map((i) => ({ value: i.id, label: `${i.code} ${i.titel}` }))]} />
      <SelectField id="add-relatie" label="Type" value={t.relatie} onChange={t.setRelatie} options={RELATIE_OPTIES} />
      <TextField id="add-toelichting" label="Toelichting" value={t.toelichting} onChange={t.setToelichting} maxLength={2000} />
      <Button type="submit" disabled={t.action.busy}>
        Toevoegen
      </Button>
      <FormFeedback state={t.action} failureHeading="Niet toegevoegd" headingLevel={4} />
    </form>
  );
}
