/**
 * The regelbank (issue 13): the rules as data (regels.json, versioned, parsed once with the shared schema) and the
 * evaluation of every rule's check on a RegelContext, with the samenwerking's "niet van toepassing" marks. Pure.
 */
import { z } from 'zod';
import { Regel, type GeldtVoor, type Markering, type RegelLijst, type RegelUitkomst, type RegelUitkomsten } from '../../shared/regels-api.js';
import DATA from './regels.json' with { type: 'json' };
import { CHECKS } from './checks.js';
import type { RegelContext } from './types.js';

export const REGELS: RegelLijst = z.object({ versie: z.string(), regels: z.array(Regel) }).parse(DATA);
const BY_ID = new Map(REGELS.regels.map((r) => [r.id, r]));

export function regelById(id: string): Regel | undefined {
  return BY_ID.get(id);
}

const NIVEAU_ORDE = { moet: 0, 'mag-niet': 1, advies: 2 } as const;
/** Unmarked violations first, then unknown, marked, met and not applying; within each: moet, mag niet, advies. */
function orde(u: RegelUitkomst): number {
  if (u.markering) return 2;
  return { overtreden: 0, onbekend: 1, voldaan: 3, 'geldt-niet': 4 }[u.status];
}

/**
 * Runs every rule's check. `markeringen`: rule id → mark of this route ("niet van toepassing" with reason);
 * `geldtVoor`: only the rules about that (an agreement's rules).
 */
export function evalueer(ctx: RegelContext, markeringen: ReadonlyMap<string, Markering> = new Map(), opts: { geldtVoor?: GeldtVoor } = {}): RegelUitkomsten {
  const regels = opts.geldtVoor ? REGELS.regels.filter((r) => r.geldtVoor.includes(opts.geldtVoor!)) : REGELS.regels;
  const uitkomsten: RegelUitkomst[] = regels.map((regel) => {
    const check = CHECKS[regel.id];
    if (!check) throw new Error(`Regel ${regel.id} heeft geen controle.`);
    const u = check(ctx);
    return { regel, status: u.status, melding: u.melding, plek: u.plek, markering: markeringen.get(regel.id) ?? null };
  });
  uitkomsten.sort((a, b) => orde(a) - orde(b) || NIVEAU_ORDE[a.regel.niveau] - NIVEAU_ORDE[b.regel.niveau]);
  const open = uitkomsten.filter((u) => !u.markering);
  return {
    versie: REGELS.versie,
    uitkomsten,
    totalen: {
      overtreden: open.filter((u) => u.status === 'overtreden').length,
      onbekend: open.filter((u) => u.status === 'onbekend').length,
      gemarkeerd: uitkomsten.length - open.length,
      voldaan: open.filter((u) => u.status === 'voldaan').length,
    },
    overeenkomst: ctx.route ? (ctx.overeenkomsten.some((o) => o.leerrouteIds.includes(ctx.route!.id)) ? 'gekoppeld' : 'geen') : 'gekoppeld',
  };
}
