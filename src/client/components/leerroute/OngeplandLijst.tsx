/** The side list of the planning step: the doelen not planned yet, as cards, with a filter, a search and "Beiden". */
import { count } from '../../lib/format.js';
import { Button, CheckboxField, Heading, Paragraph, SelectField } from '../../ui/index.js';
import { ZoekVeld } from '../ZoekVeld.js';
import { cssId, useLeerroute } from './context.js';
import { KaartInhoud } from './KaartInhoud.js';
import { PlaatsForm } from './PlaatsForm.js';
import { zetSleep, type Kaart } from './planning-kaarten.js';
import type { Filter, PlanningState } from './usePlanning.js';

export function OngeplandLijst({ planning: pl }: { planning: PlanningState }) {
  const { announce } = useLeerroute();
  return (
    <section aria-labelledby="ongepland-kop" className="doorlopend-leerroute-ongepland" onDragOver={pl.sleepOverLijst} onDrop={pl.dropOpLijst}>
      <Heading level={3} id="ongepland-kop" tabIndex={-1}>
        Nog niet gepland ({count(pl.kaarten.length, 'kaart', 'kaarten')})
      </Heading>
      <SelectField
        id="ongepland-filter"
        label="Toon"
        value={pl.filter}
        options={[
          { value: 'alle', label: 'Alle doelen' },
          { value: 'vmbo', label: 'Vmbo (eindtermen)' },
          { value: 'mbo', label: 'Mbo (werkprocessen en keuzedelen)' },
        ]}
        onChange={(v) => pl.setFilter(v as Filter)}
      />
      {/* Filters while typing; Enter says how many cards are left (and never sends a form). */}
      <ZoekVeld
        id="ongepland-zoek"
        label="Zoek in de doelen"
        description="Code, titel, keuzevak of kerntaak"
        value={pl.zoekTekst}
        onChange={pl.setZoekTekst}
        onZoek={() => announce(`${count(pl.kaarten.length, 'kaart', 'kaarten')} gevonden in Nog niet gepland.`)}
      />
      <CheckboxField
        id="ongepland-koppelen"
        label="Gekoppelde eindterm en werkproces samen als één kaart (Beiden)"
        checked={pl.koppelen}
        onChange={pl.setKoppelen}
        description={pl.inventarisFout ? 'De koppelingen van de inventarisatie konden niet geladen worden; elk doel is een eigen kaart.' : undefined}
      />
      {pl.kaarten.length === 0 ? <Paragraph>{pl.alleKaarten.length === 0 ? 'Alle doelen zijn gepland.' : 'Geen niet-geplande doelen die hierbij passen.'}</Paragraph> : null}
      <ul className="doorlopend-leerroute-kaarten" aria-label="Nog niet geplande doelen">
        {pl.kaarten.map((k) => (
          <OngeplandeKaart key={k.key} kaart={k} planning={pl} />
        ))}
      </ul>
    </section>
  );
}

function OngeplandeKaart({ kaart: k, planning: pl }: { kaart: Kaart; planning: PlanningState }) {
  const knopId = `plaats-${cssId(k.key)}`;
  return (
    <li className="doorlopend-leerroute-kaart" draggable={pl.magWijzigen} onDragStart={(event) => zetSleep(event, { soort: 'nieuw', items: k.items })} data-testid={`kaart-${k.key}`}>
      <KaartInhoud items={k.items} koppeling={pl.koppeling} />
      {pl.magWijzigen ? (
        pl.open === `nieuw-${k.key}` ? (
          <PlaatsForm wat={pl.labelVan(k.items)} actie="Plaatsen" onKies={(leerjaar, periode) => pl.plan(k.items, leerjaar, periode, pl.volgendeNa(k.key))} onSluit={() => pl.sluit(knopId)} />
        ) : (
          <Button id={knopId} appearance="secondary-action-button" aria-label={`Plaats in… ${pl.labelVan(k.items)}`} onClick={() => pl.setOpen(`nieuw-${k.key}`)}>
            Plaats in…
          </Button>
        )
      ) : null}
    </li>
  );
}
