/**
 * The grid of the planning step: a table with a row per leerjaar (its row header says leerjaar, fase and partner) and a
 * column per periode; each cell is a drop target listing its planned regels. A leerjaar with fewer perioden than the
 * longest has empty cells at the end. On a narrow screen the rows stack (styles in leerroute.css).
 */
import type { Planningsregel } from '../../../shared/leerroute-api.js';
import { count, formatDateTime } from '../../lib/format.js';
import { Button, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/index.js';
import { periodeLabel } from './context.js';
import { KaartInhoud } from './KaartInhoud.js';
import { PlaatsForm } from './PlaatsForm.js';
import { zetSleep } from './planning-kaarten.js';
import type { PlanningState } from './usePlanning.js';

export function PlanningRooster({ planning: pl }: { planning: PlanningState }) {
  const kolommen = Math.max(1, ...pl.jaren.map((jaar) => jaar.perioden));
  const perioden = Array.from({ length: kolommen }, (_, i) => i + 1);
  return (
    <section aria-labelledby="rooster-kop" className="doorlopend-leerroute-rooster">
      <Heading level={3} id="rooster-kop">
        Planning per leerjaar en periode
      </Heading>
      <Table caption="Planning per leerjaar en periode" captionHidden className="doorlopend-leerroute-rooster__tabel">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col" className="doorlopend-leerroute-rooster__hoek">
              Leerjaar
            </TableHeaderCell>
            {perioden.map((periode) => (
              <TableHeaderCell key={periode} scope="col">
                Periode {periode}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {pl.jaren.map((jaar) => (
            <TableRow key={jaar.leerjaar} className="doorlopend-leerroute-jaarrij">
              <TableHeaderCell scope="row" className="doorlopend-leerroute-rooster__jaar">
                <Heading level={4} id={`jaar-${jaar.leerjaar}`}>
                  Leerjaar {jaar.leerjaar}
                </Heading>
                <span className="doorlopend-meta">
                  {jaar.fase}-jaar{jaar.organisatie ? `, ${jaar.organisatie.naam}` : ''}
                </span>
              </TableHeaderCell>
              {perioden.map((periode) =>
                periode <= jaar.perioden ? (
                  <TableCell key={periode} className="doorlopend-leerroute-rooster__cel">
                    <PeriodeVak leerjaar={jaar.leerjaar} periode={periode} planning={pl} />
                  </TableCell>
                ) : (
                  <TableCell key={periode} className="doorlopend-leerroute-rooster__cel doorlopend-leerroute-rooster__cel--leeg">
                    <span className="doorlopend-visually-hidden">Leerjaar {jaar.leerjaar} heeft geen periode {periode}.</span>
                  </TableCell>
                ),
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {pl.buitenTijdpad.length > 0 ? (
        <div className="doorlopend-leerroute-buiten">
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
        <span className="doorlopend-visually-hidden">Leerjaar {leerjaar}, </span>
        <span className="doorlopend-leerroute-periode__naam">Periode {periode}</span>
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
