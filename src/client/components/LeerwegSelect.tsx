import type { Leerweg, LeerwegInfo } from '../../shared/catalog-api.js';
import { LEERWEGEN } from '../../shared/catalog-api.js';
import { api, urls } from '../api.js';
import { LEERWEG_NAMEN, parseLeerweg } from '../lib/format.js';
import { cached, useApi } from '../lib/useApi.js';
import { SelectField } from '../ui/index.js';

export function useLeerwegen(): LeerwegInfo[] {
  const { data } = useApi(urls.leerwegen(), () => cached(urls.leerwegen(), () => api.leerwegen()));
  return data ?? LEERWEGEN.map((code) => ({ code, naam: LEERWEG_NAMEN[code] }));
}

export interface LeerwegSelectProps {
  id: string;
  value: Leerweg | null;
  onChange: (value: Leerweg | null) => void;
  description?: string;
  busy?: boolean;
}

/** Select labelled "Leerweg" with "Alle leerwegen" as the empty choice. */
export function LeerwegSelect({ id, value, onChange, description, busy }: LeerwegSelectProps) {
  const leerwegen = useLeerwegen();
  return (
    <SelectField
      id={id}
      name="leerweg"
      label="Leerweg"
      value={value ?? ''}
      busy={busy}
      description={description}
      onChange={(v) => onChange(parseLeerweg(v))}
      options={[
        { value: '', label: 'Alle leerwegen' },
        ...leerwegen.map((l) => ({ value: l.code, label: `${l.code} – ${l.naam}` })),
      ]}
    />
  );
}
