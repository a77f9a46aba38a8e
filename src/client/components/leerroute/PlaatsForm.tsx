/** The keyboard way to place or move: choose leerjaar and periode. Escape or "Annuleren" closes it. */
import { Alert, Button, Paragraph, SelectField } from '../../ui/index.js';
import { usePlaatsKeuze } from './usePlanning.js';

interface PlaatsFormProps {
  wat: string;
  actie: string;
  huidig?: string;
  onKies: (leerjaar: number, periode: number) => Promise<void>;
  onSluit: () => void;
}

export function PlaatsForm({ wat, actie, huidig, onKies, onSluit }: PlaatsFormProps) {
  const { id, opties, keuze, setKeuze, fout, busy, submit } = usePlaatsKeuze(huidig, onKies);
  return (
    <form
      className="doorlopend-leerroute-plaats"
      aria-label={`${actie}: ${wat}`}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onSluit();
        }
      }}
    >
      {fout ? (
        <Alert type="error" role="alert">
          <Paragraph>{fout}</Paragraph>
        </Alert>
      ) : null}
      <SelectField id={id} label="Leerjaar en periode" value={keuze} options={opties} onChange={setKeuze} />
      <Button type="submit" disabled={busy}>
        {actie}
      </Button>{' '}
      <Button appearance="secondary-action-button" onClick={onSluit} disabled={busy}>
        Annuleren
      </Button>
    </form>
  );
}
