import type { Organisatie, Uitnodiging } from '../../../shared/auth-api.js';
import { api } from '../../api.js';
import { InlineError, Loading } from '../../components/PageStates.js';
import { SsoSettingsForm } from '../../components/SsoSettingsForm.js';
import { rolLabel } from '../../lib/accounts.js';
import { count, formatDate } from '../../lib/format.js';
import { Alert, Heading, Paragraph } from '../../ui/index.js';
import { AuditTable } from './AuditTable.js';
import { EmailRolForm } from './EmailRolForm.js';
import { MembersTable } from './MembersTable.js';
import { useManagement } from './useManagement.js';

/**
 * Invite someone by e-mail with a role (POST …/uitnodigingen): the only way to make someone a member. The
 * answer is the same whether or not the address has an account; the role follows when the person accepts.
 */
function InviteForm({ organisationId, onInvited }: { organisationId: string; onInvited: () => void }) {
  return (
    <EmailRolForm
      idPrefix="uitnodiging"
      heading="Uitnodigen"
      intro="Nodig iemand per e-mail uit met een rol. Pas als die persoon de uitnodiging aanneemt, krijgt hij of zij de rol. Wie nog geen account heeft, maakt er met de link een aan; de link is zeven dagen geldig en één keer te gebruiken."
      submitLabel="Uitnodiging versturen"
      busyLabel="Bezig met uitnodigen…"
      failureHeading="Uitnodigen is niet gelukt"
      emptyMessage="Vul het e-mailadres in van wie u wilt uitnodigen."
      submit={async (email, rol) => {
        const uitnodiging = await api.invite(organisationId, { email, rol: rol as Uitnodiging['rol'] });
        onInvited();
        return `Uitnodiging verstuurd naar ${uitnodiging.email} als ${rolLabel(uitnodiging.rol)}. De link in de e-mail is geldig tot en met ${formatDate(uitnodiging.verlooptOp)}. Zodra de uitnodiging is aangenomen, staat de persoon bij de leden.`;
      }}
    />
  );
}

function MembersOnlyForBeheerders({ organisation }: { organisation: Organisatie }) {
  return (
    <section aria-labelledby="leden-heading" className="doorlopend-section">
      <Heading level={2} id="leden-heading">
        Leden
      </Heading>
      <Alert type="info" role="status">
        <Paragraph>Alleen beheerders van {organisation.naam} zien de leden en het auditlog en kunnen nieuwe leden uitnodigen.</Paragraph>
      </Alert>
    </section>
  );
}

/** Members (with the invitation form), SSO settings and the audit log; for the other roles a note that only beheerders see them. */
export function Management({ organisation }: { organisation: Organisatie }) {
  const { members, audit, beheerder, forbidden, changed } = useManagement(organisation);
  if (forbidden) return <MembersOnlyForBeheerders organisation={organisation} />;
  return (
    <>
      <section aria-labelledby="leden-heading" className="doorlopend-section">
        <Heading level={2} id="leden-heading">
          Leden
        </Heading>
        {members.error ? (
          <InlineError error={members.error} />
        ) : !members.data ? (
          <Loading label="Leden laden…" />
        ) : (
          <>
            <Paragraph>{organisation.naam} heeft {count(members.data.length, 'lid', 'leden')}.</Paragraph>
            <MembersTable organisation={organisation} members={members.data} onChanged={changed} />
          </>
        )}
        {beheerder ? <InviteForm organisationId={organisation.id} onInvited={changed} /> : null}
      </section>
      {beheerder ? <SsoSettingsForm organisationId={organisation.id} /> : null}
      <section aria-labelledby="audit-heading" className="doorlopend-section">
        <Heading level={2} id="audit-heading">
          Auditlog
        </Heading>
        <Paragraph>Wie wat heeft gewijzigd in deze organisatie, nieuwste eerst.</Paragraph>
        {audit.error ? (
          <InlineError error={audit.error} />
        ) : !audit.data ? (
          members.error ? null : <Loading label="Auditlog laden…" />
        ) : audit.data.length === 0 ? (
          <Paragraph>Er is nog niets gewijzigd.</Paragraph>
        ) : (
          <AuditTable regels={audit.data} members={members.data ?? []} />
        )}
      </section>
    </>
  );
}
