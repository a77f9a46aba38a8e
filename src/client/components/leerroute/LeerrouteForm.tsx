/**
 * The settings of a leerroute: naam, type (with what each type means), the vmbo side (profiel, leerweg, profielmodulen,
 * keuzevakken, picked from the catalogue), the mbo side (kwalificatie by search, keuzedelen) and the tijdpad (leerjaren
 * with fase, perioden and the school that teaches). Used to create a route and to change its settings. A refused
 * request (400) shows an error summary and the messages at the fields.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { LEERROUTE_TYPE_NAMEN, LEERROUTE_TYPES } from '../../../shared/leerroute-api.js';
import type { Fase, LeerrouteType, TijdpadJaar } from '../../../shared/leerroute-api.js';
import { api, ApiError, urls } from '../../api.js';
import { LEERWEG_NAMEN } from '../../lib/format.js';
import { fieldErrors } from '../../lib/leerroute-api.js';
import { useApi } from '../../lib/useApi.js';
import { Button, Code, Fieldset, Heading, Paragraph, SelectField, TextField } from '../../ui/index.js';
import { CodeKeuze, KeuzedelenKeuze, KwalificatieKeuze, useKwalificatie, useVmboOpties } from '../CatalogusKeuze.js';
import { ErrorSummary, type FieldProblem } from './ErrorSummary.js';

export const TYPE_UITLEG: Record<LeerrouteType, string> = {
  doorlopend:
    'Leidt naar een vmbo-diploma én een mbo-diploma in één doorlopend programma, vanaf leerjaar 3. Heeft een leerweg en een kwalificatie, en minstens één vmbo-jaar en één mbo-jaar.',
  geintegreerd: 'Vanuit de basisberoepsgerichte leerweg (BB) rechtstreeks naar een mbo-diploma op niveau 2, zonder vmbo-diploma.',
  'keuzevak-keuzedeel':
    'Eén programma en één examen voor precies één vmbo-keuzevak en één mbo-keuzedeel; zonder profielmodulen en zonder kwalificatie. Het keuzevak telt mee voor het vmbo-diploma, het keuzedeel als behaald keuzedeel in de mbo-opleiding.',
  'gl-tl-niveau4': 'Vanuit de gemengde of theoretische leerweg (GL of TL) naar een mbo-kwalificatie op niveau 4.',
};

export interface Partner {
  id: string;
  naam: string;
  soort: string;
}

interface JaarInvoer {
  leerjaar: string;
  fase: Fase;
  perioden: string;
  organisatieId: string;
}

export interface LeerrouteWaarden {
  naam: string;
  type: LeerrouteType;
  vmbo: { profiel: string | null; leerweg: 'BB' | 'KB' | 'GL' | 'TL' | null; profielmodulen: string[]; keuzevakken: string[] };
  mbo: { kwalificatie: string | null; keuzedelen: string[] };
  tijdpad: TijdpadJaar[];
  /** The schooljaar (cohort) the route starts in, "2026-2027"; null: not given. */
  schooljaar: string | null;
}

export interface LeerroutePrefill {
  naam?: string;
  type?: LeerrouteType;
  profiel?: string;
  profielmodulen?: string[];
  keuzevakken?: string[];
  kwalificatie?: string;
  keuzedelen?: string[];
}

export interface LeerrouteFormProps {
  idPrefix: string;
  heading: string;
  partners: readonly Partner[];
  initial?: LeerrouteWaarden & { kwalificatieNaam?: string | null };
  /** Starting values of a new route (from the zoekmonitor's "Start een leerroute"); `initial` wins over them. */
  prefill?: LeerroutePrefill;
  submitLabel: string;
  busyLabel: string;
  /** Sends the values; a thrown ApiError (400) is shown at the fields. */
  onSubmit: (values: LeerrouteWaarden) => Promise<void>;
}

function defaultTijdpad(partners: readonly Partner[]): JaarInvoer[] {
  const vmbo = partners.find((p) => p.soort === 'vmbo-school')?.id ?? '';
  const mbo = partners.find((p) => p.soort === 'mbo-instelling')?.id ?? '';
  return [
    { leerjaar: '3', fase: 'vmbo', perioden: '4', organisatieId: vmbo },
    { leerjaar: '4', fase: 'vmbo', perioden: '4', organisatieId: vmbo },
    { leerjaar: '5', fase: 'mbo', perioden: '4', organisatieId: mbo },
  ];
}

export function LeerrouteForm({ idPrefix: p, heading, partners, initial, prefill, submitLabel, busyLabel, onSubmit }: LeerrouteFormProps) {
  const [naam, setNaam] = useState(initial?.naam ?? prefill?.naam ?? '');
  const [schooljaar, setSchooljaar] = useState(initial?.schooljaar ?? '');
  const [type, setType] = useState<LeerrouteType>(initial?.type ?? prefill?.type ?? 'doorlopend');
  const [profiel, setProfiel] = useState(initial?.vmbo.profiel ?? prefill?.profiel ?? '');
  const [leerweg, setLeerweg] = useState<string>(initial?.vmbo.leerweg ?? '');
  const [profielmodulen, setProfielmodulen] = useState<string[]>(initial?.vmbo.profielmodulen ?? prefill?.profielmodulen ?? []);
  const [keuzevakken, setKeuzevakken] = useState<string[]>(initial?.vmbo.keuzevakken ?? prefill?.keuzevakken ?? []);
  const [kwalificatie, setKwalificatie] = useState(initial?.mbo.kwalificatie ?? prefill?.kwalificatie ?? '');
  const [keuzedelen, setKeuzedelen] = useState<string[]>(initial?.mbo.keuzedelen ?? prefill?.keuzedelen ?? []);
  const [tijdpad, setTijdpad] = useState<JaarInvoer[]>(
    initial
      ? initial.tijdpad.map((j) => ({ leerjaar: String(j.leerjaar), fase: j.fase, perioden: String(j.perioden ?? 4), organisatieId: j.organisatieId ?? '' }))
      : defaultTijdpad(partners),
  );
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const profielen = useApi(urls.profielen(), (signal) => api.profielen(null, signal));
  const vmbo = useVmboOpties(profiel, leerweg);
  const kwal = useKwalificatie(kwalificatie);

  const errorFor = (fieldId: string) => {
    const messages = problems.filter((x) => x.fieldId === fieldId).map((x) => x.message);
    return messages.length > 0 ? messages.join(' ') : undefined;
  };

  const fieldIdOf = (path: string): string => {
    const parts = path.split('.');
    if (parts[0] === 'naam') return `${p}-naam`;
    if (parts[0] === 'type') return `${p}-type`;
    if (parts[0] === 'schooljaar') return `${p}-schooljaar`;
    if (parts[0] === 'vmbo' && parts[1]) return `${p}-${parts[1]}`;
    if (parts[0] === 'mbo' && parts[1]) return `${p}-${parts[1]}`;
    if (parts[0] === 'tijdpad' && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
      const field = parts[2] ?? '';
      return ['leerjaar', 'fase', 'perioden', 'organisatieId'].includes(field) ? `${p}-jaar-${parts[1]}-${field}` : `${p}-jaar-${parts[1]}`;
    }
    return `${p}-tijdpad`;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local: FieldProblem[] = [];
    if (!naam.trim()) local.push({ fieldId: `${p}-naam`, message: 'Vul een naam in voor de leerroute.' });
    if (schooljaar.trim() && !/^\d{4}-\d{4}$/.test(schooljaar.trim())) local.push({ fieldId: `${p}-schooljaar`, message: 'Schrijf het schooljaar als 2026-2027.' });
    tijdpad.forEach((j, i) => {
      if (!/^\d+$/.test(j.leerjaar.trim())) local.push({ fieldId: `${p}-jaar-${i}-leerjaar`, message: `Rij ${i + 1} van het tijdpad: vul het leerjaar in als getal.` });
      if (!/^\d+$/.test(j.perioden.trim())) local.push({ fieldId: `${p}-jaar-${i}-perioden`, message: `Rij ${i + 1} van het tijdpad: vul het aantal perioden in als getal.` });
    });
    if (tijdpad.length === 0) local.push({ fieldId: `${p}-tijdpad`, message: 'Kies minstens één leerjaar.' });
    setGeneral(null);
    if (local.length > 0) {
      setProblems(local);
      return;
    }
    setProblems([]);
    setBusy(true);
    try {
      await onSubmit({
        naam: naam.trim(),
        type,
        vmbo: { profiel: profiel || null, leerweg: (leerweg || null) as LeerrouteWaarden['vmbo']['leerweg'], profielmodulen, keuzevakken },
        mbo: { kwalificatie: kwalificatie || null, keuzedelen },
        tijdpad: tijdpad.map((j) => ({ leerjaar: Number(j.leerjaar), fase: j.fase, perioden: Number(j.perioden), organisatieId: j.organisatieId || null })),
        schooljaar: schooljaar.trim() || null,
      });
    } catch (error) {
      const fields = fieldErrors(error);
      const message = error instanceof ApiError ? error.message : 'Opslaan is niet gelukt.';
      if (fields.length > 0) {
        setProblems(fields.map((f) => ({ fieldId: fieldIdOf(f.path), message: f.message.charAt(0).toUpperCase() + f.message.slice(1) })));
        setGeneral(null);
      } else {
        setProblems([]);
        setGeneral(message);
      }
    } finally {
      setBusy(false);
    }
  };

  const setJaar = (i: number, patch: Partial<JaarInvoer>) => setTijdpad((t) => t.map((j, k) => (k === i ? { ...j, ...patch } : j)));
  const partnerOpties = [{ value: '', label: 'Nog niet gekozen' }, ...partners.map((x) => ({ value: x.id, label: x.naam }))];

  return (
    <form className="doorlopend-form doorlopend-leerroute-form" noValidate onSubmit={submit} aria-labelledby={`${p}-kop`}>
      <Heading level={2} id={`${p}-kop`}>
        {heading}
      </Heading>
      <ErrorSummary heading="De leerroute is niet opgeslagen" problems={problems} general={general} />
      <TextField id={`${p}-naam`} label="Naam van de leerroute" value={naam} onChange={setNaam} maxLength={200} invalidMessage={errorFor(`${p}-naam`)} />
      <TextField
        id={`${p}-schooljaar`}
        label="Schooljaar (cohort)"
        description="Het schooljaar waarin de eerste leerlingen van deze route beginnen, bijvoorbeeld 2026-2027. Staat boven het PTA en het routedocument."
        value={schooljaar}
        onChange={setSchooljaar}
        maxLength={9}
        invalidMessage={errorFor(`${p}-schooljaar`)}
      />
      <SelectField
        id={`${p}-type`}
        label="Soort leerroute"
        value={type}
        options={LEERROUTE_TYPES.map((t) => ({ value: t, label: LEERROUTE_TYPE_NAMEN[t] }))}
        onChange={(v) => setType(v as LeerrouteType)}
        description={TYPE_UITLEG[type]}
        invalidMessage={errorFor(`${p}-type`)}
      />

      <Heading level={3}>Vmbo-kant</Heading>
      <SelectField
        id={`${p}-profiel`}
        label="Profiel"
        value={profiel}
        busy={profielen.loading}
        options={[{ value: '', label: profielen.data ? 'Kies een profiel' : 'Profielen laden…' }, ...(profielen.data ?? []).map((x) => ({ value: x.code, label: `${x.code} ${x.title}` }))]}
        onChange={setProfiel}
        invalidMessage={errorFor(`${p}-profiel`)}
      />
      <SelectField
        id={`${p}-leerweg`}
        label="Leerweg"
        value={leerweg}
        options={[{ value: '', label: 'Geen leerweg' }, ...(['BB', 'KB', 'GL', 'TL'] as const).map((l) => ({ value: l, label: `${l}: ${LEERWEG_NAMEN[l]}` }))]}
        onChange={setLeerweg}
        description="Alleen de eindtermen van deze leerweg worden doelen van de route."
        invalidMessage={errorFor(`${p}-leerweg`)}
      />
      <CodeKeuze
        id={`${p}-profielmodulen`}
        legend="Profielmodulen"
        invalidMessage={errorFor(`${p}-profielmodulen`)}
        description={profiel ? undefined : 'Kies eerst een profiel.'}
        opties={vmbo.profielmodulen.vanProfiel}
        bekend={vmbo.profielmodulen.alle}
        gekozen={profielmodulen}
        onChange={setProfielmodulen}
        loading={Boolean(profiel) && vmbo.loading}
        leeg={profiel ? 'Geen profielmodulen voor deze leerweg.' : undefined}
      />
      <CodeKeuze
        id={`${p}-keuzevakken`}
        legend="Keuzevakken"
        invalidMessage={errorFor(`${p}-keuzevakken`)}
        description={profiel ? undefined : 'Kies eerst een profiel, of voeg een keuzevak uit de lijst toe.'}
        opties={vmbo.keuzevakken.vanProfiel}
        bekend={vmbo.keuzevakken.alle}
        gekozen={keuzevakken}
        onChange={setKeuzevakken}
        loading={vmbo.loading}
        leeg={profiel ? 'Geen keuzevakken voor deze leerweg.' : undefined}
        toevoegen={{ label: profiel ? 'Ander keuzevak' : 'Keuzevak', description: profiel ? 'Een keuzevak van een ander profiel.' : undefined, knop: 'Keuzevak toevoegen', opties: vmbo.keuzevakken.overige }}
      />

      <Heading level={3}>Mbo-kant</Heading>
      <KwalificatieKeuze
        idPrefix={p}
        label="Kwalificatie"
        value={kwalificatie}
        onChange={setKwalificatie}
        kwalificatie={kwal}
        naam={initial?.kwalificatieNaam}
        invalidMessage={errorFor(`${p}-kwalificatie`)}
      />
      <KeuzedelenKeuze id={`${p}-keuzedelen`} kwalificatie={kwal} gekozen={keuzedelen} onChange={setKeuzedelen} invalidMessage={errorFor(`${p}-keuzedelen`)} />

      <Fieldset
        id={`${p}-tijdpad`}
        legend="Tijdpad"
        description="Per leerjaar: vmbo- of mbo-jaar, het aantal perioden en de school die het jaar verzorgt."
        invalidMessage={errorFor(`${p}-tijdpad`)}
      >
        {tijdpad.map((j, i) => (
          <Fieldset key={i} id={`${p}-jaar-${i}`} legend={`Leerjaar ${j.leerjaar || '?'}`} className="doorlopend-leerroute-jaar" invalidMessage={errorFor(`${p}-jaar-${i}`)}>
            <TextField id={`${p}-jaar-${i}-leerjaar`} label="Leerjaar" type="number" value={j.leerjaar} onChange={(v) => setJaar(i, { leerjaar: v })} maxLength={1} invalidMessage={errorFor(`${p}-jaar-${i}-leerjaar`)} />
            <SelectField
              id={`${p}-jaar-${i}-fase`}
              label="Fase"
              value={j.fase}
              options={[
                { value: 'vmbo', label: 'vmbo-jaar' },
                { value: 'mbo', label: 'mbo-jaar' },
              ]}
              onChange={(v) => setJaar(i, { fase: v as Fase })}
              invalidMessage={errorFor(`${p}-jaar-${i}-fase`)}
            />
            <TextField id={`${p}-jaar-${i}-perioden`} label="Aantal perioden" type="number" value={j.perioden} onChange={(v) => setJaar(i, { perioden: v })} maxLength={2} invalidMessage={errorFor(`${p}-jaar-${i}-perioden`)} />
            <SelectField
              id={`${p}-jaar-${i}-organisatieId`}
              label="School die dit jaar verzorgt"
              value={j.organisatieId}
              options={partnerOpties}
              onChange={(v) => setJaar(i, { organisatieId: v })}
              invalidMessage={errorFor(`${p}-jaar-${i}-organisatieId`)}
            />
            <Button appearance="subtle-button" aria-label={`Leerjaar ${j.leerjaar || i + 1} weghalen`} onClick={() => setTijdpad((t) => t.filter((_, k) => k !== i))}>
              Leerjaar weghalen
            </Button>
          </Fieldset>
        ))}
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            const last = tijdpad[tijdpad.length - 1];
            const next = last && /^\d+$/.test(last.leerjaar) ? String(Number(last.leerjaar) + 1) : '3';
            setTijdpad((t) => [...t, { leerjaar: next, fase: last?.fase ?? 'mbo', perioden: '4', organisatieId: last?.organisatieId ?? '' }]);
          }}
        >
          Leerjaar toevoegen
        </Button>
      </Fieldset>
      <Paragraph>
        <Button type="submit" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </Button>
      </Paragraph>
      {kwal ? (
        <Paragraph className="doorlopend-meta">
          Gekozen: <Code>{kwal.crebo}</Code> {kwal.naam}
        </Paragraph>
      ) : null}
    </form>
  );
}
