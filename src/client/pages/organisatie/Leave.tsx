import { useLayoutEffect, useRef } from 'react';
import type { Organisatie, OrganisatieVerlaten } from '../../../shared/auth-api.js';
import { ConfirmAction } from '../../components/ConfirmAction.js';
import { accountApi } from '../../lib/account-api.js';
import { Alert, Heading, Link, PageHeading, Paragraph } from '../../ui/index.js';

/** Leave the organisation (every member may, also the last beheerder), after a confirmation. */
export function LeaveOrganisation({ organisation, onLeft }: { organisation: Organisatie; onLeft: (result: OrganisatieVerlaten) => void }) {
  const beheerder = organisation.mijnRollen.includes('beheerder');
  return (
    <section aria-labelledby="verlaten-heading" className="doorlopend-section">
      <Heading level={2} id="verlaten-heading">
        Organisatie verlaten
      </Heading>
      <Paragraph>
        U verliest al uw rollen in {organisation.naam} en ziet de organisatie en haar samenwerkingen niet meer. Wilt u later terug, dan moet een
        beheerder u opnieuw uitnodigen.
        {beheerder
          ? ' Bent u de laatste beheerder, dan wordt de medewerker die het langst lid is beheerder (een leerling nooit); is er niemand, dan heeft de organisatie geen beheerder meer. Dat komt in het auditlog.'
          : ''}
      </Paragraph>
      <ConfirmAction
        label="Organisatie verlaten"
        accessibleLabel={`${organisation.naam} verlaten`}
        question={`Weet u zeker dat u ${organisation.naam} wilt verlaten?`}
        confirmLabel="Ja, verlaten"
        busyLabel="Bezig met verlaten…"
        failureHeading="Verlaten is niet gelukt"
        onConfirm={async () => onLeft(await accountApi.leaveOrganisation(organisation.id))}
      />
    </section>
  );
}

/** After leaving: what happened (and who became beheerder), focused, with the way back. */
export function LeftOrganisation({ organisation, result }: { organisation: Organisatie; result: OrganisatieVerlaten }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => ref.current?.focus(), []);
  return (
    <article className="doorlopend-detail">
      <PageHeading>{organisation.naam}</PageHeading>
      <div ref={ref} tabIndex={-1} role="status">
        <Alert type="ok" role="none" heading="Organisatie verlaten" headingLevel={2}>
          <Paragraph>{result.bericht}</Paragraph>
        </Alert>
      </div>
      <Paragraph>
        <Link to="/organisaties">Naar mijn organisaties</Link>
      </Paragraph>
    </article>
  );
}
