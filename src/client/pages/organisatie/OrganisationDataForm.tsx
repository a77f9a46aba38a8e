import type { Organisatie } from '../../../shared/auth-api.js';
import { FormFeedback } from '../../components/ConfirmAction.js';
import { Button, Heading, Paragraph, TextField } from '../../ui/index.js';
import { useOrganisationDataForm } from './useOrganisationForms.js';

/** The beheerder edits naam and BRIN number. */
export function OrganisationDataForm({ organisation, onSaved }: { organisation: Organisatie; onSaved: (o: Organisatie) => void }) {
  const f = useOrganisationDataForm(organisation, onSaved);
  return (
    <form className="doorlopend-form doorlopend-add-member" noValidate onSubmit={f.onSubmit} aria-labelledby="gegevens-heading">
      <Heading level={2} id="gegevens-heading">
        Gegevens wijzigen
      </Heading>
      <FormFeedback state={f.state} failureHeading="Opslaan is niet gelukt" headingLevel={3} />
      <TextField id="organisatie-naam" name="naam" label="Naam" value={f.naam} onChange={f.setNaam} maxLength={200} invalidMessage={f.naamError ?? undefined} />
      <TextField
        id="organisatie-brin"
        name="brin"
        label="BRIN-nummer"
        description="Twee cijfers en twee letters, zoals 12AB. Leeg laten als er geen is."
        value={f.brin}
        onChange={f.setBrin}
        maxLength={4}
        invalidMessage={f.brinError ?? undefined}
      />
      <Paragraph>
        <Button type="submit" disabled={f.state.busy}>
          {f.state.busy ? 'Bezig met opslaan…' : 'Gegevens opslaan'}
        </Button>
      </Paragraph>
    </form>
  );
}
