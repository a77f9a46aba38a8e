import type { OrganisatieZonderBeheerder } from '../../../shared/beheer-api.js';
import { InlineError, Loading } from '../../components/PageStates.js';
import { SOORT_LABELS } from '../../lib/accounts.js';
import { count, formatDate } from '../../lib/format.js';
import { Heading, ListItem, Paragraph, UnorderedList } from '../../ui/index.js';
import { EmailRolForm } from './EmailRolForm.js';
import { useOrganisatiesZonderBeheerder } from './useOrganisatiesZonderBeheerder.js';

/** Public facts and counts of one organisation (no members' names: the platform beheerder is no member). */
function feiten(o: OrganisatieZonderBeheerder): string {
  return [
    `${SOORT_LABELS[o.soort]}${o.brin ? `, BRIN-nummer ${o.brin}` : ''}, ${o.aantalLeden === 0 ? 'geen leden' : count(o.aantalLeden, 'lid', 'leden')}.`,
    o.uitnodigingGeldigTot ? `Er staat een uitnodiging als beheerder open (geldig tot en met ${formatDate(o.uitnodigingGeldigTot)}).` : 'Er staat geen uitnodiging als beheerder open.',
  ].join(' ');
}

/**
 * For platform beheerders on /beheer: the organisations without a beheerder, each with a form to invite someone as
 * beheerder (the role follows when the person accepts; audited in the organisation's log).
 */
export function OrganisatiesZonderBeheerder() {
  const { data, error, invite } = useOrganisatiesZonderBeheerder();
  return (
    <section aria-labelledby="zonder-beheerder-heading" className="doorlopend-section">
      <Heading level={2} id="zonder-beheerder-heading">
        Organisaties zonder beheerder
      </Heading>
      <Paragraph>
        Bij deze organisaties is de laatste beheerder weggegaan zonder medewerker om het over te nemen, of er was nooit een beheerder. Nodig iemand uit als
        beheerder: pas als die persoon de uitnodiging aanneemt, wordt hij of zij beheerder. Dat kan alleen bij organisaties zonder beheerder en komt in hun
        auditlog.
      </Paragraph>
      {error ? (
        <InlineError error={error} />
      ) : !data ? (
        <Loading label="Organisaties laden…" />
      ) : data.length === 0 ? (
        <Paragraph>Alle organisaties hebben een beheerder.</Paragraph>
      ) : (
        <UnorderedList>
          {data.map((o) => (
            <ListItem key={o.id}>
              <EmailRolForm
                idPrefix={`beheerder-${o.id}`}
                heading={`Beheerder uitnodigen voor ${o.naam}`}
                intro={feiten(o)}
                withoutRol
                submitLabel="Uitnodiging versturen"
                busyLabel="Bezig met uitnodigen…"
                failureHeading="Uitnodigen is niet gelukt"
                emptyMessage={`Vul het e-mailadres in van wie u als beheerder van ${o.naam} wilt uitnodigen.`}
                submit={(email) => invite(o, email)}
              />
            </ListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}
