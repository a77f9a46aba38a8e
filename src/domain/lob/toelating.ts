/**
 * The admission dates for the mbo that the oplegger shows (brochure "Wat moet en wat mag", toelating): a pupil who
 * signs up before 1 April has the right to admission to the opleiding of their choice (when they meet the prior
 * education requirements and attend the intake where it is required), and an opleiding that sets extra admission
 * requirements publishes them before 1 February preceding the schooljaar. Pure.
 */
import type { Toelatingsdatums } from '../../shared/lob-api.js';

/** For an opleiding that starts in (August of) `startjaar`. */
export function toelatingsdatums(startjaar: number): Toelatingsdatums {
  return { aanmeldenVoor: `${startjaar}-04-01`, aanvullendeEisenBekendVoor: `${startjaar}-02-01` };
}

/** The first schooljaar a pupil can still sign up for with the right to admission, on a given day (YYYY-MM-DD). */
export function eerstvolgendStartjaar(vandaag: string): number {
  const jaar = Number(vandaag.slice(0, 4));
  return vandaag < `${jaar}-04-01` ? jaar : jaar + 1;
}
