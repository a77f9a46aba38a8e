/**
 * The route shown on the leerroute pages, shared by the steps: every change answers with the whole route, which
 * replaces the shown one (so the partner's work appears too). A 409 (someone else changed the same thing) shows a
 * clear message and loads the route again; a live region announces what happened.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { AnderDoel, LeerrouteDetail, LeerrouteDoel } from '../../../shared/leerroute-api.js';
import { ApiError } from '../../api.js';
import { isConflict, leerrouteApi } from '../../lib/leerroute-api.js';

export interface Periode {
  leerjaar: number;
  periode: number;
  fase: 'vmbo' | 'mbo';
  label: string;
}

export interface LeerrouteContextValue {
  route: LeerrouteDetail;
  doelen: ReadonlyMap<string, LeerrouteDoel>;
  /** A doel of the route, or an item the route still names that is no longer one (vervallen, outside the selection). */
  doelOf(id: string): LeerrouteDoel | AnderDoel | undefined;
  perioden: readonly Periode[];
  /** Runs a change; on success shows the answered route and announces `melding`. A 409 reloads. Other errors are thrown. */
  wijzig(work: () => Promise<LeerrouteDetail>, melding: string | ((route: LeerrouteDetail) => string)): Promise<boolean>;
  reload(): Promise<void>;
  announce(text: string): void;
  conflict: string | null;
  dismissConflict(): void;
  announcement: string;
}

const Context = createContext<LeerrouteContextValue | null>(null);

export function periodeLabel(leerjaar: number, periode: number): string {
  return `Leerjaar ${leerjaar}, periode ${periode}`;
}

export function perioden(route: LeerrouteDetail): Periode[] {
  const list: Periode[] = [];
  for (const jaar of [...route.tijdpad].sort((a, b) => a.leerjaar - b.leerjaar)) {
    for (let periode = 1; periode <= jaar.perioden; periode++) list.push({ leerjaar: jaar.leerjaar, periode, fase: jaar.fase, label: periodeLabel(jaar.leerjaar, periode) });
  }
  return list;
}

export function LeerrouteProvider({ initial, children }: { initial: LeerrouteDetail; children: ReactNode }) {
  const [route, setRoute] = useState(initial);
  const [conflict, setConflict] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const counter = useRef(0);

  const announce = useCallback((text: string) => {
    // A repeated identical message must be announced again: alternate an invisible character.
    counter.current += 1;
    setAnnouncement(counter.current % 2 === 0 ? text : `${text}\u00a0`);
  }, []);

  const reload = useCallback(async () => {
    setRoute(await leerrouteApi.get(initial.id));
  }, [initial.id]);

  const wijzig = useCallback(
    async (work: () => Promise<LeerrouteDetail>, melding: string | ((route: LeerrouteDetail) => string)) => {
      try {
        const next = await work();
        setRoute(next);
        setConflict(null);
        announce(typeof melding === 'string' ? melding : melding(next));
        return true;
      } catch (error) {
        if (isConflict(error)) {
          const text = `${error.message} De leerroute is opnieuw geladen met de laatste wijzigingen; bekijk ze en probeer het zo nodig opnieuw.`;
          setConflict(text);
          announce(text);
          try {
            await reload();
          } catch {
            /* the message above already asks to try again */
          }
          return false;
        }
        throw error instanceof ApiError ? error : new ApiError(0, 'Opslaan is niet gelukt.');
      }
    },
    [announce, reload],
  );

  const value = useMemo<LeerrouteContextValue>(() => {
    const doelen = new Map(route.doelen.map((d) => [d.id, d]));
    const andere = new Map(route.andereDoelen.map((d) => [d.id, d]));
    return {
      route,
      doelen,
      doelOf: (id: string) => doelen.get(id) ?? andere.get(id),
      perioden: perioden(route),
      wijzig,
      reload,
      announce,
      conflict,
      dismissConflict: () => setConflict(null),
      announcement,
    };
  }, [route, wijzig, reload, announce, conflict, announcement]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useLeerroute(): LeerrouteContextValue {
  const value = useContext(Context);
  if (!value) throw new Error('useLeerroute buiten LeerrouteProvider');
  return value;
}

/** A doel by code and title, never by its id (issue 12): also an item the catalogue dropped, as the catalogue kept it. */
export function doelLabel(doel: LeerrouteDoel | AnderDoel | undefined, _id: string): string {
  if (!doel) return 'Onbekend doel (hoort niet (meer) bij de route)';
  const naam = `${doel.code} ${doel.titel}`.trim();
  if (!('reden' in doel)) return naam;
  return `${naam} (${doel.reden === 'vervallen' ? 'vervallen in de catalogus' : 'hoort niet (meer) bij de route'})`;
}

export const SOORT_DOEL: Record<LeerrouteDoel['soort'], string> = { eindterm: 'Eindterm', werkproces: 'Werkproces', keuzedeel: 'Keuzedeel' };

/** An element id made from an item id ("25282:B1-K1-W1" → "25282_B1-K1-W1"). */
export function cssId(id: string): string {
  return id.replaceAll(/[^A-Za-z0-9_-]/g, '_');
}
