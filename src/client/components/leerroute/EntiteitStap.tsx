/**
 * Steps 3, 4 and 5: toetsen, activiteiten and materialen per leerjaar and periode. One form (add, or change with the
 * versie last seen) described by a list of fields, and per period a table. A link from the coverage panel
 * (?leerjaar=&periode=&doel=) opens the form on that period with that doel chosen.
 *
 * The kinds and their fields are in entiteit-config, state and API calls in useEntiteit, the views in EntiteitForm and
 * EntiteitTabel.
 */
import type { Config } from './entiteit-config.js';
import { EntiteitForm } from './EntiteitForm.js';
import { EntiteitOverzicht } from './EntiteitTabel.js';
import { useEntiteit } from './useEntiteit.js';

export { ACTIVITEITEN, MATERIALEN, TOETSEN } from './entiteit-config.js';

export function EntiteitStap({ config }: { config: Config }) {
  const e = useEntiteit(config);
  return (
    <div className="doorlopend-leerroute-entiteiten">
      {e.magWijzigen ? <EntiteitForm e={e} /> : null}
      <EntiteitOverzicht e={e} />
    </div>
  );
}
