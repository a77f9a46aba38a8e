import { Alert, ListItem, Paragraph, UnorderedList } from '../ui/index.js';

/** "Wat ontbreekt": the product says what it does not know instead of inventing it. */
export function OntbreektNotice({ ontbreekt }: { ontbreekt: readonly string[] }) {
  if (ontbreekt.length === 0) return null;
  return (
    <Alert type="info" role="none" heading="Wat ontbreekt" className="doorlopend-ontbreekt">
      <Paragraph>Doorlopend toont alleen wat de bronnen geven. Van deze pagina ontbreekt:</Paragraph>
      <UnorderedList>
        {ontbreekt.map((text) => (
          <ListItem key={text}>{text}</ListItem>
        ))}
      </UnorderedList>
    </Alert>
  );
}
