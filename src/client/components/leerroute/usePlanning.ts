/**
 * State, derived data and API calls of the planning step (PlanningStap): the unplanned cards with their filters, the
 * planned regels per period, placing, moving and removing (by keyboard or drag and drop), which keyboard form is
 * open, and where focus goes after a change. Every change is announced through the route's live region (wijzig).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent, FormEvent } from 'react';
import type { Inventaris } from '../../../shared/inventory-api.js';
import type { Planningsregel } from '../../../shared/leerroute-api.js';
import { ApiError } from '../../api.js';
import { leerrouteApi, leerrouteUrls } from '../../lib/leerroute-api.js';
import { useHashTarget } from '../../lib/navigation.js';
import { useApi } from '../../lib/useApi.js';
import { cssId, doelLabel, periodeLabel, useLeerroute } from './context.js';
import { koppelStatusVan, leesSleep, MIME, ongeplandeKaarten, type Kaart } from './planning-kaarten.js';

export type Filter = 'alle' | 'vmbo' | 'mbo';

export function usePlanning() {
  const { route, perioden } = useLeerroute();
  const inventaris = useApi(leerrouteUrls.inventaris(route.id), (signal) => leerrouteApi.inventaris(route.id, signal));
  useHashTarget(true);
  const koppeling = useMemo(() => koppelStatusVan(inventaris.data?.links ?? []), [inventaris.data]);
  const ongepland = useOngeplandeKaarten(inventaris.data ?? null);
  const acties = usePlanningActies(ongepland.kaarten);
  const slepen = useSlepen(acties);
  const regelsPer = useMemo(() => {
    const map = new Map<string, Planningsregel[]>();
    for (const r of route.planning) {
      const key = `${r.leerjaar}:${r.periode}`;
      map.set(key, [...(map.get(key) ?? []), r]);
    }
    return map;
  }, [route.planning]);
  return {
    ...ongepland,
    ...acties,
    ...slepen,
    magWijzigen: route.mijnRechten.wijzigen,
    inventarisFout: inventaris.error,
    koppeling,
    regelsPer,
    buitenTijdpad: route.planning.filter((r) => !perioden.some((p) => p.leerjaar === r.leerjaar && p.periode === r.periode)),
    jaren: [...route.tijdpad].sort((a, b) => a.leerjaar - b.leerjaar),
  };
}

/** The unplanned doelen as cards, narrowed by side and by a search text; "Beiden" cards when `koppelen` is on. */
function useOngeplandeKaarten(inventaris: Inventaris | null) {
  const { route, doelen } = useLeerroute();
  const [koppelen, setKoppelen] = useState(true);
  const [filter, setFilter] = useState<Filter>('alle');
  const [zoekTekst, setZoekTekst] = useState('');
  const gepland = useMemo(() => new Set(route.planning.flatMap((r) => r.items)), [route.planning]);
  const alleKaarten = useMemo(() => ongeplandeKaarten(route.doelen, gepland, inventaris, koppelen), [route.doelen, gepland, inventaris, koppelen]);
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
  return { koppelen, setKoppelen, filter, setFilter, zoekTekst, setZoekTekst, alleKaarten, kaarten };
}

/** Placing, moving and removing, the open keyboard form, the error shown, and where focus goes after a change. */
function usePlanningActies(kaarten: readonly Kaart[]) {
  const { route, doelOf, wijzig } = useLeerroute();
  /** The open keyboard form: `nieuw-<card key>` or the id of a regel. */
  const [open, setOpen] = useState<string | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const focusNa = useRef<string | null>(null);

  // After a change the route is new: focus goes where the change asked for.
  useEffect(() => {
    const target = focusNa.current;
    if (!target) return;
    focusNa.current = null;
    const el = document.getElementById(target);
    el?.focus();
  }, [route]);

  const labelVan = (items: readonly string[]) => items.map((id) => doelLabel(doelOf(id), id)).join(' en ');

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

  /** After placing a card, focus goes to the "Plaats in…" button of the next card (or the previous, or the heading). */
  const volgendeNa = (key: string) => {
    const i = kaarten.findIndex((k) => k.key === key);
    const next = kaarten[i + 1] ?? kaarten[i - 1];
    return next ? `plaats-${cssId(next.key)}` : 'ongepland-kop';
  };

  /** Closes the keyboard form (Escape or "Annuleren"); focus back to the button that opened it. */
  const sluit = (knopId: string) => {
    setOpen(null);
    setTimeout(() => document.getElementById(knopId)?.focus(), 0);
  };
  return { open, setOpen, sluit, fout, setFout, labelVan, plan, verplaats, haalWeg, volgendeNa };
}

/** Drag and drop: a card onto a period (place or move), a planned card back onto the list (out of the planning). */
function useSlepen({ plan, verplaats, haalWeg, volgendeNa, setFout }: ReturnType<typeof usePlanningActies>) {
  const { route } = useLeerroute();
  const magWijzigen = route.mijnRechten.wijzigen;
  /** The period a card is dragged over ("leerjaar:periode"). */
  const [sleepDoel, setSleepDoel] = useState<string | null>(null);

  const dropOpPeriode = async (event: DragEvent, leerjaar: number, periode: number) => {
    event.preventDefault();
    setSleepDoel(null);
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
  const sleepOverPeriode = (event: DragEvent, key: string) => {
    if (!magWijzigen) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (sleepDoel !== key) setSleepDoel(key);
  };
  const sleepWeg = (key: string) => setSleepDoel((d) => (d === key ? null : d));
  const sleepOverLijst = (event: DragEvent) => {
    if (magWijzigen && event.dataTransfer.types.includes(MIME)) event.preventDefault();
  };
  /** A planned card dropped back on the list: out of the planning. */
  const dropOpLijst = (event: DragEvent) => {
    event.preventDefault();
    const data = leesSleep(event);
    const regel = data?.soort === 'regel' ? route.planning.find((r) => r.id === data.id) : undefined;
    if (regel && magWijzigen) void haalWeg(regel);
  };
  return { sleepDoel, dropOpPeriode, sleepOverPeriode, sleepWeg, sleepOverLijst, dropOpLijst };
}

export type PlanningState = ReturnType<typeof usePlanning>;

/** The keyboard form to place or move: the chosen leerjaar and periode, a refusal, and focus on the list at once. */
export function usePlaatsKeuze(huidig: string | undefined, onKies: (leerjaar: number, periode: number) => Promise<void>) {
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
  return { id, opties, keuze, setKeuze, fout, busy, submit };
}
