/**
 * State, derived data and API calls of the overlap inventory (InventarisPage): the selection kept in the address and
 * the inventory loaded for it, the selection form, the filters of the result and the announcement after a review.
 * The views next to this file only render what these hooks give them.
 */
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { Inventaris, InventarisItem } from '../../../shared/inventory-api.js';
import { api, urls } from '../../api.js';
import { useKwalificatie, useVmboOpties } from '../../components/CatalogusKeuze.js';
import { useSessionExpiry } from '../../components/SignedInOnly.js';
import { inventoryApi, inventoryUrls, type InventarisSelectie } from '../../lib/inventory-api.js';
import { fieldErrors } from '../../lib/leerroute-api.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { cached, useApi } from '../../lib/useApi.js';
import { useQueryParams } from '../../lib/useQueryParams.js';
import type { Changed } from './labels.js';

const FIELDS = ['profiel', 'profielmodulenVanProfiel', 'leerweg', 'keuzevakken', 'profielmodulen', 'kwalificatie', 'keuzedelen', 'min'] as const;

export type Problems = Array<{ path: string; message: string }>;

function selectieFrom(params: URLSearchParams): InventarisSelectie {
  const s: InventarisSelectie = {};
  for (const f of FIELDS) {
    const v = params.get(f)?.trim();
    if (v) s[f] = v;
  }
  return s;
}

/** The selection in the address, the inventory for it (once both sides are chosen) and the ways to change both. */
export function useInventaris(partnershipId?: string) {
  const { params, update } = useQueryParams();
  const selectie = selectieFrom(params);
  const complete = Boolean((selectie.profiel || selectie.keuzevakken || selectie.profielmodulen) && (selectie.kwalificatie || selectie.keuzedelen));
  const [version, setVersion] = useState(0);
  const url = inventoryUrls.inventaris(selectie, partnershipId);
  const state = useApi(complete ? `${url}#${version}` : null, (signal) => inventoryApi.inventaris(selectie, partnershipId, signal));
  useSessionExpiry(state.error);
  const inv = complete ? state.data : undefined;
  useDocumentTitle(inv?.samenwerking ? `Overlapinventaris – ${inv.samenwerking.naam}` : 'Overlapinventaris');
  return {
    selectie,
    complete,
    inv,
    error: state.error,
    busy: state.loading,
    /** A new address gives the selection form its values again. */
    formKey: params.toString(),
    problems: (complete ? fieldErrors(state.error) : []) as Problems,
    kies: (s: InventarisSelectie) => update(Object.fromEntries(FIELDS.map((f) => [f, s[f] ?? null])), { replace: false }),
    kiesMin: (min: string) => update({ min: min === 'mogelijk' ? null : min }),
    herlaad: () => setVersion((v) => v + 1),
  };
}

const codes = (v: string | undefined) => (v ?? '').split(',').map((c) => c.trim()).filter(Boolean);
const lijst = (c: string[]) => (c.length > 0 ? c.join(',') : undefined);

/**
 * The selection form: profiel and leerweg, keuzevakken, profielmodulen and keuzedelen as code lists, the kwalificatie
 * by crebo. Refusals of the server (a code that does not exist) are given per field.
 */
export function useSelectieForm(initial: InventarisSelectie, problems: Problems, onSubmit: (s: InventarisSelectie) => void) {
  const [profiel, kiesProfiel] = useState(initial.profiel ?? '');
  // Issue 12: choosing a profiel asks whether its profielmodulen should count, instead of adding them silently. Once
  // asked ('nee' in the address), only the profielmodulen ticked here count; an older address keeps the old meaning.
  const [vanProfiel, setVanProfiel] = useState(initial.profielmodulenVanProfiel ?? '');
  const [vraag, setVraag] = useState<string | null>(null);
  const [leerweg, setLeerweg] = useState(initial.leerweg ?? '');
  const [keuzevakken, setKeuzevakken] = useState(codes(initial.keuzevakken));
  const [profielmodulen, setProfielmodulen] = useState(codes(initial.profielmodulen));
  const [kwalificatie, setKwalificatie] = useState(initial.kwalificatie ?? '');
  const [keuzedelen, setKeuzedelen] = useState(codes(initial.keuzedelen));
  const vmbo = useVmboOpties(profiel, leerweg);
  const kwal = useKwalificatie(kwalificatie);
  const setProfiel = (v: string) => {
    kiesProfiel(v);
    setVanProfiel(v ? 'nee' : '');
    setVraag(v || null);
  };
  const profielVraag = vraag
    ? {
        profiel: vraag,
        modulen: vmbo.profielmodulen.vanProfiel,
        ja: () => {
          setProfielmodulen((huidig) => [...new Set([...huidig, ...vmbo.profielmodulen.vanProfiel.map((m) => m.code)])]);
          setVraag(null);
        },
        nee: () => {
          const vanDitProfiel = new Set(vmbo.profielmodulen.vanProfiel.map((m) => m.code));
          setProfielmodulen((huidig) => huidig.filter((c) => !vanDitProfiel.has(c)));
          setVraag(null);
        },
      }
    : null;
  const errorFor = (field: keyof InventarisSelectie) => {
    const messages = problems.filter((x) => x.path.replace(/^query\.?/, '').split('.')[0] === field).map((x) => x.message);
    return messages.length > 0 ? messages.join(' ') : undefined;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({
      ...(initial.min ? { min: initial.min } : {}),
      profiel: profiel || undefined,
      profielmodulenVanProfiel: profiel && vanProfiel === 'nee' ? 'nee' : undefined,
      leerweg: leerweg || undefined,
      keuzevakken: lijst(keuzevakken),
      profielmodulen: lijst(profielmodulen),
      kwalificatie: kwalificatie || undefined,
      keuzedelen: lijst(keuzedelen),
    });
  };
  return {
    profiel, setProfiel, expliciet: vanProfiel === 'nee', profielVraag, leerweg, setLeerweg, keuzevakken, setKeuzevakken, profielmodulen, setProfielmodulen,
    kwalificatie, setKwalificatie, keuzedelen, setKeuzedelen, vmbo, kwal, errorFor, submit,
  };
}

export type SelectieFormState = ReturnType<typeof useSelectieForm>;

/** The profielen of the catalogue as options; a value from the address stays selectable while the list loads. */
export function useProfielOpties(value: string) {
  const { data, loading } = useApi(urls.profielen(), () => cached(urls.profielen(), () => api.profielen()));
  const options = [{ value: '', label: 'Geen profiel' }, ...(data ?? []).map((p) => ({ value: p.code, label: `${p.afkorting} – ${p.naam}` }))];
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: value });
  return { options, loading };
}

export type Toon = 'alle' | 'voorgesteld' | 'beoordeeld' | 'afgewezen';

/** The result: the text filter, which links to show, the three columns and the announcement after a review. */
export function useResultaat(inv: Inventaris, reload: () => void, canReview: boolean) {
  const [filter, setFilter] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const onChanged: Changed = (message, moveFocus) => {
    setAnnouncement(message);
    if (moveFocus) statusRef.current?.focus();
    reload();
  };
  const [toon, setToon] = useState<Toon>('alle');
  const byId = new Map([...inv.vmbo, ...inv.mbo].map((i) => [i.id, i]));
  const needle = filter.trim().toLowerCase();
  const matches = (i: InventarisItem | undefined) => !needle || (i !== undefined && `${i.code} ${i.titel} ${i.context.join(' ')}`.toLowerCase().includes(needle));
  const alleenVmbo = inv.vmbo.filter((i) => i.classificatie === 'alleen-vmbo' && matches(i));
  const alleenMbo = inv.mbo.filter((i) => i.classificatie === 'alleen-mbo' && matches(i));
  const links = (toon === 'afgewezen' ? inv.afgewezen : inv.links)
    .filter((l) => toon === 'alle' || toon === 'afgewezen' || (toon === 'voorgesteld') === (l.status === 'voorgesteld'))
    .filter((l) => matches(byId.get(l.eindtermId)) || matches(byId.get(l.werkprocesId)));
  return { filter, setFilter, toon, setToon, announcement, statusRef, onChanged, byId, alleenVmbo, alleenMbo, links, canReview };
}

export type ResultaatState = ReturnType<typeof useResultaat>;
