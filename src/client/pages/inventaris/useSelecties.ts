/**
 * Saved selections of a samenwerking (issue 12): the list, and saving the current selection under a name, opening,
 * renaming and deleting one. Both schools see the same list; a change made meanwhile by the partner is a 409 whose
 * message is shown, after which the list is loaded again.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { OpgeslagenSelectie, OpgeslagenSelectieInhoud, SelectieOpslaan } from '../../../shared/inventory-api.js';
import { ApiError } from '../../api.js';
import { useAction } from '../../components/ConfirmAction.js';
import { inventoryApi, inventoryUrls, type InventarisSelectie } from '../../lib/inventory-api.js';
import { useApi } from '../../lib/useApi.js';

/** A saved selection as the page's address keeps it (code lists comma-separated). */
export function alsAdres(s: OpgeslagenSelectieInhoud): InventarisSelectie {
  const lijst = (c: string[]) => (c.length > 0 ? c.join(',') : undefined);
  const out: InventarisSelectie = {
    profiel: s.profiel ?? undefined,
    leerweg: s.leerweg ?? undefined,
    keuzevakken: lijst(s.keuzevakken),
    profielmodulen: lijst(s.profielmodulen),
    kwalificatie: s.kwalificatie ?? undefined,
    keuzedelen: lijst(s.keuzedelen),
    min: s.min ?? undefined,
    profielmodulenVanProfiel: s.profielmodulenVanProfiel ?? undefined,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as InventarisSelectie;
}

export function useSelecties(partnershipId: string) {
  const [version, setVersion] = useState(0);
  const state = useApi(`${inventoryUrls.selecties(partnershipId)}#${version}`, (signal) => inventoryApi.selecties(partnershipId, signal));
  return { selecties: state.data?.selecties, magWijzigen: state.data?.magWijzigen ?? false, error: state.error, loading: state.loading, herlaad: () => setVersion((v) => v + 1) };
}

/** "Selectie opslaan": the name of the current selection. */
export function useSelectieOpslaan(partnershipId: string, selectie: InventarisSelectie, onSaved: () => void) {
  const [naam, setNaam] = useState('');
  const action = useAction('Opslaan lukte niet.');
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    void action
      .run(async () => {
        if (!naam.trim()) throw new ApiError(400, 'Geef de selectie een naam.');
        const saved = await inventoryApi.selectieOpslaan(partnershipId, { naam: naam.trim(), selectie: selectie as SelectieOpslaan['selectie'] });
        return `Selectie "${saved.naam}" is opgeslagen. De partner ziet hem ook.`;
      })
      .then((ok) => {
        if (ok) {
          setNaam('');
          onSaved();
        }
      });
  };
  return { naam, setNaam, action, submit };
}

/** One saved selection: rename in place, delete (asked first). A stale versie reloads the list. */
export function useSelectieBeheer(partnershipId: string, s: OpgeslagenSelectie, onChanged: () => void) {
  const [hernoemen, setHernoemen] = useState(false);
  const [naam, setNaam] = useState(s.naam);
  const action = useAction('Opslaan lukte niet.');
  const reloadOnConflict = (e: unknown) => {
    if (e instanceof ApiError && (e.status === 409 || e.status === 404)) onChanged();
    throw e;
  };
  const rename = (ev: FormEvent) => {
    ev.preventDefault();
    void action
      .run(async () => {
        if (!naam.trim()) throw new ApiError(400, 'Geef de selectie een naam.');
        const saved = await inventoryApi.selectieWijzigen(partnershipId, s.id, { versie: s.versie, naam: naam.trim() }).catch(reloadOnConflict);
        return `Selectie heet nu "${saved.naam}".`;
      })
      .then((ok) => {
        if (ok) {
          setHernoemen(false);
          onChanged();
        }
      });
  };
  const remove = async () => {
    await inventoryApi.selectieVerwijderen(partnershipId, s.id, s.versie).catch(reloadOnConflict);
    onChanged();
  };
  return { hernoemen, setHernoemen, naam, setNaam, action, rename, remove };
}
