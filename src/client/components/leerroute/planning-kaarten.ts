/**
 * The cards of the planning step, without React state: the unplanned doelen as cards (a "Beiden" card holds an
 * eindterm with its linked werkprocessen), how a link is described, and what a dragged card carries.
 */
import type { DragEvent } from 'react';
import type { Inventaris } from '../../../shared/inventory-api.js';
import type { LeerrouteDoel } from '../../../shared/leerroute-api.js';

export interface Kaart {
  key: string;
  items: string[];
}

export type Sleep = { soort: 'nieuw'; items: string[] } | { soort: 'regel'; id: string };
export const MIME = 'application/x-doorlopend-planning';

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
export type KoppelStatus = (eindtermId: string, werkprocesId: string) => string | null;
const KOPPEL_TEKST: Record<string, string> = {
  bevestigd: 'koppeling bevestigd',
  handmatig: 'koppeling door een docent gelegd',
  voorgesteld: 'koppeling voorgesteld door de zoekmonitor, nog niet bevestigd',
};

export function koppelStatusVan(links: Inventaris['links']): KoppelStatus {
  const status = new Map(links.map((l) => [`${l.eindtermId}|${l.werkprocesId}`, l.status]));
  return (e, w) => KOPPEL_TEKST[status.get(`${e}|${w}`) ?? ''] ?? null;
}

export function zetSleep(event: DragEvent, data: Sleep) {
  event.dataTransfer.setData(MIME, JSON.stringify(data));
  event.dataTransfer.setData('text/plain', data.soort === 'nieuw' ? data.items.join(',') : data.id);
  event.dataTransfer.effectAllowed = 'move';
}

export function leesSleep(event: DragEvent): Sleep | null {
  try {
    const raw = event.dataTransfer.getData(MIME);
    return raw ? (JSON.parse(raw) as Sleep) : null;
  } catch {
    return null;
  }
}
