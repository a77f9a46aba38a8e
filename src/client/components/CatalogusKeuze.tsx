/**
 * Pickers for a selection from the catalogue, shared by the leerroute form and the overlap inventory: profielmodulen
 * and keuzevakken (checkboxes for the chosen profiel, and a list of all the others to add one from any profiel), a
 * kwalificatie (search by name or crebo, then pick from the results) and keuzedelen (those of the kwalificatie, and a
 * list of all to add from). The values are codes, so a selection still fits in an address. Native controls only: keyboard-operable;
 * descriptions and refusals are tied to their group or field (aria-describedby).
 */
import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { KwalificatieDetail, KwalificatieSummary } from '../../shared/mbo-api.js';
import { api, ApiError, urls } from '../api.js';
import { cached, useApi } from '../lib/useApi.js';
import { Button, CheckboxField, Fieldset, Paragraph, SelectField } from '../ui/index.js';
import { ZoekVeld } from './ZoekVeld.js';

export interface CodeOptie {
  code: string;
  titel: string;
  /** Shown after the title in the list to add from, e.g. the profiel. */
  bij?: string;
}

type Leerweg = 'BB' | 'KB' | 'GL' | 'TL';
const codeId = (code: string) => code.replaceAll(/[^A-Za-z0-9]/g, '-');
const label = (o: CodeOptie) => `${o.code} ${o.titel}`.trim();

/**
 * The active profielmodulen and keuzevakken of the catalogue for a leerweg (all leerwegen when none), split into
 * those of `profiel` and the others.
 */
export function useVmboOpties(profiel: string, leerweg: string) {
  const modules = useApi(urls.profielmodulen(), () => cached(urls.profielmodulen(), () => api.profielmodulen()));
  const vakken = useApi(urls.keuzevakken(), () => cached(urls.keuzevakken(), () => api.keuzevakken()));
  return useMemo(() => {
    const past = (leerwegen: readonly string[]) => !leerweg || leerwegen.includes(leerweg as Leerweg);
    const split = (items: ReadonlyArray<{ code: string; title: string; status: string; leerwegen: readonly string[]; profiel: { code: string; afkorting: string } }> | undefined) => {
      const actief = (items ?? []).filter((i) => i.status === 'actief' && past(i.leerwegen));
      const optie = (i: (typeof actief)[number]): CodeOptie => ({ code: i.code, titel: i.title, bij: i.profiel.afkorting });
      return {
        vanProfiel: profiel ? actief.filter((i) => i.profiel.code === profiel).map(optie) : [],
        overige: actief.filter((i) => !profiel || i.profiel.code !== profiel).map(optie),
        alle: (items ?? []).map(optie),
      };
    };
    return { profielmodulen: split(modules.data), keuzevakken: split(vakken.data), loading: modules.loading || vakken.loading };
  }, [modules.data, modules.loading, vakken.data, vakken.loading, profiel, leerweg]);
}

export interface CodeKeuzeProps {
  /** Id of the group; the checkboxes are `${id}-<code>`. */
  id: string;
  legend: string;
  description?: ReactNode;
  invalidMessage?: ReactNode;
  /** Shown as checkboxes. */
  opties: readonly CodeOptie[];
  gekozen: readonly string[];
  onChange: (codes: string[]) => void;
  /** To name chosen codes that `opties` does not hold. */
  bekend?: readonly CodeOptie[];
  loading?: boolean;
  /** Shown when there is nothing to tick (and the list is loaded). */
  leeg?: string;
  /** A list to add one more item from (e.g. a keuzevak of another profiel). */
  toevoegen?: { label: string; description?: string; knop: string; opties: readonly CodeOptie[] };
}

/** A group of checkboxes for codes, with the chosen codes always visible, and optionally a list to add from. */
export function CodeKeuze({ id, legend, description, invalidMessage, opties, gekozen, onChange, bekend = [], loading, leeg, toevoegen }: CodeKeuzeProps) {
  const [nieuw, setNieuw] = useState('');
  const [gemeld, setGemeld] = useState('');
  const naam = (code: string) => [...opties, ...bekend].find((o) => o.code === code);
  const extra = gekozen.filter((c) => !opties.some((o) => o.code === c)).map((c) => naam(c) ?? { code: c, titel: '' });
  const zet = (code: string, aan: boolean) => onChange(aan ? [...new Set([...gekozen, code])] : gekozen.filter((c) => c !== code));
  const toevoegOpties = toevoegen ? toevoegen.opties.filter((o) => !gekozen.includes(o.code)) : [];
  return (
    <Fieldset id={id} legend={legend} description={description} invalidMessage={invalidMessage}>
      {loading ? <Paragraph role="status">{legend} laden…</Paragraph> : null}
      {[...opties, ...extra].map((o) => (
        <CheckboxField key={o.code} id={`${id}-${codeId(o.code)}`} label={label(o)} checked={gekozen.includes(o.code)} onChange={(aan) => zet(o.code, aan)} />
      ))}
      {!loading && leeg && opties.length + extra.length === 0 ? <Paragraph>{leeg}</Paragraph> : null}
      {toevoegen ? (
        <div className="doorlopend-leerroute-zoek">
          <SelectField
            id={`${id}-toevoegen`}
            label={toevoegen.label}
            description={toevoegen.description}
            value={nieuw}
            busy={loading}
            onChange={setNieuw}
            options={[{ value: '', label: loading ? 'Laden…' : 'Kies uit de lijst' }, ...toevoegOpties.map((o) => ({ value: o.code, label: `${label(o)}${o.bij ? ` (${o.bij})` : ''}` }))]}
          />
          <Button
            appearance="secondary-action-button"
            onClick={() => {
              if (!nieuw) {
                setGemeld(`Kies eerst iets in de lijst ${toevoegen.label}.`);
                return;
              }
              zet(nieuw, true);
              setGemeld(`${label(naam(nieuw) ?? toevoegen.opties.find((o) => o.code === nieuw) ?? { code: nieuw, titel: '' })} is toegevoegd.`);
              setNieuw('');
            }}
          >
            {toevoegen.knop}
          </Button>
          <p role="status" className="doorlopend-meta">
            {gemeld}
          </p>
        </div>
      ) : null}
    </Fieldset>
  );
}

/** The kwalificatie with this crebo (null while loading or without a valid crebo). */
export function useKwalificatie(crebo: string): KwalificatieDetail | null {
  const valid = /^\d{5}$/.test(crebo);
  const detail = useApi(valid ? urls.kwalificatie(crebo) : null, (signal) => api.kwalificatie(crebo, signal));
  return valid && detail.data && detail.data.crebo === crebo ? detail.data : null;
}

export interface KwalificatieKeuzeProps {
  /** Ids: `${idPrefix}-kwalificatie-zoek` (search) and `${idPrefix}-kwalificatie` (the list). */
  idPrefix: string;
  label: string;
  value: string;
  onChange: (crebo: string) => void;
  /** The chosen kwalificatie (useKwalificatie), for its name and description. */
  kwalificatie: KwalificatieDetail | null;
  /** Name to show for `value` before its details are loaded. */
  naam?: string | null;
  invalidMessage?: ReactNode;
}

/** A kwalificatie: search by name or crebo, then pick one of the results. */
export function KwalificatieKeuze({ idPrefix: p, label: selectLabel, value, onChange, kwalificatie: kwal, naam, invalidMessage }: KwalificatieKeuzeProps) {
  const [zoek, setZoek] = useState('');
  const [gevonden, setGevonden] = useState<KwalificatieSummary[] | null>(null);
  const [zoekStatus, setZoekStatus] = useState('');

  const zoekKwalificatie = async () => {
    const q = zoek.trim();
    if (!q) {
      setZoekStatus('Vul een naam of crebo in om te zoeken.');
      return;
    }
    setZoekStatus('Bezig met zoeken…');
    try {
      const found = /^\d{5}$/.test(q) ? await api.kwalificaties({ q }).then(async (l) => (l.length > 0 ? l : [await api.kwalificatie(q)])) : await api.kwalificaties({ q });
      setGevonden(found);
      setZoekStatus(found.length === 0 ? 'Geen kwalificaties gevonden.' : `${found.length} ${found.length === 1 ? 'kwalificatie' : 'kwalificaties'} gevonden; kies er een in de lijst ${selectLabel}.`);
      if (found.length === 1) onChange(found[0]!.crebo);
    } catch (error) {
      setGevonden([]);
      setZoekStatus(error instanceof ApiError ? error.message : 'Zoeken is niet gelukt.');
    }
  };

  const opties = [
    { value: '', label: 'Geen kwalificatie' },
    ...(value && !(gevonden ?? []).some((k) => k.crebo === value) ? [{ value, label: `${value} ${kwal?.naam ?? naam ?? ''}`.trim() }] : []),
    ...(gevonden ?? []).map((k) => ({ value: k.crebo, label: `${k.crebo} ${k.naam} (niveau ${k.niveau})` })),
  ];
  return (
    <>
      <div className="doorlopend-leerroute-zoek">
        {/* Inside the leerroute form and the inventory's selection form: Enter searches, it does not send the form. */}
        <ZoekVeld
          id={`${p}-kwalificatie-zoek`}
          label="Kwalificatie zoeken"
          description="Naam of crebo, bijvoorbeeld koude of 25282"
          value={zoek}
          onChange={setZoek}
          onZoek={() => void zoekKwalificatie()}
        />
        <Button appearance="secondary-action-button" onClick={() => void zoekKwalificatie()}>
          Zoek kwalificatie
        </Button>
        <p role="status" className="doorlopend-meta">
          {zoekStatus}
        </p>
      </div>
      <SelectField
        id={`${p}-kwalificatie`}
        label={selectLabel}
        value={value}
        options={opties}
        onChange={onChange}
        description={kwal ? `Niveau ${kwal.niveau}, dossier ${kwal.dossierTitel ?? kwal.dossierCrebo}.` : 'Zoek eerst een kwalificatie.'}
        invalidMessage={invalidMessage}
      />
    </>
  );
}

export interface KeuzedelenKeuzeProps {
  /** Id of the group; the checkboxes are `${id}-<code>`. */
  id: string;
  kwalificatie: KwalificatieDetail | null;
  gekozen: readonly string[];
  onChange: (codes: string[]) => void;
  invalidMessage?: ReactNode;
}

/**
 * Keuzedelen: the keuzedelen of the chosen kwalificatie as checkboxes, and a list of all other active keuzedelen to add
 * one from (without a kwalificatie only that list: there are too many keuzedelen for checkboxes).
 */
export function KeuzedelenKeuze({ id, kwalificatie: kwal, gekozen, onChange, invalidMessage }: KeuzedelenKeuzeProps) {
  const alle = useApi(urls.keuzedelen(), () => cached(urls.keuzedelen(), () => api.keuzedelen({})));
  const opties = useMemo<CodeOptie[]>(() => {
    if (!kwal) return [];
    const map = new Map<string, string>();
    for (const k of [...(kwal.keuzedelen.gekoppeld ?? []), ...kwal.keuzedelen.aangeboden]) map.set(k.code, k.titel ?? '');
    return [...map].map(([code, titel]) => ({ code, titel }));
  }, [kwal]);
  const bekend = useMemo(() => (alle.data ?? []).map((k) => ({ code: k.code, titel: k.titel })), [alle.data]);
  const overige = useMemo(
    () => (alle.data ?? []).filter((k) => k.status === 'actief' && !opties.some((o) => o.code === k.code)).map((k) => ({ code: k.code, titel: k.titel })),
    [alle.data, opties],
  );
  return (
    <CodeKeuze
      id={id}
      legend="Keuzedelen"
      description={kwal ? `De keuzedelen bij ${kwal.naam}; voeg er zo nodig een uit de lijst toe.` : 'Kies een keuzedeel uit de lijst, of kies eerst een kwalificatie om de keuzedelen daarbij te zien.'}
      invalidMessage={invalidMessage}
      opties={opties}
      bekend={bekend}
      gekozen={gekozen}
      onChange={onChange}
      loading={alle.loading}
      leeg={kwal ? 'Geen keuzedelen bij deze kwalificatie.' : undefined}
      toevoegen={{ label: kwal ? 'Ander keuzedeel' : 'Keuzedeel', knop: 'Keuzedeel toevoegen', opties: overige }}
    />
  );
}
