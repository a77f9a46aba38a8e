import type { RefObject } from 'react';
import type { Organisatie, Vestiging } from '../../../shared/auth-api.js';
import { ConfirmAction } from '../../components/ConfirmAction.js';
import { InlineError, Loading } from '../../components/PageStates.js';
import { organisationApi } from '../../lib/partnership-api.js';
import { Alert, Button, Code, Heading, ListItem, Paragraph, UnorderedList } from '../../ui/index.js';
import { useVestigingen, useVestigingItem } from './useVestigingen.js';
import { VestigingForm } from './VestigingForm.js';

interface VestigingActionsProps {
  organisation: Organisatie;
  vestiging: Vestiging;
  onEdit: () => void;
  editRef: RefObject<HTMLButtonElement | null>;
  onChanged: (message: string) => void;
}

/** "Wijzigen" (in place) and "Verwijderen" (after a confirmation) of one vestiging. */
function VestigingActions({ organisation, vestiging, onEdit, editRef, onChanged }: VestigingActionsProps) {
  return (
    <Paragraph>
      <Button ref={editRef} appearance="secondary-action-button" aria-label={`${vestiging.naam} wijzigen`} onClick={onEdit}>
        Wijzigen
      </Button>{' '}
      <ConfirmAction
        label="Verwijderen"
        accessibleLabel={`${vestiging.naam} verwijderen`}
        question={`Weet u zeker dat u vestiging ${vestiging.naam} wilt verwijderen?`}
        confirmLabel="Ja, verwijderen"
        failureHeading="Verwijderen is niet gelukt"
        onConfirm={async () => {
          await organisationApi.removeVestiging(organisation.id, vestiging.id);
          onChanged(`Vestiging ${vestiging.naam} is verwijderd.`);
        }}
      />
    </Paragraph>
  );
}

function VestigingItem({ organisation, vestiging, beheerder, onChanged }: { organisation: Organisatie; vestiging: Vestiging; beheerder: boolean; onChanged: (message: string) => void }) {
  const item = useVestigingItem(vestiging.id);
  return (
    <ListItem>
      {vestiging.naam}
      {vestiging.brinVestiging ? (
        <>
          {' '}
          (<Code>{vestiging.brinVestiging}</Code>)
        </>
      ) : null}
      {beheerder ? (
        item.editing ? (
          <VestigingForm
            organisation={organisation}
            vestiging={vestiging}
            onSaved={(_, message) => {
              item.stop();
              onChanged(message);
            }}
            onCancel={item.stop}
          />
        ) : (
          <VestigingActions organisation={organisation} vestiging={vestiging} onEdit={item.start} editRef={item.editRef} onChanged={onChanged} />
        )
      ) : null}
    </ListItem>
  );
}

/** The vestigingen: every member sees them (the section is left out for members when there are none); the beheerder changes them. */
export function Vestigingen({ organisation }: { organisation: Organisatie }) {
  const { data, error, message, beheerder, changed } = useVestigingen(organisation);
  if (!beheerder && data?.length === 0) return null;
  return (
    <section aria-labelledby="vestigingen-heading" className="doorlopend-section">
      <Heading level={2} id="vestigingen-heading">
        Vestigingen
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
        <Loading label="Vestigingen laden…" />
      ) : data.length === 0 ? (
        <Paragraph>{organisation.naam} heeft nog geen vestigingen.</Paragraph>
      ) : (
        <UnorderedList>
          {data.map((v) => (
            <VestigingItem key={v.id} organisation={organisation} vestiging={v} beheerder={beheerder} onChanged={changed} />
          ))}
        </UnorderedList>
      )}
      {beheerder ? <VestigingForm organisation={organisation} onSaved={(_, text) => changed(text)} /> : null}
    </section>
  );
}
