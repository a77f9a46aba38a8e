/**
 * The coverage panel, on every page of a route: counts, the gaps per doel (niet gepland / geen activiteit / geen
 * summatieve toets), each linking to the step and period where it is fixed, and the warnings.
 */
import type { Gat, Ontbreekt, Waarschuwing } from '../../../shared/leerroute-api.js';
import { count, formatNumber } from '../../lib/format.js';
import { leerroutePath } from '../../lib/leerroute-api.js';
import { DataList, Heading, Link, ListItem, Paragraph, StatusBadge, UnorderedList } from '../../ui/index.js';
import { cssId, doelLabel, periodeLabel, useLeerroute } from './context.js';

const GROEPEN: ReadonlyArray<{ ontbreekt: Ontbreekt; titel: string }> = [
  { ontbreekt: 'planning', titel: 'Niet gepland' },
  { ontbreekt: 'activiteit', titel: 'Geen activiteit' },
  { ontbreekt: 'summatieve-toets', titel: 'Geen summatieve toets' },
];

/**
 * The rest of a gap's line after the link with the doel: the group already says what is missing and the link names the
 * doel, so only the place remains, once (issue 12: the doel and the place were said twice). Not planned: nothing.
 */
export function gatPlaats(gat: Pick<Gat, 'ontbreekt' | 'leerjaar' | 'periode'>): string {
  if (gat.ontbreekt === 'planning' || gat.leerjaar === null || gat.periode === null) return '';
  return `${gat.ontbreekt === 'activiteit' ? 'gepland in' : 'gepland tot'} ${periodeLabel(gat.leerjaar, gat.periode).toLowerCase()}`;
}

/** Where a gap is fixed: the unplanned card in step 2, or the form of step 3/4 for the period, with the doel chosen. */
export function gatPath(routeId: string, gat: Pick<Gat, 'itemId' | 'stap' | 'leerjaar' | 'periode'>): string {
  if (gat.stap === 'planning') return leerroutePath(routeId, 'planning', undefined, `doel-${cssId(gat.itemId)}`);
  const base = leerroutePath(routeId, gat.stap);
  const query = new URLSearchParams();
  if (gat.leerjaar !== null && gat.periode !== null) {
    query.set('leerjaar', String(gat.leerjaar));
    query.set('periode', String(gat.periode));
  }
  query.set('doel', gat.itemId);
  return `${base}?${query.toString()}`;
}

function waarschuwingPath(routeId: string, w: Waarschuwing): string {
  return leerroutePath(routeId, w.stap, { leerjaar: w.leerjaar, periode: w.periode });
}

export function DekkingPanel() {
  const { route, doelOf } = useLeerroute();
  const { dekking } = route;
  const t = dekking.totalen;
  const perGroep = (o: Ontbreekt) => dekking.gaten.filter((g) => g.ontbreekt === o);
  return (
    <aside className="doorlopend-leerroute-dekking" aria-labelledby="dekking-kop">
      <Heading level={2} id="dekking-kop">
        Dekking
      </Heading>
      <p className="doorlopend-leerroute-dekking__stand" id="dekking-stand">
        {dekking.compleet ? (
          <StatusBadge status="safe">Compleet</StatusBadge>
        ) : (
          <StatusBadge status="warning">{count(dekking.gaten.length, 'gat', 'gaten')}</StatusBadge>
        )}{' '}
        {count(t.volledig, 'doel', 'doelen')} van {formatNumber(t.doelen)} volledig
      </p>
      <DataList
        className="doorlopend-leerroute-dekking__totalen"
        items={[
          { key: 'doelen', label: 'Doelen', value: `${formatNumber(t.doelen)} (vmbo ${formatNumber(t.vmbo)}, mbo ${formatNumber(t.mbo)})` },
          { key: 'gepland', label: 'Gepland', value: formatNumber(t.gepland) },
          { key: 'onderwezen', label: 'In een activiteit', value: formatNumber(t.onderwezen) },
          { key: 'getoetst', label: 'Summatief getoetst', value: formatNumber(t.summatiefGetoetst) },
        ]}
      />
      {dekking.compleet ? <Paragraph>Elk doel is gepland, wordt onderwezen en wordt summatief getoetst.</Paragraph> : null}
      {GROEPEN.map(({ ontbreekt, titel }) => {
        const gaten = perGroep(ontbreekt);
        if (gaten.length === 0) return null;
        return (
          <details key={ontbreekt} className="doorlopend-disclosure doorlopend-leerroute-gaten" open={gaten.length <= 12}>
            <summary>
              {titel}: {formatNumber(gaten.length)}
            </summary>
            <UnorderedList aria-label={`${titel}: ${count(gaten.length, 'doel', 'doelen')}`}>
              {gaten.map((g) => (
                <ListItem key={`${g.ontbreekt}-${g.itemId}`}>
                  <Link to={gatPath(route.id, g)}>{doelLabel(doelOf(g.itemId), g.itemId)}</Link>
                  {gatPlaats(g) ? <span className="doorlopend-meta"> – {gatPlaats(g)}</span> : null}
                </ListItem>
              ))}
            </UnorderedList>
          </details>
        );
      })}
      {dekking.waarschuwingen.length > 0 ? (
        <section aria-labelledby="waarschuwingen-kop">
          <Heading level={3} id="waarschuwingen-kop">
            Waarschuwingen ({formatNumber(dekking.waarschuwingen.length)})
          </Heading>
          <UnorderedList>
            {dekking.waarschuwingen.map((w, i) => (
              <ListItem key={`${w.code}-${i}`}>
                <Link to={waarschuwingPath(route.id, w)}>{w.melding}</Link>
                {w.code === 'doel-vervallen' ? (
                  <>
                    {' '}
                    <Link to={`/samenwerkingen/${encodeURIComponent(route.samenwerking.id)}/wijzigingen`}>Herstel het bij Wijzigingen in de landelijke data</Link>
                  </>
                ) : null}
              </ListItem>
            ))}
          </UnorderedList>
        </section>
      ) : null}
    </aside>
  );
}
