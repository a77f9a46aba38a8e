/** The parts every filtered list page shares: the text filter with its button, "clear all filters", and the announced count. */
import { Button, ButtonLink, Paragraph, TextField } from '../ui/index.js';
import type { ApiError } from '../api.js';
import { count } from '../lib/format.js';

export function TextFilter({ id, value, onChange, description }: { id: string; value: string; onChange: (value: string) => void; description: string }) {
  return (
    <div className="doorlopend-filters__text">
      <TextField id={id} name="q" label="Zoekterm" value={value} onChange={onChange} description={description} />
      <Button type="submit" appearance="secondary-action-button">
        Toepassen
      </Button>
    </div>
  );
}

export function ClearFilters({ show, to }: { show: boolean; to: string }) {
  if (!show) return null;
  return (
    <Paragraph>
      <ButtonLink to={to} appearance="subtle-button">
        Alle filters wissen
      </ButtonLink>
    </Paragraph>
  );
}

/** Announces "Bezig met laden…" and then "N <items> gevonden" in a status region. */
export function ResultCount({ loading, error, length, singular, plural }: { loading: boolean; error: ApiError | null | undefined; length: number | undefined; singular: string; plural: string }) {
  return (
    <p role="status" className="doorlopend-result-count">
      {loading ? 'Bezig met laden…' : length !== undefined && !error ? `${count(length, singular, plural)} gevonden` : ''}
    </p>
  );
}
