import type { Organisatie, Vestiging } from '../../../shared/auth-api.js';
import { FormFeedback } from '../../components/ConfirmAction.js';
import { Button, Heading, Paragraph, TextField } from '../../ui/index.js';
import { useVestigingForm } from './useOrganisationForms.js';

/** Add a vestiging, or change one (`vestiging` given). */
export function VestigingForm({
  organisation,
  vestiging,
  onSaved,
  onCancel,
}: {
  organisation: Organisatie;
  vestiging?: Vestiging;
  onSaved: (v: Vestiging, message: string) => void;
  onCancel?: () => void;
}) {
  const idPrefix = vestiging ? `vestiging-${vestiging.id}` : 'vestiging-nieuw';
  const f = useVestigingForm({ organisation, vestiging, idPrefix, onSaved });
  const headingId = `${idPrefix}-heading`;
  return (
    <form className="doorlopend-form doorlopend-add-member" noValidate onSubmit={f.onSubmit} aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {vestiging ? `${vestiging.naam} wijzigen` : 'Vestiging toevoegen'}
      </Heading>
      <FormFeedback state={f.state} failureHeading="Opslaan is niet gelukt" headingLevel={4} />
      <TextField id={`${idPrefix}-naam`} name="naam" label="Naam van de vestiging" value={f.naam} onChange={f.setNaam} maxLength={200} invalidMessage={f.naamError ?? undefined} />
      <TextField
        id={`${idPrefix}-nummer`}
        name="brinVestiging"
        label="Vestigingsnummer"
        description={`Het BRIN-nummer met twee cijfers${organisation.brin ? `, zoals ${organisation.brin}01` : ', zoals 12AB01'}. Leeg laten als er geen is.`}
        value={f.nummer}
        onChange={f.setNummer}
        maxLength={6}
        invalidMessage={f.nummerError ?? undefined}
      />
      <Paragraph>
        <Button type="submit" disabled={f.state.busy}>
          {f.state.busy ? 'Bezig met opslaan…' : vestiging ? 'Vestiging opslaan' : 'Vestiging toevoegen'}
        </Button>
        {onCancel ? (
          <>
            {' '}
            <Button appearance="secondary-action-button" onClick={onCancel}>
              Annuleren
            </Button>
          </>
        ) : null}
      </Paragraph>
    </form>
  );
}
