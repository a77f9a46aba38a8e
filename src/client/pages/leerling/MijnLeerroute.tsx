/**
 * The pupil's own leerroute on /leerling: for each group the pupil is in, what the route leads to and, per leerjaar
 * and periode, what they learn (the doelen), in which lessons and with which toetsen. In plain words for a
 * 14-year-old; no teachers' names. Data: GET /api/mijn/leerroutes (src/shared/mijn-api.ts).
 */
import { MijnLeerroutes, type MijnLeerroute, type MijnLeerroutePeriode } from '../../../shared/mijn-api.js';
import { TOETSVORM_NAMEN } from '../../../shared/leerroute-api.js';
import { apiUrl, getJson } from '../../api.js';
import { InlineError, Loading } from '../../components/PageStates.js';
import { useApi } from '../../lib/useApi.js';
import { keuzedeelPath, keuzevakPath, kwalificatiePath, profielmodulePath } from '../../lib/format.js';
import { Heading, Link, ListItem, Paragraph, UnorderedList } from '../../ui/index.js';

const URL_MIJN_LEERROUTES = apiUrl('/api/mijn/leerroutes');

const toetsUitleg = (t: MijnLeerroutePeriode['toetsen'][number]) =>
  [
    TOETSVORM_NAMEN[t.vorm].toLowerCase(),
    t.soort === 'summatief' ? 'telt mee' : 'oefentoets',
    t.onderdeelVan === 'pta' || t.onderdeelVan === 'beide' ? 'in je PTA' : null,
    t.herkansbaar ? 'herkansbaar' : null,
  ]
    .filter(Boolean)
    .join(', ');

function Periode({ p, id }: { p: MijnLeerroutePeriode; id: string }) {
  return (
    <section aria-labelledby={id} className="doorlopend-section">
      <Heading level={4} id={id}>
        Leerjaar {p.leerjaar}, periode {p.periode}
        {p.school ? ` (${p.school})` : ''}
      </Heading>
      {p.doelen.length > 0 ? (
        <>
          <Paragraph>Wat je leert:</Paragraph>
          <UnorderedList>
            {p.doelen.map((d) => (
              <ListItem key={d.code}>
                {d.titel} ({d.bron.startsWith(`${d.code} `) ? `${d.kant}-keuzedeel` : `${d.kant}, ${d.bron}`})
              </ListItem>
            ))}
          </UnorderedList>
        </>
      ) : null}
      {p.activiteiten.length > 0 ? (
        <>
          <Paragraph>Lessen en activiteiten:</Paragraph>
          <UnorderedList>
            {p.activiteiten.map((a, i) => (
              <ListItem key={`${i}-${a.titel}`}>
                <strong>{a.titel}</strong>
                {a.school ? ` bij ${a.school}` : ''}
                {a.uren !== null ? `, ${a.uren} uur` : ''}
                {a.omschrijving ? `. ${a.omschrijving}` : ''}
              </ListItem>
            ))}
          </UnorderedList>
        </>
      ) : null}
      {p.toetsen.length > 0 ? (
        <>
          <Paragraph>Toetsen:</Paragraph>
          <UnorderedList>
            {p.toetsen.map((t) => (
              <ListItem key={t.toetscode}>
                <strong>{t.naam}</strong> ({toetsUitleg(t)})
              </ListItem>
            ))}
          </UnorderedList>
        </>
      ) : null}
    </section>
  );
}

/** "a, b en c" with each part a link to its page in the catalogue. */
function Opsomming({ delen }: { delen: Array<{ tekst: string; to: string }> }) {
  return (
    <>
      {delen.map((d, i) => (
        <span key={d.to}>
          {i === 0 ? '' : i === delen.length - 1 ? ' en ' : ', '}
          <Link to={d.to}>{d.tekst}</Link>
        </span>
      ))}
    </>
  );
}

function Route({ r, n }: { r: MijnLeerroute; n: number }) {
  const kop = `leerroute-${n}`;
  const vmbo = [...r.keuzevakken.map((k) => ({ tekst: k.titel, to: keuzevakPath(k.code) })), ...r.profielmodulen.map((k) => ({ tekst: k.titel, to: profielmodulePath(k.code) }))];
  const mbo = [
    ...(r.kwalificatie ? [{ tekst: r.kwalificatie.naam, to: kwalificatiePath(r.kwalificatie.crebo) }] : []),
    ...r.keuzedelen.map((k) => ({ tekst: k.titel, to: keuzedeelPath(k.code) })),
  ];
  return (
    <section aria-labelledby={kop} className="doorlopend-section">
      <Heading level={3} id={kop}>
        {r.naam}
      </Heading>
      <Paragraph>
        Je groep {r.cohort} ({r.schooljaar}) volgt deze route van {r.scholen.join(' en ')}.
        {vmbo.length > 0 ? (
          <>
            {' '}
            Van het vmbo: <Opsomming delen={vmbo} />.
          </>
        ) : null}
        {mbo.length > 0 ? (
          <>
            {' '}
            Van het mbo: <Opsomming delen={mbo} />.
          </>
        ) : null}
      </Paragraph>
      {r.leidtTot.length > 0 ? (
        <UnorderedList aria-label={`Wat ${r.naam} oplevert`}>
          {r.leidtTot.map((t) => (
            <ListItem key={t}>{t}</ListItem>
          ))}
        </UnorderedList>
      ) : null}
      {r.perioden.length === 0 ? (
        <Paragraph>Je docenten hebben de planning nog niet ingevuld.</Paragraph>
      ) : (
        r.perioden.map((p) => <Periode key={`${p.leerjaar}-${p.periode}`} p={p} id={`${kop}-${p.leerjaar}-${p.periode}`} />)
      )}
    </section>
  );
}

export function MijnLeerrouteSectie() {
  const { data, error, loading } = useApi(URL_MIJN_LEERROUTES, (signal) => getJson(URL_MIJN_LEERROUTES, MijnLeerroutes, signal));
  return (
    <section aria-labelledby="mijn-leerroute-heading" className="doorlopend-section">
      <Heading level={2} id="mijn-leerroute-heading">
        Jouw leerroute
      </Heading>
      {loading ? <Loading /> : null}
      {error ? <InlineError error={error} /> : null}
      {data && data.leerroutes.length === 0 ? <Paragraph>Je zit nog niet in een groep van een leerroute. Je mentor of decaan zet je erin.</Paragraph> : null}
      {data?.leerroutes.map((r, i) => <Route key={`${r.leerlingId}-${i}`} r={r} n={i + 1} />)}
    </section>
  );
}
