import type { ApiError } from '../api.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { NotFoundContent } from '../pages/NotFoundPage.js';
import { Alert, Button, PageHeading, Paragraph } from '../ui/index.js';

/** A polite loading message; screen readers announce it. */
export function Loading({ label = 'Bezig met laden…' }: { label?: string }) {
  return (
    <p className="doorlopend-loading" role="status">
      {label}
    </p>
  );
}

/** Full-page error state with its own h1. A 404 from the API shows the "niet gevonden" page. */
export function LoadError({ error }: { error: ApiError }) {
  if (error.isNotFound) return <NotFoundContent detail={error.message} />;
  return <ServerError error={error} />;
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
