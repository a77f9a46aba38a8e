/**
 * The selection: profiel and leerweg as lists, keuzevakken, profielmodulen and keuzedelen as checkboxes with a list to
 * add from, the kwalificatie found by name or crebo (CatalogusKeuze, shared with the leerroute form). The address keeps
 * the codes. Refusals of the server (a code that does not exist) are shown at their field.
 */
import { CodeKeuze, KeuzedelenKeuze, KwalificatieKeuze } from '../../components/CatalogusKeuze.js';
import type { InventarisSelectie } from '../../lib/inventory-api.js';
import { Button, Paragraph, SelectField } from '../../ui/index.js';
import { useProfielOpties, useSelectieForm, type Problems, type SelectieFormState } from './useInventaris.js';
import './inventaris.css';

const LEERWEG_OPTIES = [{ value: '', label: 'Alle leerwegen' }, ...['BB', 'KB', 'GL', 'TL'].map((l) => ({ value: l, label: l }))];

export function SelectieForm({ initial, problems, onSubmit }: { initial: InventarisSelectie; problems: Problems; onSubmit: (s: InventarisSelectie) => void }) {
  const f = useSelectieForm(initial, problems, onSubmit);
  const { profiel, vmbo } = f;
  return (
    <form className="doorlopend-filters doorlopend-inventaris__selectie" aria-label="Selectie" onSubmit={f.submit}>
      <ProfielKeuze value={profiel} onChange={f.setProfiel} invalidMessage={f.errorFor('profiel')} />
      <div aria-live="polite">{f.profielVraag ? <ProfielVraag vraag={f.profielVraag} /> : null}</div>
      <SelectField id="inv-leerweg" label="Leerweg" value={f.leerweg} onChange={f.setLeerweg} options={LEERWEG_OPTIES} invalidMessage={f.errorFor('leerweg')} />
      <CodeKeuze
        id="inv-keuzevakken"
        legend="Keuzevakken"
        description={profiel ? 'Zonder aangevinkte keuzevakken telt het hele profiel mee; voeg ook keuzevakken van een ander profiel toe.' : 'Kies een profiel om zijn keuzevakken hier te zien, of voeg een keuzevak uit de lijst toe.'}
        invalidMessage={f.errorFor('keuzevakken')}
        opties={vmbo.keuzevakken.vanProfiel}
        bekend={vmbo.keuzevakken.alle}
        gekozen={f.keuzevakken}
        onChange={f.setKeuzevakken}
        loading={vmbo.loading}
        toevoegen={{ label: profiel ? 'Ander keuzevak' : 'Keuzevak', description: profiel ? 'Een keuzevak van een ander profiel.' : undefined, knop: 'Keuzevak toevoegen', opties: vmbo.keuzevakken.overige }}
      />
      <CodeKeuze
        id="inv-profielmodulen"
        legend="Profielmodulen"
        description={
          profiel && !f.expliciet
            ? 'De profielmodulen van het gekozen profiel tellen al mee; voeg hier profielmodulen van een ander profiel toe.'
            : profiel
              ? 'Alleen aangevinkte profielmodulen tellen mee; voeg ook profielmodulen van een ander profiel toe.'
              : undefined
        }
        invalidMessage={f.errorFor('profielmodulen')}
        opties={f.expliciet ? vmbo.profielmodulen.vanProfiel : []}
        bekend={vmbo.profielmodulen.alle}
        gekozen={f.profielmodulen}
        onChange={f.setProfielmodulen}
        loading={vmbo.loading}
        toevoegen={{ label: profiel ? 'Andere profielmodule' : 'Profielmodule', description: profiel ? 'Een profielmodule van een ander profiel.' : undefined, knop: 'Profielmodule toevoegen', opties: vmbo.profielmodulen.overige }}
      />
      <KwalificatieKeuze idPrefix="inv" label="Kwalificatie (mbo)" value={f.kwalificatie} onChange={f.setKwalificatie} kwalificatie={f.kwal} invalidMessage={f.errorFor('kwalificatie')} />
      <KeuzedelenKeuze id="inv-keuzedelen" kwalificatie={f.kwal} gekozen={f.keuzedelen} onChange={f.setKeuzedelen} invalidMessage={f.errorFor('keuzedelen')} />
      <Button type="submit">Inventaris maken</Button>
    </form>
  );
}

/** Issue 12: after choosing a profiel, the question whether its profielmodulen count too (nothing is added silently). */
function ProfielVraag({ vraag }: { vraag: NonNullable<SelectieFormState['profielVraag']> }) {
  const n = vraag.modulen.length;
  return (
    <div role="group" aria-labelledby="profielvraag-tekst" className="doorlopend-profielvraag">
      <Paragraph id="profielvraag-tekst">
        {n > 0
          ? `Profiel ${vraag.profiel} heeft ${n === 1 ? '1 profielmodule' : `${n} profielmodulen`} (${vraag.modulen.map((m) => m.code).join(', ')}). Wilt u die ook in de inventaris?`
          : `Wilt u de profielmodulen van profiel ${vraag.profiel} ook in de inventaris?`}
      </Paragraph>
      <div className="doorlopend-profielvraag__knoppen">
        <Button onClick={vraag.ja} disabled={n === 0}>
          Ja, profielmodulen aanvinken
        </Button>
        <Button appearance="secondary-action-button" onClick={vraag.nee}>
          Nee, zonder profielmodulen
        </Button>
      </div>
    </div>
  );
}

/** The profielen of the catalogue; a value from the address stays selectable while the list loads. */
function ProfielKeuze({ value, onChange, invalidMessage }: { value: string; onChange: (value: string) => void; invalidMessage?: string }) {
  const { options, loading } = useProfielOpties(value);
  return (
    <SelectField
      id="inv-profiel"
      label="Profiel (vmbo)"
      value={value}
      options={options}
      onChange={onChange}
      busy={loading}
      description="Zijn profielmodulen en, zonder keuzevakken hieronder, al zijn keuzevakken"
      invalidMessage={invalidMessage}
    />
  );
}
