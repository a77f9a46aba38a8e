/**
 * Steps 3, 4 and 5 of a leerroute (toetsing, activiteiten, materialen) as components without props, so LeerroutePage
 * can load them lazily: one chunk with the form, the tables and the field lists of the three kinds.
 */
import { ACTIVITEITEN, EntiteitStap, MATERIALEN, TOETSEN } from '../components/leerroute/EntiteitStap.js';

export function ToetsenStap() {
  return <EntiteitStap config={TOETSEN} />;
}

export function ActiviteitenStap() {
  return <EntiteitStap config={ACTIVITEITEN} />;
}

export function MaterialenStap() {
  return <EntiteitStap config={MATERIALEN} />;
}
