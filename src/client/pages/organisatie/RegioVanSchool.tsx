/**
 * On a school's organisation page (issue 15): the region the school belongs to, with a link to its menukaart; the
 * school's beheerder may take the school out of the region (after a confirmation; while the menukaart depends on the
 * school, the reasons show instead, saying what to do first).
 */
import type { Organisatie } from '../../../shared/auth-api.js';
import { ConfirmAction } from '../../components/ConfirmAction.js';
import { InlineError, Loading } from '../../components/PageStates.js';
import { Alert, Heading, Link, ListItem, Paragraph, UnorderedList } from '../../ui/index.js';
import { regioApi, useSchoolRegio } from './useRegio.js';

export function RegioVanSchool({ organisation }: { organisation: Organisatie }) {
  const { data, error, message, changed } = useSchoolRegio(organisation.id);
  if (organisation.soort === 'regio') return null;
  const regio = data?.regio ?? null;
  return (
    <section aria-labelledby="school-regio-heading" className="doorlopend-section">
      <Heading level={2} id="school-regio-heading">
        Regio
      </Heading>
      <div role="status">
        {message ? (
          <Alert type="ok" role="none">
            <Paragraph>{message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {error ? (
        <InlineError error={error} />
      ) : !data ? (
        <Loading label="Regio laden…" />
      ) : !regio ? (
        <Paragraph>
          {organisation.naam} hoort bij geen regio. De beheerder van een regio kan {organisation.naam} als school van de regio toevoegen.
        </Paragraph>
      ) : (
        <>
          <Paragraph>
            {organisation.naam} hoort bij regio {regio.naam}.{' '}
            {regio.menukaartSlug ? <Link to={`/regio/${encodeURIComponent(regio.menukaartSlug)}/menukaart`}>Menukaart van {regio.naam}</Link> : null}
          </Paragraph>
          {data.magVerlaten ? (
            data.belemmeringen.length > 0 ? (
              <>
                <Paragraph>{organisation.naam} kan nu niet uit de regio:</Paragraph>
                <UnorderedList>
                  {data.belemmeringen.map((b) => (
                    <ListItem key={b}>{b}</ListItem>
                  ))}
                </UnorderedList>
              </>
            ) : (
              <Paragraph>
                <ConfirmAction
                  label="Regio verlaten"
                  accessibleLabel={`${organisation.naam} uit regio ${regio.naam} halen`}
                  question={`Weet u zeker dat ${organisation.naam} regio ${regio.naam} verlaat? Open voorstellen voor de menukaart worden ingetrokken; alleen de beheerder van de regio kan de school weer toevoegen.`}
                  confirmLabel="Ja, regio verlaten"
                  failureHeading="Regio verlaten is niet gelukt"
                  onConfirm={async () => {
                    const r = await regioApi.verlaten(organisation.id);
                    changed(r.bericht);
                  }}
                />
              </Paragraph>
            )
          ) : null}
        </>
      )}
    </section>
  );
}
