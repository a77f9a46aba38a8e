import { api, urls } from '../api.js';
import { cached, useApi } from '../lib/useApi.js';
import { SelectField } from '../ui/index.js';

/** Select labelled "Profiel"; options come from the catalogue. */
export function ProfielSelect({ id, value, onChange }: { id: string; value: string; onChange: (value: string) => void }) {
  const { data, loading } = useApi(urls.profielen(), () => cached(urls.profielen(), () => api.profielen()));
  const options = [{ value: '', label: 'Alle profielen' }, ...(data ?? []).map((p) => ({ value: p.code, label: `${p.afkorting} – ${p.naam}` }))];
  // Keep a value from the URL selectable while the list loads (or if it is unknown).
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: value });
  return <SelectField id={id} name="profiel" label="Profiel" value={value} options={options} onChange={onChange} busy={loading} />;
}
