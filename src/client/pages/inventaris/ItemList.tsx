/** An item of the inventory (eindterm, werkproces or keuzedeel) and the list of a column, with "bewust niet gekoppeld". */
import type { InventarisItem } from '../../../shared/inventory-api.js';
import { FormFeedback } from '../../components/ConfirmAction.js';
import { Button, Code, ListItem, Paragraph, StatusBadge, TextField, UnorderedList } from '../../ui/index.js';
import type { Changed } from './labels.js';
import { useNietKoppelen } from './useKoppelingen.js';

export function ItemTitle({ item }: { item: InventarisItem | undefined }) {
  if (!item) return <span className="doorlopend-unknown">onbekend item</span>;
  return (
    <>
      <Code>{item.code}</Code> {item.titel} <span className="doorlopend-meta">({item.context.join(' › ')})</span>
    </>
  );
}

export function ItemList({ items, label, partnershipId, onChanged }: { items: InventarisItem[]; label: string; partnershipId?: string; onChanged: Changed }) {
  if (items.length === 0) return <Paragraph className="doorlopend-empty">Geen items.</Paragraph>;
  return (
    <UnorderedList aria-label={label}>
      {items.map((i) => (
        <ListItem key={i.id}>
          <ItemTitle item={i} />
          {i.bewustNietGekoppeld ? (
            <>
              {' '}
              <StatusBadge status="neutral">bewust niet gekoppeld</StatusBadge>
              {i.toelichtingNietGekoppeld ? <span> {i.toelichtingNietGekoppeld}</span> : null}
            </>
          ) : null}
          {partnershipId ? <NietKoppelenKnop item={i} partnershipId={partnershipId} onChanged={onChanged} /> : null}
        </ListItem>
      ))}
    </UnorderedList>
  );
}

function NietKoppelenKnop({ item, partnershipId, onChanged }: { item: InventarisItem; partnershipId: string; onChanged: Changed }) {
  const n = useNietKoppelen(item, partnershipId, onChanged);
  const id = `reden-${item.id}`.replace(/[^A-Za-z0-9-]/g, '-');
  return (
    <>
      {' '}
      {n.vragen ? (
        <form aria-label={`${item.code}: waarom bewust niet gekoppeld`} className="doorlopend-inventaris__reden" onSubmit={n.submit} noValidate>
          <TextField id={id} label="Reden (verplicht)" value={n.reden} onChange={n.setReden} maxLength={2000} required description="Waarom koppelt u dit item bewust niet? De partner ziet de reden." />
          <Button type="submit" disabled={n.action.busy}>
            Markeren
          </Button>
          <Button appearance="subtle-button" onClick={() => n.setVragen(false)}>
            Annuleren
          </Button>
        </form>
      ) : (
        <Button appearance="subtle-button" onClick={n.toggle} disabled={n.action.busy} aria-label={`${item.code}: ${item.bewustNietGekoppeld ? 'markering bewust niet gekoppeld weghalen' : 'markeren als bewust niet gekoppeld'}`}>
          {item.bewustNietGekoppeld ? 'Markering weghalen' : 'Bewust niet gekoppeld'}
        </Button>
      )}
      <FormFeedback state={n.action} failureHeading="Niet opgeslagen" headingLevel={4} />
    </>
  );
}
