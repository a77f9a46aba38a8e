import type { ApiError } from '../api.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { isLeerling, useSession } from '../lib/session.js';
import { NotFoundContent } from '../pages/NotFoundPage.js';
import { Alert, Button, Link, PageHeading, Paragraph } from '../ui/index.js';

/** A polite loading message; screen readers announce it. */
export function Loading({ label = 'Bezig met laden…' }: { label?: string }) {
  return (
    <p className="doorlopend-loading" role="status">
      {label}
    </p>
  );
}

/**
 * Full-page error state with its own h1. A 404 from the API shows the "niet gevonden" page; a 403 says kindly that the
 * page is not for this user (for a pupil: not for leerlingen, with the way to their own page), never "Er ging iets mis".
 */
export function LoadError({ error }: { error: ApiError }) {
  if (error.isNotFound) return <NotFoundContent detail={error.message} />;
  if (error.isForbidden) return <NotForYou error={error} />;
  return <ServerError error={error} />;
}

function NotForYou({ error }: { error: ApiError }) {
  const { session } = useSession();
  const leerling = session.status === 'signed-in' && isLeerling(session.me);
  useDocumentTitle(leerling ? 'Niet voor leerlingen' : 'Geen toegang');
  if (leerling) {
    return (
      <>
        <PageHeading>Deze pagina is niet voor leerlingen</PageHeading>
        <Paragraph>
          Hier werken docenten en beheerders van scholen aan hun lesprogramma’s. Er is niets mis met je account: deze pagina is
          alleen niet voor jou bedoeld.
        </Paragraph>
        <Paragraph>
          <Link to="/leerling">Naar je eigen pagina</Link>
        </Paragraph>
      </>
    );
  }
  return (
    <>
      <PageHeading>Geen toegang</PageHeading>
      <Paragraph>{error.message}</Paragraph>
      <Paragraph>Denkt u dat u hier wel bij moet kunnen? Vraag het de beheerder van uw organisatie.</Paragraph>
    </>
  );
}

function ServerError({ error }: { error: ApiError }) {
  useDocumentTitle('Er ging iets mis');
  return (
    <>
      <PageHeading>Er ging iets mis</PageHeading>
      <Alert type="error">
        <Paragraph>{error.message}</Paragraph>
      </Alert>
      <Paragraph>
        <Button appearance="secondary-action-button" onClick={() => window.location.reload()}>
          Opnieuw proberen
        </Button>
      </Paragraph>
    </>
  );
}

/** Inline error for a part of a page (the page keeps its h1). */
export function InlineError({ error }: { error: ApiError }) {
  return (
    <Alert type="error">
      <Paragraph>{error.message}</Paragraph>
    </Alert>
  );
}
