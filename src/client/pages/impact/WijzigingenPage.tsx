/**
 * /samenwerkingen/:id/wijzigingen (issue 16): "Wijzigingen in de landelijke data". Per changed catalogue item: what
 * changed (old and new text side by side, the differences marked), where the samenwerking uses it, and the actions:
 * move to the successor (per item or for a selection, after a preview), keep as is with a reason, or remove.
 * Read for staff of a partner; the actions for beheerder and ontwikkelaar.
 */
import { useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { GEBRUIK_LABEL, STATUS_LABEL, WIJZIGING_LABEL, type Wijziging, type WijzigingActieResultaat } from '../../../shared/impact-api.js';
import type { ApiError } from '../../api.js';
import { InlineError, LoadError, Loading } from '../../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../../components/SignedInOnly.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { partnershipApi, partnershipUrls } from '../../lib/partnership-api.js';
import { useApi } from '../../lib/useApi.js';
import { Alert, Button, CheckboxField, Heading, Link, PageHeading, Paragraph, TextField } from '../../ui/index.js';
import { impactApi, impactUrls } from './impact-api.js';
import '../overeenkomst/overeenkomst.css';
import './impact.css';

type Actie = 'verplaatsen' | 'behouden' | 'verwijderen';
const ACTIE_LABEL: Record<Actie, string> = { verplaatsen: 'Verplaatsen naar de opvolger', behouden: 'Laten staan (gecontroleerd)', verwijderen: 'Verwijderen' };

interface Groep {
  key: string;
  eerste: Wijziging;
  rijen: Wijziging[];
}

function naam(w: Wijziging): string {
  const soort = { eindterm: 'Eindterm', werkproces: 'Werkproces', keuzedeel: 'Keuzedeel', keuzevak: 'Keuzevak', kwalificatie: 'Kwalificatie' }[w.soort];
  return `${soort} ${w.code ?? ''}`.trim();
}

function Verschil({ w }: { w: Wijziging }) {
  if (w.wijziging === 'tekst') {
    return (
      <div className="doorlopend-impact-teksten">
        <div>
          <Heading level={4}>Oude tekst</Heading>
          <Paragraph>{w.oudeTekst}</Paragraph>
        </div>
        <div>
          <Heading level={4}>Nieuwe tekst (verschil gemarkeerd)</Heading>
          <p className="doorlopend-ovk-diff">
            {w.verschil.map((s, i) => (s.soort === 'weg' ? <del key={i}>{s.tekst}</del> : s.soort === 'erbij' ? <ins key={i}>{s.tekst}</ins> : <span key={i}>{s.tekst}</span>))}
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="doorlopend-impact-teksten">
      <div>
        <Heading level={4}>Was</Heading>
        <Paragraph>{w.oudeTekst ?? w.code}</Paragraph>
      </div>
      <div>
        <Heading level={4}>{w.opvolger ? (w.opvolger.herkomst === 'bron' ? 'Opvolger (genoemd door de bron)' : 'Voorstel (zoekmonitor, niet door de bron genoemd)') : 'Opvolger'}</Heading>
        <Paragraph>{w.opvolger ? (w.opvolger.tekst ?? w.opvolger.id) : 'De bron noemt geen opvolger en de zoekmonitor vond niets dat genoeg lijkt.'}</Paragraph>
      </div>
    </div>
  );
}

function Inhoud({ id }: { id: string }) {
  const [versie, setVersie] = useState(0);
  const samenwerking = useApi(partnershipUrls.partnership(id), (signal) => partnershipApi.get(id, signal));
  const lijst = useApi(`${impactUrls.lijst(id)}#${versie}`, (signal) => impactApi.lijst(id, signal));
  useSessionExpiry(samenwerking.error ?? lijst.error);
  useDocumentTitle(samenwerking.data ? `Wijzigingen in de landelijke data – ${samenwerking.data.naam}` : 'Wijzigingen in de landelijke data');
  const [gekozen, setGekozen] = useState<Set<string>>(new Set());
  const [reden, setReden] = useState('');
  const [voorbeeld, setVoorbeeld] = useState<{ actie: Actie; ids: string[]; resultaat: WijzigingActieResultaat } | null>(null);
  const [melding, setMelding] = useState('');
  const [fout, setFout] = useState<ApiError | null>(null);
  const [bezig, setBezig] = useState(false);
  const [toonAfgehandeld, setToonAfgehandeld] = useState(false);

  const groepen = useMemo(() => {
    const out = new Map<string, Groep>();
    for (const w of lijst.data?.wijzigingen ?? []) {
      const key = `${w.release}|${w.itemId}`;
      const g = out.get(key) ?? { key, eerste: w, rijen: [] };
      g.rijen.push(w);
      out.set(key, g);
    }
    return [...out.values()];
  }, [lijst.data]);

  const error = samenwerking.error ?? lijst.error;
  if (error && !error.isUnauthorized) return <LoadError error={error} />;
  if (!samenwerking.data || !lijst.data) return <Loading />;
  const s = samenwerking.data;
  const mag = lijst.data.magWijzigen;
  const zichtbaar = groepen.filter((g) => toonAfgehandeld || g.rijen.some((r) => r.status === 'open'));

  const toggle = (ids: string[], aan: boolean) =>
    setGekozen((prev) => {
      const next = new Set(prev);
      for (const i of ids) if (aan) next.add(i);
      else next.delete(i);
      return next;
    });

  async function vraagVoorbeeld(actie: Actie, ids: string[]) {
    setFout(null);
    setMelding('');
    setBezig(true);
    try {
      const resultaat = await impactApi.actie(id, { ids, actie, voorbeeld: true, ...(reden.trim() ? { reden: reden.trim() } : {}) });
      setVoorbeeld({ actie, ids, resultaat });
    } catch (e) {
      setFout(e as ApiError);
    } finally {
      setBezig(false);
    }
  }

  async function voerUit() {
    if (!voorbeeld) return;
    setFout(null);
    setBezig(true);
    try {
      const r = await impactApi.actie(id, { ids: voorbeeld.ids, actie: voorbeeld.actie, voorbeeld: false, ...(reden.trim() ? { reden: reden.trim() } : {}) });
      setMelding(`${r.verwerkt} ${r.verwerkt === 1 ? 'gebruik' : 'gebruiken'} afgehandeld: ${ACTIE_LABEL[voorbeeld.actie].toLowerCase()}.`);
      setVoorbeeld(null);
      setGekozen(new Set());
      setReden('');
      setVersie((v) => v + 1);
    } catch (e) {
      setFout(e as ApiError);
    } finally {
      setBezig(false);
    }
  }

  const gekozenIds = [...gekozen];
  return (
    <article className="doorlopend-detail">
      <p className="doorlopend-preheading">
        <Link to={`/samenwerkingen/${encodeURIComponent(id)}`}>{s.naam}</Link>
      </p>
      <PageHeading>Wijzigingen in de landelijke data</PageHeading>
      <Paragraph>
        SLO en SBB brengen nieuwe versies uit van de examenprogramma's, kwalificatiedossiers en keuzedelen. Hier staat wat daarin is veranderd en wat {s.naam} ervan
        gebruikt: in de crosswalk, de leerroutes, toetsen en activiteiten. Kies per onderdeel: verplaatsen naar de opvolger, laten staan of verwijderen. Alles komt in de
        geschiedenis; de oude verwijzing blijft daar leesbaar.
      </Paragraph>
      <div aria-live="polite">{melding ? <Alert type="ok">{melding}</Alert> : null}</div>
      {fout ? <InlineError error={fout} /> : null}
      <Paragraph>
        <strong>{lijst.data.open}</strong> {lijst.data.open === 1 ? 'gebruik is' : 'gebruiken zijn'} nog niet nagelopen (de planning van alle leerroutes telt als één gebruik per onderdeel).
      </Paragraph>
      <CheckboxField id="toon-afgehandeld" label="Ook afgehandelde wijzigingen tonen" checked={toonAfgehandeld} onChange={setToonAfgehandeld} />
      {zichtbaar.length === 0 ? <Paragraph>Er is niets meer na te lopen.</Paragraph> : null}

      {mag && lijst.data.open > 0 ? (
        <section aria-labelledby="selectie-kop" className="doorlopend-section doorlopend-impact-selectie">
          <Heading level={2} id="selectie-kop">
            Selectie ({gekozenIds.length})
          </Heading>
          <TextField id="reden" label="Reden (verplicht bij laten staan)" value={reden} onChange={setReden} maxLength={1000} />
          <div className="doorlopend-impact-knoppen">
            {(['verplaatsen', 'behouden', 'verwijderen'] as const).map((a) => (
              <Button key={a} appearance={a === 'verplaatsen' ? 'primary-action-button' : 'secondary-action-button'} disabled={gekozenIds.length === 0 || bezig} onClick={() => void vraagVoorbeeld(a, gekozenIds)}>
                {ACTIE_LABEL[a]}…
              </Button>
            ))}
          </div>
        </section>
      ) : null}

      {voorbeeld ? (
        <section aria-labelledby="voorbeeld-kop" className="doorlopend-section doorlopend-impact-voorbeeld">
          <Heading level={2} id="voorbeeld-kop">
            Voorbeeld: {ACTIE_LABEL[voorbeeld.actie].toLowerCase()}
          </Heading>
          <ul>
            {voorbeeld.resultaat.regels.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
          <div className="doorlopend-impact-knoppen">
            <Button disabled={bezig || voorbeeld.resultaat.verwerkt === 0} onClick={() => void voerUit()}>
              Bevestigen ({voorbeeld.resultaat.verwerkt})
            </Button>
            <Button appearance="secondary-action-button" onClick={() => setVoorbeeld(null)}>
              Annuleren
            </Button>
          </div>
        </section>
      ) : null}

      {zichtbaar.map((g) => {
        const w = g.eerste;
        const open = g.rijen.filter((r) => r.status === 'open');
        const kop = `kop-${g.key.replace(/[^a-zA-Z0-9]/g, '-')}`;
        return (
          <section key={g.key} aria-labelledby={kop} className="doorlopend-section doorlopend-impact-item">
            <Heading level={2} id={kop}>
              {naam(w)}: {WIJZIGING_LABEL[w.wijziging].toLowerCase()}
            </Heading>
            <Paragraph className="doorlopend-impact-bron">
              Release {w.release} ({w.bron})
            </Paragraph>
            <Verschil w={w} />
            <Heading level={3}>Waar {open.length > 0 ? 'het nog' : 'het'} gebruikt wordt</Heading>
            <ul className="doorlopend-impact-gebruik">
              {g.rijen.map((r) => (
                <li key={r.id}>
                  {mag && r.status === 'open' ? (
                    <CheckboxField id={`kies-${r.id}`} label={`${GEBRUIK_LABEL[r.gebruik] ?? r.gebruik}: ${r.omschrijving}`} checked={gekozen.has(r.id)} onChange={(v) => toggle([r.id], v)} />
                  ) : (
                    <span>
                      {GEBRUIK_LABEL[r.gebruik] ?? r.gebruik}: {r.omschrijving}
                    </span>
                  )}{' '}
                  <span className="doorlopend-impact-status">
                    {STATUS_LABEL[r.status]}
                    {r.afgehandeldDoor ? ` door ${r.afgehandeldDoor}` : ''}
                    {r.reden ? ` — ${r.reden}` : ''}
                  </span>
                  {r.leerrouteId ? (
                    <>
                      {' '}
                      <Link to={`/leerroutes/${encodeURIComponent(r.leerrouteId)}`}>naar de leerroute</Link>
                    </>
                  ) : null}
                  {!r.verplaatsbaar && r.status === 'open' ? <span> (pas dit aan op de eigen pagina)</span> : null}
                  {r.plekken.length > 0 ? (
                    <ul className="doorlopend-impact-plekken" aria-label={`Planningsregels met ${naam(w).toLowerCase()}`}>
                      {r.plekken.map((p, i) => (
                        <li key={i}>
                          {p.omschrijving} <Link to={`/leerroutes/${encodeURIComponent(p.leerrouteId)}`}>naar de leerroute</Link>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
            {mag && open.length > 0 ? (
              <div className="doorlopend-impact-knoppen">
                {w.opvolger ? (
                  <Button disabled={bezig} onClick={() => void vraagVoorbeeld('verplaatsen', open.map((r) => r.id))}>
                    {w.opvolger.herkomst === 'bron' ? 'Verplaats naar de opvolger' : 'Verplaats naar het voorstel'}…
                  </Button>
                ) : null}
                <Button appearance="secondary-action-button" disabled={bezig} onClick={() => toggle(open.map((r) => r.id), true)}>
                  Alle plekken selecteren
                </Button>
              </div>
            ) : null}
          </section>
        );
      })}
    </article>
  );
}

export function WijzigingenPage() {
  const { id = '' } = useParams();
  return (
    <SignedInOnly>
      <Inhoud id={id} />
    </SignedInOnly>
  );
}
