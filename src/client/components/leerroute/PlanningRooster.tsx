/** The grid of the planning step: per leerjaar its perioden, each a drop target listing its planned regels. */
import type { Planningsregel } from '../../../shared/leerroute-api.js';
import { count, formatDateTime } from '../../lib/format.js';
import { Button, Heading, Paragraph } from '../../ui/index.js';
import { periodeLabel } from './context.js';
import { KaartInhoud } from './KaartInhoud.js';
import { PlaatsForm } from './PlaatsForm.js';
import { zetSleep } from './planning-kaarten.js';
import type { PlanningState } from './usePlanning.js';

export function PlanningRooster({ planning: pl }: { planning: PlanningState }) {
  return (
    <section aria-labelledby="rooster-kop" className="doorlopend-leerroute-rooster">
      <Heading level={3} id="rooster-kop">
        Planning per leerjaar en periode
      </Heading>
      {pl.jaren.map((jaar) => (
        <div key={jaar.leerjaar} className="doorlopend-leerroute-jaarrij">
          <Heading level={4} id={`jaar-${jaar.leerjaar}`}>
            Leerjaar {jaar.leerjaar} <span className="doorlopend-meta">({jaar.fase}-jaar{jaar.organisatie ? `, ${jaar.organisatie.naam}` : ''})</span>
          </Heading>
          <div className="doorlopend-leerroute-perioden">
            {Array.from({ length: jaar.perioden }, (_, i) => i + 1).map((periode) => (
              <PeriodeVak key={periode} leerjaar={jaar.leerjaar} periode={periode} planning={pl} />
            ))}
          </div>
        </div>
      ))}
      {pl.buitenTijdpad.length > 0 ? (
        <div className="doorlopend-leerroute-jaarrij">
          <Heading level={4} id="buiten-tijdpad">
            Buiten het tijdpad
          </Heading>
          <Paragraph>Deze regels staan in een leerjaar of periode die niet meer in het tijdpad staat. Verplaats ze of haal ze uit de planning.</Paragraph>
          <ul className="doorlopend-leerroute-kaarten" aria-label="Gepland buiten het tijdpad">
            {pl.buitenTijdpad.map((r) => (
              <RegelKaart key={r.id} regel={r} planning={pl} />
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function PeriodeVak({ leerjaar, periode, planning: pl }: { leerjaar: number; periode: number; planning: PlanningState }) {
  const key = `${leerjaar}:${periode}`;
  const regels = pl.regelsPer.get(key) ?? [];
  return (
    <div
      role="group"
      aria-labelledby={`periode-${leerjaar}-${periode}`}
      className={['doorlopend-leerroute-periode', pl.sleepDoel === key ? 'doorlopend-leerroute-periode--doel' : ''].filter(Boolean).join(' ')}
      data-testid={`periode-${leerjaar}-${periode}`}
      onDragOver={(event) => pl.sleepOverPeriode(event, key)}
      onDragLeave={() => pl.sleepWeg(key)}
      onDrop={(event) => void pl.dropOpPeriode(event, leerjaar, periode)}
    >
      <Heading level={5} id={`periode-${leerjaar}-${periode}`} tabIndex={-1}>
        <span className="doorlopend-visually-hidden">Leerjaar {leerjaar}, </span>Periode {periode}
        <span className="doorlopend-meta"> ({count(regels.length, 'regel', 'regels')})</span>
      </Heading>
      <ul className="doorlopend-leerroute-kaarten" aria-label={`Gepland in ${periodeLabel(leerjaar, periode).toLowerCase()}`}>
        {regels.map((r) => (
          <RegelKaart key={r.id} regel={r} planning={pl} />
        ))}
      </ul>
    </div>
  );
}

/** A planned regel: its card, who changed it last, and "Verplaats…" / "Uit planning halen". */
function RegelKaart({ regel, planning: pl }: { regel: Planningsregel; planning: PlanningState }) {
  const label = pl.labelVan(regel.items);
  const wie = regel.gewijzigd;
  const knopId = `verplaats-${regel.id}`;
  return (
    <li className="doorlopend-leerroute-kaart" draggable={pl.magWijzigen} onDragStart={(event) => zetSleep(event, { soort: 'regel', id: regel.id })} data-testid={`regel-${regel.id}`}>
      <KaartInhoud items={regel.items} koppeling={pl.koppeling} />
      <p className="doorlopend-meta">
        {wie.gebruiker.naam}
        {wie.organisatie ? ` (${wie.organisatie.naam})` : ''}, {formatDateTime(wie.op)}
      </p>
      {pl.magWijzigen ? (
        pl.open === regel.id ? (
          <PlaatsForm wat={label} actie="Verplaatsen" huidig={`${regel.leerjaar}:${regel.periode}`} onKies={(leerjaar, periode) => pl.verplaats(regel, leerjaar, periode)} onSluit={() => pl.sluit(knopId)} />
        ) : (
          <>
            <Button id={knopId} appearance="secondary-action-button" aria-label={`Verplaats… ${label}`} onClick={() => pl.setOpen(regel.id)}>
              Verplaats…
            </Button>{' '}
            <Button appearance="subtle-button" aria-label={`Uit planning halen: ${label}`} onClick={() => void pl.haalWeg(regel)}>
              Uit planning halen
            </Button>
          </>
        )
      ) : null}
    </li>
  );
}
