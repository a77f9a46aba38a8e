/**
 * The review actions of a samenwerking's crosswalk in the overlap inventory: mark an item as bewust niet gekoppeld,
 * confirm, retype or reject a link, and add a link the engine missed. Each says what happened through `onChanged`.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { InventarisItem, Koppeling, Relatie } from '../../../shared/inventory-api.js';
import { ApiError } from '../../api.js';
import { useAction } from '../../components/ConfirmAction.js';
import { inventoryApi } from '../../lib/inventory-api.js';
import type { Changed } from './labels.js';

/** "Bewust niet gekoppeld" asks for a reason first (issue 12); taking the mark away is one click. */
export function useNietKoppelen(item: InventarisItem, partnershipId: string, onChanged: Changed) {
  const action = useAction('Opslaan lukte niet.');
  const [vragen, setVragen] = useState(false);
  const [reden, setReden] = useState('');
  const save = (bewustNietGekoppeld: boolean) =>
    void action
      .run(async () => {
        if (bewustNietGekoppeld && !reden.trim()) throw new ApiError(400, 'Geef een toelichting: waarom wordt dit item bewust niet gekoppeld?');
        await inventoryApi.nietKoppelen(partnershipId, { itemId: item.id, bewustNietGekoppeld, ...(bewustNietGekoppeld ? { toelichting: reden.trim() } : {}) });
        return null;
      })
      .then((ok) => {
        if (!ok) return;
        setVragen(false);
        setReden('');
        onChanged(`${item.code} ${bewustNietGekoppeld ? 'is gemarkeerd als bewust niet gekoppeld' : 'is niet meer gemarkeerd'}.`);
      });
  const toggle = () => (item.bewustNietGekoppeld ? save(false) : setVragen(true));
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    save(true);
  };
  return { action, toggle, vragen, setVragen, reden, setReden, submit };
}

/** One link: its name (the form's accessible name), the chosen type and toelichting, and the review actions. */
export function useKoppelingBeoordelen(link: Koppeling, byId: ReadonlyMap<string, InventarisItem>, partnershipId: string | undefined, onChanged: Changed) {
  const e = byId.get(link.eindtermId);
  const w = byId.get(link.werkprocesId);
  const name = `Koppeling ${e?.code ?? link.eindtermId} en ${w?.code ?? link.werkprocesId}`;
  const [relatie, setRelatie] = useState<string>(link.relatie ?? '');
  const [toelichting, setToelichting] = useState(link.toelichting ?? '');
  const action = useAction('Opslaan lukte niet.');
  const act = (actie: 'bevestigen' | 'afwijzen' | 'herstellen') =>
    void action
      .run(async () => {
        await inventoryApi.beoordeel(partnershipId!, {
          eindtermId: link.eindtermId,
          werkprocesId: link.werkprocesId,
          actie,
          ...(actie !== 'afwijzen' && relatie ? { relatie: relatie as Relatie } : {}),
          ...(toelichting.trim() ? { toelichting: toelichting.trim() } : {}),
        });
        return null;
      })
      .then(
        (ok) =>
          ok &&
          onChanged(
            actie === 'afwijzen'
              ? `${name} is afgewezen. U vindt hem onder Koppelingen tonen: afgewezen.`
              : actie === 'herstellen'
                ? `De afwijzing van ${name} is hersteld.`
                : `${name} is bevestigd${relatie ? ` (${relatie})` : ''}.`,
            // The link moves between the lists of counted and rejected links: focus goes to the announcement.
            actie === 'afwijzen' || link.status === 'afgewezen',
          ),
      );
  const id = `k-${link.eindtermId}-${link.werkprocesId}`.replace(/[^A-Za-z0-9-]/g, '-');
  return { e, w, name, id, relatie, setRelatie, toelichting, setToelichting, action, act };
}

/** A link added by hand: an eindterm, a werkproces (or keuzedeel), a type and a toelichting. */
export function useKoppelingToevoegen(partnershipId: string, onChanged: Changed) {
  const [eindterm, setEindterm] = useState('');
  const [werkproces, setWerkproces] = useState('');
  const [relatie, setRelatie] = useState('');
  const [toelichting, setToelichting] = useState('');
  const action = useAction('Toevoegen lukte niet.');
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    void action
      .run(async () => {
        if (!eindterm || !werkproces) throw new ApiError(400, 'Kies een eindterm en een werkproces.');
        await inventoryApi.beoordeel(partnershipId, {
          eindtermId: eindterm,
          werkprocesId: werkproces,
          actie: 'toevoegen',
          ...(relatie ? { relatie: relatie as Relatie } : {}),
          ...(toelichting.trim() ? { toelichting: toelichting.trim() } : {}),
        });
        return null;
      })
      .then((ok) => {
        if (ok) {
          setEindterm('');
          setWerkproces('');
          setToelichting('');
          onChanged('Koppeling toegevoegd.');
        }
      });
  };
  return { eindterm, setEindterm, werkproces, setWerkproces, relatie, setRelatie, toelichting, setToelichting, action, submit };
}
