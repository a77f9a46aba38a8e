import { useDocumentTitle } from '../lib/navigation.js';
import { Link, ListItem, PageHeading, Paragraph, UnorderedList } from '../ui/index.js';

/** The "Pagina niet gevonden" content; also used when the API answers 404. */
export function NotFoundContent({ detail }: { detail?: string }) {
  useDocumentTitle('Pagina niet gevonden');
  return (
    <>
      <PageHeading>Pagina niet gevonden</PageHeading>
      <Paragraph appearance="lead">De pagina die u zoekt bestaat niet (meer).</Paragraph>
      {detail ? <Paragraph>{detail}</Paragraph> : null}
      <Paragraph>Misschien helpt een van deze pagina’s u verder:</Paragraph>
      <UnorderedList>
        <ListItem>
          <Link to="/">Naar de startpagina</Link>
        </ListItem>
        <ListItem>
          <Link to="/vmbo/keuzevakken">Alle keuzevakken (vmbo)</Link>
        </ListItem>
        <ListItem>
          <Link to="/mbo/kwalificaties">Alle kwalificaties (mbo)</Link>
        </ListItem>
        <ListItem>
          <Link to="/mbo/keuzedelen">Alle keuzedelen (mbo)</Link>
        </ListItem>
        <ListItem>
          <Link to="/zoeken">Zoeken in de catalogus</Link>
        </ListItem>
      </UnorderedList>
    </>
  );
}

export function NotFoundPage() {
  return <NotFoundContent />;
}
