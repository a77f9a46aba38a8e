import { api, urls } from '../api.js';
import { NIVEAUS } from '../lib/format.js';
import { cached, useApi } from '../lib/useApi.js';
import { SelectField } from '../ui/index.js';

/** The opleidingsdomeinen, loaded once per page view. */
export function useOpleidingsdomeinen() {
  return useApi(urls.opleidingsdomeinen(), () => cached(urls.opleidingsdomeinen(), () => api.opleidingsdomeinen()));
}

/** Select labelled "Opleidingsdomein"; options come from the catalogue. */
export function OpleidingsdomeinSelect({ id, value, onChange }: { id: string; value: string; onChange: (value: string) => void }) {
  const { data, loading } = useOpleidingsdomeinen();
  const options = [{ value: '', label: 'Alle opleidingsdomeinen' }, ...(data ?? []).map((d) => ({ value: d.slug, label: d.naam }))];
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: value });
  return <SelectField id={id} name="domein" label="Opleidingsdomein" value={value} options={options} onChange={onChange} busy={loading} />;
}

/** Select labelled "Niveau" (mbo niveau 1 to 4). */
export function NiveauSelect({ id, value, onChange }: { id: string; value: number | null; onChange: (value: string) => void }) {
  return (
    <SelectField
      id={id}
      name="niveau"
      label="Niveau"
      value={value === null ? '' : String(value)}
      onChange={onChange}
      options={[{ value: '', label: 'Alle niveaus' }, ...NIVEAUS.map((n) => ({ value: String(n), label: `Niveau ${n}` }))]}
    />
  );
}

export const MBO_STATUS_OPTIONS = [
  { value: 'actief', label: 'Actief' },
  { value: 'vervallen', label: 'Vervallen' },
  { value: 'alle', label: 'Actief en vervallen' },
] as const;

export function parseMboStatus(value: string | null): 'actief' | 'vervallen' | 'alle' {
  return value === 'vervallen' || value === 'alle' ? value : 'actief';
}
