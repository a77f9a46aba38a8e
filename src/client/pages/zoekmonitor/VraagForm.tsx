/** The vraag of the zoekmonitor: from a keuzevak, a profielmodule, own words, or (backwards) a kwalificatie picked by name. */
import { KwalificatieKeuze } from '../../components/CatalogusKeuze.js';
import { Button, SelectField, TextField } from '../../ui/index.js';
import { SOORT_OPTIONS, type Vraag, type ZoekmonitorState } from './useZoekmonitor.js';

const VRAAG_OPTIONS = [
  { value: 'keuzevak', label: 'Een keuzevak (vmbo)' },
  { value: 'profielmodule', label: 'Een profielmodule (vmbo)' },
  { value: 'tekst', label: 'Eigen woorden' },
  { value: 'kwalificatie', label: 'Een kwalificatie (mbo), omgekeerd' },
];

export function VraagForm({ z }: { z: ZoekmonitorState }) {
  return (
    <form aria-label="Vraag aan de zoekmonitor" className="doorlopend-filters" onSubmit={z.onSubmit}>
      <SelectField id="zm-vraag" label="Vraag vanuit" value={z.vraag} options={VRAAG_OPTIONS} onChange={(v) => z.setVraag(v as Vraag)} />
      {z.vraag === 'keuzevak' ? (
        <SelectField id="zm-keuzevak" label="Keuzevak" value={z.kvCode} options={z.keuzevakOptions} onChange={z.setKvCode} busy={z.keuzevakkenLoading} />
      ) : null}
      {z.vraag === 'profielmodule' ? (
        <SelectField id="zm-profielmodule" label="Profielmodule" value={z.pmCode} options={z.profielmoduleOptions} onChange={z.setPmCode} busy={z.profielmodulenLoading} />
      ) : null}
      {z.vraag === 'tekst' ? <TextField id="zm-tekst" label="Beschrijf het onderdeel in eigen woorden" value={z.text} onChange={z.setText} maxLength={2000} /> : null}
      {z.vraag === 'kwalificatie' ? (
        <div className="doorlopend-zm-kwalificatie-keuze">
          <KwalificatieKeuze idPrefix="zm" label="Kwalificatie" value={z.crebo} onChange={z.setCrebo} kwalificatie={z.gekozenKwalificatie} />
        </div>
      ) : null}
      <SelectField
        id="zm-soort"
        label="Toon"
        value={SOORT_OPTIONS[z.vraag].some((o) => o.value === z.soortChoice) ? z.soortChoice : ''}
        options={SOORT_OPTIONS[z.vraag]}
        onChange={z.setSoortChoice}
      />
      <div className="doorlopend-filters__actions">
        <Button type="submit">Zoek suggesties</Button>
      </div>
    </form>
  );
}
