/**
 * The crosswalk of a samenwerking: links between vmbo eindtermen and mbo werkprocessen (or keuzedelen) that teachers
 * reviewed. Pure vocabulary and rules; storage is in the crosswalk repository.
 */

/** How an eindterm relates to a werkproces, as a teacher judges it. */
export const RELATIE_TYPES = ['gelijk', 'deels', 'breder', 'smaller', 'verwant'] as const;
export type RelatieType = (typeof RELATIE_TYPES)[number];

export const RELATIE_UITLEG: Record<RelatieType, string> = {
  gelijk: 'de eindterm en het werkproces vragen hetzelfde',
  deels: 'ze overlappen gedeeltelijk',
  breder: 'de eindterm is breder dan het werkproces',
  smaller: 'de eindterm is smaller dan het werkproces (een deel ervan)',
  verwant: 'verwant onderwerp, geen inhoudelijke overlap',
};

export const REVIEW_ACTIES = ['bevestigen', 'afwijzen', 'toevoegen', 'herstellen'] as const;
export type ReviewActie = (typeof REVIEW_ACTIES)[number];

export interface LinkState {
  status: 'bevestigd' | 'afgewezen';
  herkomst: 'voorgesteld' | 'handmatig';
  relatie: RelatieType | null;
}

/**
 * The stored state after a review action. `bestaand` is the current state of the pair (null: never reviewed);
 * `voorgesteld` whether the engine suggests the pair now. Confirming an unsuggested pair is adding it by hand;
 * a manual link keeps its origin when retyped; rejecting keeps the origin too (for history and counts).
 * Restoring (herstellen) undoes a rejection: a suggested link is a suggestion again (null: no stored state), a link
 * added by hand is confirmed again with its type.
 */
export function applyReview(bestaand: LinkState | null, actie: ReviewActie, relatie: RelatieType | null, voorgesteld: boolean): LinkState | null {
  if (actie === 'herstellen') {
    if (bestaand?.status !== 'afgewezen') throw new Error('herstellen: only a rejected link can be restored');
    return bestaand.herkomst === 'handmatig' ? { status: 'bevestigd', herkomst: 'handmatig', relatie } : null;
  }
  const herkomst = bestaand?.herkomst ?? (actie === 'toevoegen' || !voorgesteld ? 'handmatig' : 'voorgesteld');
  if (actie === 'afwijzen') return { status: 'afgewezen', herkomst, relatie: null };
  return { status: 'bevestigd', herkomst, relatie: relatie ?? (bestaand?.status === 'bevestigd' ? bestaand.relatie : null) };
}

/** Whether an action may be taken on a pair in this state (a Dutch reason when not). */
export function reviewRefusal(bestaand: LinkState | null, actie: ReviewActie): string | null {
  if (actie === 'herstellen' && bestaand?.status !== 'afgewezen') return 'Deze koppeling is niet afgewezen; er is niets te herstellen.';
  return null;
}
