/**
 * Step 2, planning: a grid leerjaar × periode and a side list of the doelen that are not planned yet. A "Beiden" pair
 * (an eindterm and its linked werkproces(sen) from the inventarisatie) is one card that is planned once and counts for
 * both sides. Cards move by drag and drop (HTML5) and fully by keyboard: "Plaats in…" / "Verplaats…" opens a small
 * form to choose leerjaar and periode; "Uit planning halen" undoes. Every change is announced in the live region.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent, FormEvent } from 'react';
import type { Inventaris } from '../../../shared/inventory-api.js';
import type { LeerrouteDoel, Planningsregel } from '../../../shared/leerroute-api.js';
import { ApiError } from '../../api.js';
import { count, formatDateTime } from '../../lib/format.js';
import { leerrouteApi, leerrouteUrls } from '../../lib/leerroute-api.js';
import { useHashTarget } from '../../lib/navigation.js';
import { useApi } from '../../lib/useApi.js';
import { Alert, Badge, Button, CheckboxField, Heading, Paragraph, SelectField, StatusBadge, TextField } from '../../ui/index.js';
import { cssId, doelLabel, periodeLabel, SOORT_DOEL, useLeerroute } from './context.js';

interface Kaart {
  key: string;
  items: string[];
}

type Sleep = { soort: 'nieuw'; items: string[] } | { soort: 'regel'; id: string };
const MIME = 'application/x-doorlopend-planning';


/** Unplanned doelen as cards; with `koppelen`, each eindterm with unplanned linked werkprocessen becomes one Beiden card. */
export function ongeplandeKaarten(doelen: readonly LeerrouteDoel[], gepland: ReadonlySet<string>, inventaris: Inventaris | null, koppelen: boolean): Kaart[] {
  const open = doelen.filter((d) => !gepland.has(d.id));
  const openIds = new Set(open.map((d) => d.id));
  const gebruikt = new Set<string>();
  const kaarten: Kaart[] = [];
  const gekoppeld = new Map<string, string[]>();
  if (koppelen && inventaris) for (const item of inventaris.vmbo) gekoppeld.set(item.id, item.gekoppeld);
  for (const d of open) {
    if (gebruikt.has(d.id)) continue;
    if (d.side === 'vmbo') {
      // Strongest links first; one regel holds at most 20 items.
      const partners = (gekoppeld.get(d.id) ?? []).filter((id) => openIds.has(id) && !gebruikt.has(id)).slice(0, 19);
      for (const id of partners) gebruikt.add(id);
      kaarten.push({ key: d.id, items: [d.id, ...partners] });
    } else {
      kaarten.push({ key: d.id, items: [d.id] });
    }
    gebruikt.add(d.id);
  }
  return kaarten;
}

/** How an eindterm and a werkproces are linked in the inventarisatie: confirmed by a teacher, or a suggestion. */
type KoppelStatus = (eindtermId: string, werkprocesId: string) => string | null;
const KOPPEL_TEKST: Record<string, string> = {
  bevestigd: 'koppeling bevestigd',
  handmatig: 'koppeling door een docent gelegd',
  voorgesteld: 'koppeling voorgesteld door de zoekmonitor, nog niet bevestigd',
};

function KaartInhoud({ items, koppeling }: { items: readonly string[]; koppeling?: KoppelStatus }) {
  const { doelen } = useLeerroute();
  const sides = new Set(items.map((id) => doelen.get(id)?.side));
  const eerste = items[0] && doelen.get(items[0])?.side === 'vmbo' ? items[0] : null;
  return (
    <>
      {sides.has('vmbo') && sides.has('mbo') ? (
        <StatusBadge status="safe" className="doorlopend-leerroute-kaart__beiden">
          Beiden
        </StatusBadge>
      ) : null}
      <ul className="doorlopend-leerroute-kaart__items">
        {items.map((id) => {
          const d = doelen.get(id);
          return (
            <li key={id} id={`doel-${cssId(id)}`}>
              <Badge className={`doorlopend-side-badge doorlopend-side-badge--${d?.side ?? 'vmbo'}`}>{d ? `${d.side} · ${SOORT_DOEL[d.soort]}` : 'onbekend'}</Badge>{' '}
              <span className="doorlopend-leerroute-kaart__titel">{doelLabel(d, id)}</span>
              {d ? <span className="doorlopend-meta"> ({d.bron.code})</span> : null}
              {eerste && d?.side === 'mbo' && koppeling?.(eerste, id) ? <span className="doorlopend-meta"> – {koppeling(eerste, id)}</span> : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** The keyboard way to place or move: choose leerjaar and periode. Escape or "Annuleren" closes it. */
function PlaatsForm({ wat, actie, huidig, onKies, onSluit }: { wat: string; actie: string; huidig?: string; onKies: (leerjaar: number, periode: number) => Promise<void>; onSluit: () => void }) {
  const { perioden } = useLeerroute();
  const opties = perioden.map((p) => ({ value: `${p.leerjaar}:${p.periode}`, label: `${p.label} (${p.fase})` }));
  const [keuze, setKeuze] = useState(huidig && opties.some((o) => o.value === huidig) ? huidig : (opties[0]?.value ?? ''));
  const [fout, setFout] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useRef(`plaats-keuze-${Math.random().toString(36).slice(2)}`).current;
  useLayoutEffect(() => {
    document.getElementById(id)?.focus();
  }, [id]);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const [leerjaar, periode] = keuze.split(':').map(Number);
    if (!leerjaar || !periode) return;
    setBusy(true);
    setFout(null);
    try {
      await onKies(leerjaar, periode);
    } catch (error) {
      setFout(error instanceof ApiError ? error.message : 'Plaatsen is niet gelukt.');
      setBusy(false);
    }
  };
  return (
    <form
      className="doorlopend-leerroute-plaats"
      aria-label={`${actie}: ${wat}`}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onSluit();
        }
      }}
    >
      {fout ? (
        <Alert type="error" role="alert">
          <Paragraph>{fout}</Paragraph>
        </Alert>
      ) : null}
      <SelectField id={id} label="Leerjaar en periode" value={keuze} options={opties} onChange={setKeuze} />
      <Button type="submit" disabled={busy}>
        {actie}
      </Button>{' '}
      <Button appearance="secondary-action-button" onClick={onSluit} disabled={busy}>
        Annuleren
      </Button>
    </form>
  );
}

function zetSleep(event: DragEvent, data: Sleep) {
  event.dataTransfer.setData(MIME, JSON.stringify(data));
  event.dataTransfer.setData('text/plain', data.soort === 'nieuw' ? data.items.join(',') : data.id);
  event.dataTransfer.effectAllowed = 'move';
}

function leesSleep(event: DragEvent): Sleep | null {
  try {
    const raw = event.dataTransfer.getData(MIME);
    return raw ? (JSON.parse(raw) as Sleep) : null;
  } catch {
    return null;
  }
}

export function PlanningStap() {
  const { route, doelen, perioden, wijzig } = useLeerroute();
  const magWijzigen = route.mijnRechten.wijzigen;
  const inventaris = useApi(leerrouteUrls.inventaris(route.id), (signal) => leerrouteApi.inventaris(route.id, signal));
  const [koppelen, setKoppelen] = useState(true);
  const [filter, setFilter] = useState<'alle' | 'vmbo' | 'mbo'>('alle');
  const [zoekTekst, setZoekTekst] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [doel, setDoel] = useState<string | null>(null);
  const focusNa = useRef<string | null>(null);
  useHashTarget(true);

  const koppeling = useMemo<KoppelStatus>(() => {
    const status = new Map((inventaris.data?.links ?? []).map((l) => [`${l.eindtermId}|${l.werkprocesId}`, l.status]));
    return (e, w) => KOPPEL_TEKST[status.get(`${e}|${w}`) ?? ''] ?? null;
  }, [inventaris.data]);
  const gepland = useMemo(() => new Set(route.planning.flatMap((r) => r.items)), [route.planning]);
  const alleKaarten = useMemo(() => ongeplandeKaarten(route.doelen, gepland, inventaris.data ?? null, koppelen), [route.doelen, gepland, inventaris.data, koppelen]);
  const needle = zoekTekst.trim().toLowerCase();
  const kaarten = alleKaarten.filter(
    (k) =>
      (filter === 'alle' || k.items.some((id) => doelen.get(id)?.side === filter)) &&
      (!needle ||
        k.items.some((id) => {
          const d = doelen.get(id);
          return d !== undefined && `${d.code} ${d.titel} ${d.bron.code} ${d.bron.titel} ${d.context.join(' ')}`.toLowerCase().includes(needle);
        })),
  );
  const regelsPer = useMemo(() => {
    const map = new Map<string, Planningsregel[]>();
    for (const r of route.planning) {
      const key = `${r.leerjaar}:${r.periode}`;
      map.set(key, [...(map.get(key) ?? []), r]);
    }
    return map;
  }, [route.planning]);
  const buitenTijdpad = route.planning.filter((r) => !perioden.some((p) => p.leerjaar === r.leerjaar && p.periode === r.periode));

  useEffect(() => {
    const target = focusNa.current;
    if (!target) return;
    focusNa.current = null;
    const el = document.getElementById(target);
    el?.focus();
  }, [route]);

  const labelVan = (items: readonly string[]) => items.map((id) => doelLabel(doelen.get(id), id)).join(' en ');

  const plan = async (items: string[], leerjaar: number, periode: number, volgende: string) => {
    setFout(null);
    const ok = await wijzig(() => leerrouteApi.plannen(route.id, { items, leerjaar, periode }), `Geplaatst in ${periodeLabel(leerjaar, periode).toLowerCase()}: ${labelVan(items)}.`);
    // After a conflict the route was loaded again: close the form, focus stays near the card.
    focusNa.current = ok ? volgende : `plaats-${cssId(items[0]!)}`;
    setOpen(null);
  };
  const verplaats = async (regel: Planningsregel, leerjaar: number, periode: number) => {
    setFout(null);
    await wijzig(
      () => leerrouteApi.verplaatsen(route.id, regel.id, { versie: regel.versie, leerjaar, periode }),
      `Verplaatst naar ${periodeLabel(leerjaar, periode).toLowerCase()}: ${labelVan(regel.items)}.`,
    );
    // Also after a conflict (the route was loaded again, the message says so): close the form.
    focusNa.current = `verplaats-${regel.id}`;
    setOpen(null);
  };
  const haalWeg = async (regel: Planningsregel) => {
    setFout(null);
    try {
      const ok = await wijzig(() => leerrouteApi.uitPlanning(route.id, regel.id, regel.versie), `Uit de planning gehaald: ${labelVan(regel.items)}.`);
      if (ok) focusNa.current = `periode-${regel.leerjaar}-${regel.periode}`;
    } catch (error) {
      setFout(error instanceof ApiError ? error.message : 'Uit de planning halen is niet gelukt.');
    }
  };

  const volgendeNa = (key: string) => {
    const i = kaarten.findIndex((k) => k.key === key);
    const next = kaarten[i + 1] ?? kaarten[i - 1];
    return next ? `plaats-${cssId(next.key)}` : 'ongepland-kop';
  };

  const onDrop = async (event: DragEvent, leerjaar: number, periode: number) => {
    event.preventDefault();
    setDoel(null);
    const data = leesSleep(event);
    if (!data || !magWijzigen) return;
    try {
      if (data.soort === 'nieuw') await plan(data.items, leerjaar, periode, volgendeNa(data.items[0]!));
      else {
        const regel = route.planning.find((r) => r.id === data.id);
        if (regel && (regel.leerjaar !== leerjaar || regel.periode !== periode)) await verplaats(regel, leerjaar, periode);
      }
    } catch (error) {
      setFout(error instanceof ApiError ? error.message : 'Plaatsen is niet gelukt.');
    }
  };

  const jaren = [...route.tijdpad].sort((a, b) => a.leerjaar - b.leerjaar);

  return (
    <div className="doorlopend-leerroute-planning">
      <Paragraph>
        Plaats elk doel in een leerjaar en periode. Een eindterm met een gekoppeld werkproces (“Beiden”) plant u één keer: het telt voor beide kanten.
        {magWijzigen
          ? ' Sleep een kaart naar een periode (of terug naar de lijst om haar uit de planning te halen), of gebruik de knoppen “Plaats in…”, “Verplaats…” en “Uit planning halen”.'
          : null}
      </Paragraph>
      {fout ? (
        <Alert type="error" role="alert">
          <Paragraph>{fout}</Paragraph>
        </Alert>
      ) : null}
      <div className="doorlopend-leerroute-planning__layout">
        <section
          aria-labelledby="ongepland-kop"
          className="doorlopend-leerroute-ongepland"
          onDragOver={(event) => {
            if (magWijzigen && event.dataTransfer.types.includes(MIME)) event.preventDefault();
          }}
          onDrop={(event) => {
            // A planned card dropped back on the list: out of the planning.
            event.preventDefault();
            const data = leesSleep(event);
            const regel = data?.soort === 'regel' ? route.planning.find((r) => r.id === data.id) : undefined;
            if (regel && magWijzigen) void haalWeg(regel);
          }}
        >
          <Heading level={3} id="ongepland-kop" tabIndex={-1}>
            Nog niet gepland ({count(kaarten.length, 'kaart', 'kaarten')})
          </Heading>
          <SelectField
            id="ongepland-filter"
            label="Toon"
            value={filter}
            options={[
              { value: 'alle', label: 'Alle doelen' },
              { value: 'vmbo', label: 'Vmbo (eindtermen)' },
              { value: 'mbo', label: 'Mbo (werkprocessen en keuzedelen)' },
            ]}
            onChange={(v) => setFilter(v as 'alle' | 'vmbo' | 'mbo')}
          />
          <TextField id="ongepland-zoek" type="search" label="Zoek in de doelen" description="Code, titel, keuzevak of kerntaak" value={zoekTekst} onChange={setZoekTekst} />
          <CheckboxField
            id="ongepland-koppelen"
            label="Gekoppelde eindterm en werkproces samen als één kaart (Beiden)"
            checked={koppelen}
            onChange={setKoppelen}
            description={inventaris.error ? 'De koppelingen van de inventarisatie konden niet geladen worden; elk doel is een eigen kaart.' : undefined}
          />
          {kaarten.length === 0 ? <Paragraph>{alleKaarten.length === 0 ? 'Alle doelen zijn gepland.' : 'Geen niet-geplande doelen die hierbij passen.'}</Paragraph> : null}
          <ul className="doorlopend-leerroute-kaarten" aria-label="Nog niet geplande doelen">
            {kaarten.map((k) => (
              <li
                key={k.key}
                className="doorlopend-leerroute-kaart"
                draggable={magWijzigen}
                onDragStart={(event) => zetSleep(event, { soort: 'nieuw', items: k.items })}
                data-testid={`kaart-${k.key}`}
              >
                <KaartInhoud items={k.items} koppeling={koppeling} />
                {magWijzigen ? (
                  open === `nieuw-${k.key}` ? (
                    <PlaatsForm
                      wat={labelVan(k.items)}
                      actie="Plaatsen"
                      onKies={(leerjaar, periode) => plan(k.items, leerjaar, periode, volgendeNa(k.key))}
                      onSluit={() => {
                        setOpen(null);
                        setTimeout(() => document.getElementById(`plaats-${cssId(k.key)}`)?.focus(), 0);
                      }}
                    />
                  ) : (
                    <Button id={`plaats-${cssId(k.key)}`} appearance="secondary-action-button" aria-label={`Plaats in… ${labelVan(k.items)}`} onClick={() => setOpen(`nieuw-${k.key}`)}>
                      Plaats in…
                    </Button>
                  )
                ) : null}
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="rooster-kop" className="doorlopend-leerroute-rooster">
          <Heading level={3} id="rooster-kop">
            Planning per leerjaar en periode
          </Heading>
          {jaren.map((jaar) => (
            <div key={jaar.leerjaar} className="doorlopend-leerroute-jaarrij">
              <Heading level={4} id={`jaar-${jaar.leerjaar}`}>
                Leerjaar {jaar.leerjaar} <span className="doorlopend-meta">({jaar.fase}-jaar{jaar.organisatie ? `, ${jaar.organisatie.naam}` : ''})</span>
              </Heading>
              <div className="doorlopend-leerroute-perioden">
                {Array.from({ length: jaar.perioden }, (_, i) => i + 1).map((periode) => {
                  const regels = regelsPer.get(`${jaar.leerjaar}:${periode}`) ?? [];
                  const key = `${jaar.leerjaar}:${periode}`;
                  return (
                    <div
                      key={periode}
                      role="group"
                      aria-labelledby={`periode-${jaar.leerjaar}-${periode}`}
                      className={['doorlopend-leerroute-periode', doel === key ? 'doorlopend-leerroute-periode--doel' : ''].filter(Boolean).join(' ')}
                      data-testid={`periode-${jaar.leerjaar}-${periode}`}
                      onDragOver={(event) => {
                        if (!magWijzigen) return;
                        event.preventDefault();
                        event.dataTransfer.dropEffect = 'move';
                        if (doel !== key) setDoel(key);
                      }}
                      onDragLeave={() => setDoel((d) => (d === key ? null : d))}
                      onDrop={(event) => void onDrop(event, jaar.leerjaar, periode)}
                    >
                      <Heading level={5} id={`periode-${jaar.leerjaar}-${periode}`} tabIndex={-1}>
                        <span className="doorlopend-visually-hidden">Leerjaar {jaar.leerjaar}, </span>Periode {periode}
                        <span className="doorlopend-meta"> ({count(regels.length, 'regel', 'regels')})</span>
                      </Heading>
                      <ul className="doorlopend-leerroute-kaarten" aria-label={`Gepland in ${periodeLabel(jaar.leerjaar, periode).toLowerCase()}`}>
                        {regels.map((r) => (
                          <RegelKaart key={r.id} regel={r} koppeling={koppeling} open={open === r.id} setOpen={setOpen} verplaats={verplaats} haalWeg={haalWeg} labelVan={labelVan} />
                        ))}
                      </ul>
                    </div>
                  );
                })}
              </div>
            </div>
          ))}
          {buitenTijdpad.length > 0 ? (
            <div className="doorlopend-leerroute-jaarrij">
              <Heading level={4} id="buiten-tijdpad">
                Buiten het tijdpad
              </Heading>
              <Paragraph>Deze regels staan in een leerjaar of periode die niet meer in het tijdpad staat. Verplaats ze of haal ze uit de planning.</Paragraph>
              <ul className="doorlopend-leerroute-kaarten" aria-label="Gepland buiten het tijdpad">
                {buitenTijdpad.map((r) => (
                  <RegelKaart key={r.id} regel={r} koppeling={koppeling} open={open === r.id} setOpen={setOpen} verplaats={verplaats} haalWeg={haalWeg} labelVan={labelVan} />
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      </div>
    </div>
  );
}

function RegelKaart({
  regel,
  koppeling,
  open,
  setOpen,
  verplaats,
  haalWeg,
  labelVan,
}: {
  regel: Planningsregel;
  koppeling: KoppelStatus;
  open: boolean;
  setOpen: (id: string | null) => void;
  verplaats: (regel: Planningsregel, leerjaar: number, periode: number) => Promise<void>;
  haalWeg: (regel: Planningsregel) => Promise<void>;
  labelVan: (items: readonly string[]) => string;
}) {
  const { route } = useLeerroute();
  const magWijzigen = route.mijnRechten.wijzigen;
  const label = labelVan(regel.items);
  const wie = regel.gewijzigd;
  return (
    <li className="doorlopend-leerroute-kaart" draggable={magWijzigen} onDragStart={(event) => zetSleep(event, { soort: 'regel', id: regel.id })} data-testid={`regel-${regel.id}`}>
      <KaartInhoud items={regel.items} koppeling={koppeling} />
      <p className="doorlopend-meta">
        {wie.gebruiker.naam}
        {wie.organisatie ? ` (${wie.organisatie.naam})` : ''}, {formatDateTime(wie.op)}
      </p>
      {magWijzigen ? (
        open ? (
          <PlaatsForm
            wat={label}
            actie="Verplaatsen"
            huidig={`${regel.leerjaar}:${regel.periode}`}
            onKies={(leerjaar, periode) => verplaats(regel, leerjaar, periode)}
            onSluit={() => {
              setOpen(null);
              setTimeout(() => document.getElementById(`verplaats-${regel.id}`)?.focus(), 0);
            }}
          />
        ) : (
          <>
            <Button id={`verplaats-${regel.id}`} appearance="secondary-action-button" aria-label={`Verplaats… ${label}`} onClick={() => setOpen(regel.id)}>
              Verplaats…
            </Button>{' '}
            <Button appearance="subtle-button" aria-label={`Uit planning halen: ${label}`} onClick={() => void haalWeg(regel)}>
              Uit planning halen
            </Button>
          </>
        )
      ) : null}
    </li>
  );
}
