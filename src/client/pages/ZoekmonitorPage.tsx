/**
 * The zoekmonitor (issue 5, reworked in issue 12): pick a keuzevak (or describe it in your own words, or start from a
 * kwalificatie picked by name) and see the best dossiers, each folded with its kwalificaties, and the keuzedelen that
 * fit, with betrouwbaarheid and what it rests on in words: shared words and the best eindterm ↔ werkproces pairs. From
 * a result: an overlap inventory or a new leerroute with it. Everything shown is a suggestion until a teacher confirms it.
 * State in zoekmonitor/useZoekmonitor, views in zoekmonitor/.
 */
import './zoekmonitor/zoekmonitor.css';
import { InlineError } from '../components/PageStates.js';
import { Heading, OrderedList, PageHeading, Paragraph } from '../ui/index.js';
import { DossierList, OtherItem, type VmboVraag } from './zoekmonitor/Resultaten.js';
import { StemmenProvider } from './zoekmonitor/Stemmen.js';
import { useZoekmonitor } from './zoekmonitor/useZoekmonitor.js';
import { VraagForm } from './zoekmonitor/VraagForm.js';

export function ZoekmonitorPage() {
  const z = useZoekmonitor();
  const { shown } = z;
  const vmbo: VmboVraag | null =
    shown && (shown.query.kind === 'keuzevak' || shown.query.kind === 'profielmodule') ? { kind: shown.query.kind, code: shown.query.codes[0]!, title: shown.query.title } : null;
  const backwards = shown?.query.kind === 'kwalificatie' || shown?.query.kind === 'keuzedeel';
  return (
    <>
      <PageHeading>Zoekmonitor</PageHeading>
      <Paragraph>
        Welke kwalificaties en keuzedelen in het mbo passen bij een keuzevak in het vmbo, en andersom? De zoekmonitor vergelijkt de
        teksten van beide catalogi en laat zien waarom iets past: de gedeelde woorden en de best passende paren eindterm ↔ werkproces.
      </Paragraph>
      <Paragraph>
        <strong>Alles wat u hier ziet zijn suggesties.</strong> Ze gelden pas als een docent ze heeft bekeken en bevestigd.
      </Paragraph>

      <VraagForm z={z} />

      <section aria-labelledby="zm-resultaten" className="doorlopend-section" aria-busy={z.loading || undefined}>
        <Heading level={2} id="zm-resultaten">
          Suggesties
        </Heading>
        <p role="status" className="doorlopend-result-count">
          {z.statusText}
        </p>
        {!z.asked ? <Paragraph>Kies een keuzevak of profielmodule, beschrijf een onderdeel in eigen woorden, of start bij een kwalificatie.</Paragraph> : null}
        {z.error ? <InlineError error={z.error} /> : null}
        {shown && shown.results.length > 0 ? (
          <StemmenProvider vmbo={vmbo} onChanged={z.opnieuw}>
            <Paragraph className="doorlopend-meta">
              {shown.note} Betrouwbaarheid zegt hoeveel bewijs de teksten geven: <em>sterk</em> = veel gedeelde tekst of een sterk paar eindterm ↔
              werkproces; <em>mogelijk</em> = iets gedeelds, het bekijken waard; <em>zwak</em> = weinig bewijs. Bij elk resultaat staat in woorden waar
              de plaats en de betrouwbaarheid op rusten.
            </Paragraph>
            {z.kwalificaties.length > 0 ? (
              <>
                <Heading level={3}>Best passende dossiers</Heading>
                <DossierList results={z.kwalificaties} vmbo={vmbo} vraag={shown.query} />
              </>
            ) : null}
            {z.others.length > 0 ? (
              <>
                <Heading level={3}>{backwards ? 'Keuzevakken en profielmodulen' : 'Keuzedelen'}</Heading>
                <OrderedList className="doorlopend-hits" aria-label={backwards ? 'Keuzevakken en profielmodulen, best passend eerst' : 'Keuzedelen, best passend eerst'}>
                  {z.others.map((r) => (
                    <OtherItem key={`${r.type}:${r.code}`} r={r} vraag={shown.query} />
                  ))}
                </OrderedList>
              </>
            ) : null}
          </StemmenProvider>
        ) : null}
      </section>
    </>
  );
}
