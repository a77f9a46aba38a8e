/**
 * The fields of a menukaart module (issue 15), shared by proposing a module and changing one (a returned module the
 * school fixes, then sends back for publication). Errors of the server (problem+json `errors` with `body.<field>`)
 * and of the form itself are shown at their field, and the focus moves to the first field with an error.
 */
import { useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { MODULE_SOORT_NAMEN, MODULE_SOORTEN, PERIODE_NAMEN, PERIODEN, type MenukaartBeheer, type ModuleDetail, type ModuleInvoer, type ModuleSoort, type Periode } from '../../../shared/menukaart-api.js';
import { LEERWEGEN } from '../../../shared/catalog-api.js';
import { ApiError } from '../../api.js';
import { Button, CheckboxField, Fieldset, Paragraph, SelectField, TextField } from '../../ui/index.js';

export const foutMelding = (e: unknown) => (e instanceof ApiError ? e.message : 'Opslaan is niet gelukt.');

export function TextArea({ id, label, value, onChange, description, invalidMessage }: { id: string; label: string; value: string; onChange: (v: string) => void; description?: ReactNode; invalidMessage?: string }) {
  const beschrijvingId = description ? `${id}-beschrijving` : undefined;
  const foutId = invalidMessage ? `${id}-fout` : undefined;
  return (
    <div className={`utrecht-form-field${invalidMessage ? ' utrecht-form-field--invalid' : ''}`}>
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      {description ? (
        <p className="utrecht-form-field-description" id={beschrijvingId}>
          {description}
        </p>
      ) : null}
      {invalidMessage ? (
        <p className="utrecht-form-field-description utrecht-form-field-description--invalid" id={foutId}>
          {invalidMessage}
        </p>
      ) : null}
      <textarea
        id={id}
        className="doorlopend-mk-textarea"
        value={value}
        maxLength={4000}
        aria-invalid={invalidMessage ? true : undefined}
        aria-describedby={[beschrijvingId, foutId].filter(Boolean).join(' ') || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

export const leegVoorstel = (aanbiederId: string): ModuleInvoer => ({
  titel: '', beschrijving: '', soort: 'kennismakend', omvangEenheden: 1, aanbiederId, vestigingId: null, locatie: '', leerjaar: 3, periode: 'P1', leerwegen: [], capaciteit: 20,
  voorwaarden: [], keuzevakken: [], profielmodulen: [], keuzedelen: [], kwalificaties: [], profielen: [], leerrouteId: null,
});

/** The stored module as the input of a change: every field as it is now. */
export function invoerVan(m: ModuleDetail): ModuleInvoer {
  return {
    titel: m.titel,
    beschrijving: m.beschrijving,
    soort: m.soort,
    omvangEenheden: m.omvangEenheden,
    aanbiederId: m.aanbieder.id,
    vestigingId: m.vestiging?.id ?? null,
    locatie: m.locatie,
    leerjaar: m.leerjaar,
    periode: m.periode,
    leerwegen: m.leerwegen as ModuleInvoer['leerwegen'],
    capaciteit: m.capaciteit,
    voorwaarden: m.voorwaarden.map((v) => v.id),
    keuzevakken: m.keuzevakken.map((c) => c.code),
    profielmodulen: m.profielmodulen.map((c) => c.code),
    keuzedelen: m.keuzedelen.map((c) => c.code),
    kwalificaties: m.kwalificaties.map((c) => c.code),
    profielen: m.profielen.map((c) => c.code),
    leerrouteId: m.leerroute?.id ?? null,
  };
}

const codes = (s: string) => s.split(/[,\s]+/).map((c) => c.trim()).filter(Boolean);
type CodeVeld = 'keuzevakken' | 'profielmodulen' | 'keuzedelen' | 'kwalificaties' | 'profielen';
const CODE_VELDEN: readonly CodeVeld[] = ['keuzevakken', 'profielmodulen', 'keuzedelen', 'kwalificaties', 'profielen'];

/** The order of the fields on the form: the first one with an error gets the focus. */
const VELD_VOLGORDE = ['titel', 'beschrijving', 'soort', 'omvangEenheden', 'aanbiederId', 'vestigingId', 'locatie', 'leerjaar', 'periode', 'leerwegen', 'capaciteit', ...CODE_VELDEN, 'voorwaarden'] as const;

export interface ModuleFormProps {
  /** Prefix of the element ids: two forms may be on one page. */
  idPrefix: string;
  naam: string;
  beginwaarde: ModuleInvoer;
  scholen: MenukaartBeheer['scholen'];
  /** The schools this user may offer a module for. */
  aanbieders: Array<{ id: string; naam: string }>;
  /** Modules that may be a prerequisite (not this module itself). */
  voorwaardeModulen: Array<{ id: string; titel: string }>;
  /** The leerroute the module is linked to (kept as it is; shown for information). */
  leerroute?: { naam: string } | null;
  knop: string;
  bezigKnop: string;
  onOpslaan: (invoer: ModuleInvoer) => Promise<void>;
  children?: ReactNode;
}

export function ModuleForm({ idPrefix: p, naam, beginwaarde, scholen, aanbieders, voorwaardeModulen, leerroute, knop, bezigKnop, onOpslaan, children }: ModuleFormProps) {
  const [v, setV] = useState<ModuleInvoer>(beginwaarde);
  const [tekst, setTekst] = useState<Record<CodeVeld, string>>(() => Object.fromEntries(CODE_VELDEN.map((k) => [k, beginwaarde[k].join(', ')])) as Record<CodeVeld, string>);
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const algemeenRef = useRef<HTMLParagraphElement>(null);
  const zet = <K extends keyof ModuleInvoer>(k: K, waarde: ModuleInvoer[K]) => setV((o) => ({ ...o, [k]: waarde }));
  const vestigingen = scholen.find((s) => s.id === v.aanbiederId)?.vestigingen ?? [];
  const aanbiederOpties = aanbieders.some((s) => s.id === v.aanbiederId) ? aanbieders : [...aanbieders, ...scholen.filter((s) => s.id === v.aanbiederId)];

  const elementVan = (veld: string): string | null => {
    if (veld === 'leerwegen') return `${p}-leerweg-${LEERWEGEN[0]}`;
    if (veld === 'voorwaarden') return voorwaardeModulen[0] ? `${p}-voorwaarde-${voorwaardeModulen[0].id}` : null;
    if (veld === 'omvangEenheden') return `${p}-omvang`;
    if (veld === 'aanbiederId') return `${p}-aanbieder`;
    if (veld === 'vestigingId') return vestigingen.length ? `${p}-vestiging` : null;
    return (VELD_VOLGORDE as readonly string[]).includes(veld) ? `${p}-${veld}` : null;
  };
  /** Shows the errors and moves the focus to the first field with one (or to the general message). */
  const toon = (nieuw: Record<string, string>) => {
    setFouten(nieuw);
    const eerste = VELD_VOLGORDE.find((veld) => nieuw[veld] && elementVan(veld));
    // After React has drawn the messages.
    setTimeout(() => {
      if (eerste) document.getElementById(elementVan(eerste)!)?.focus();
      else algemeenRef.current?.focus();
    }, 0);
  };

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const lokaal: Record<string, string> = {};
    if (!v.titel.trim()) lokaal.titel = 'Geef de module een titel.';
    if (v.leerwegen.length === 0) lokaal.leerwegen = 'Kies ten minste één leerweg.';
    if (Object.keys(lokaal).length) return toon(lokaal);
    setBusy(true);
    setFouten({});
    try {
      await onOpslaan({ ...v, titel: v.titel.trim(), ...(Object.fromEntries(CODE_VELDEN.map((k) => [k, codes(tekst[k])])) as Record<CodeVeld, string[]>) });
    } catch (err) {
      const velden: Record<string, string> = {};
      for (const f of (err instanceof ApiError ? err.problem?.errors : undefined) ?? []) {
        const veld = f.path.replace(/^body\./, '').split('.')[0]!;
        if (elementVan(veld)) velden[veld] ??= f.message;
        else velden.algemeen ??= f.message;
      }
      toon(Object.keys(velden).length ? velden : { algemeen: foutMelding(err) });
    } finally {
      setBusy(false);
    }
  };

  const codeVeld = (k: CodeVeld, label: string, description: string) => (
    <TextField id={`${p}-${k}`} label={label} description={description} value={tekst[k]} onChange={(x) => setTekst((t) => ({ ...t, [k]: x }))} invalidMessage={fouten[k]} />
  );
  return (
    <form className="doorlopend-form" noValidate aria-label={naam} onSubmit={(e) => void onSubmit(e)} aria-busy={busy || undefined}>
      {children}
      <p role="alert" ref={algemeenRef} tabIndex={-1} className={fouten.algemeen ? 'doorlopend-mk-fout' : undefined}>
        {fouten.algemeen ?? ''}
      </p>
      <TextField id={`${p}-titel`} label="Titel" value={v.titel} onChange={(x) => zet('titel', x)} maxLength={200} invalidMessage={fouten.titel} />
      <TextArea id={`${p}-beschrijving`} label="Beschrijving" value={v.beschrijving} onChange={(x) => zet('beschrijving', x)} description="Wat leerlingen doen en leren, in gewone woorden." invalidMessage={fouten.beschrijving} />
      <SelectField id={`${p}-soort`} label="Soort module" value={v.soort} options={MODULE_SOORTEN.map((s) => ({ value: s, label: MODULE_SOORT_NAMEN[s] }))} onChange={(x) => zet('soort', x as ModuleSoort)} invalidMessage={fouten.soort} />
      <SelectField
        id={`${p}-omvang`}
        label="Omvang"
        description="In vaste eenheden van ongeveer 40 uur."
        value={String(v.omvangEenheden)}
        options={[1, 2, 3, 4].map((n) => ({ value: String(n), label: n === 1 ? '1 eenheid' : `${n} eenheden` }))}
        onChange={(x) => zet('omvangEenheden', Number(x))}
        invalidMessage={fouten.omvangEenheden}
      />
      <SelectField id={`${p}-aanbieder`} label="Aanbieder" value={v.aanbiederId} options={aanbiederOpties.map((s) => ({ value: s.id, label: s.naam }))} onChange={(x) => setV((o) => ({ ...o, aanbiederId: x, vestigingId: null }))} invalidMessage={fouten.aanbiederId} />
      {vestigingen.length ? (
        <SelectField
          id={`${p}-vestiging`}
          label="Vestiging"
          value={v.vestigingId ?? ''}
          options={[{ value: '', label: 'Geen bepaalde vestiging' }, ...vestigingen.map((x) => ({ value: x.id, label: x.naam }))]}
          onChange={(x) => zet('vestigingId', x || null)}
          invalidMessage={fouten.vestigingId}
        />
      ) : null}
      <TextField id={`${p}-locatie`} label="Locatie" value={v.locatie} onChange={(x) => zet('locatie', x)} maxLength={200} invalidMessage={fouten.locatie} />
      <SelectField id={`${p}-leerjaar`} label="Leerjaar" value={String(v.leerjaar)} options={[1, 2, 3, 4, 5, 6].map((n) => ({ value: String(n), label: `Leerjaar ${n}` }))} onChange={(x) => zet('leerjaar', Number(x))} invalidMessage={fouten.leerjaar} />
      <SelectField id={`${p}-periode`} label="Periode" value={v.periode} options={PERIODEN.map((x) => ({ value: x, label: PERIODE_NAMEN[x] }))} onChange={(x) => zet('periode', x as Periode)} invalidMessage={fouten.periode} />
      <Fieldset id={`${p}-leerwegen`} legend="Leerwegen" invalidMessage={fouten.leerwegen}>
        {LEERWEGEN.map((l) => (
          <CheckboxField key={l} id={`${p}-leerweg-${l}`} label={l} checked={v.leerwegen.includes(l)} onChange={(c) => zet('leerwegen', c ? [...v.leerwegen, l] : v.leerwegen.filter((x) => x !== l))} />
        ))}
      </Fieldset>
      <TextField id={`${p}-capaciteit`} label="Plaatsen per periode" type="number" value={String(v.capaciteit)} onChange={(x) => zet('capaciteit', Math.max(1, Math.floor(Number(x) || 1)))} invalidMessage={fouten.capaciteit} />
      {codeVeld('keuzevakken', 'Keuzevakken', 'Codes met komma’s, bijvoorbeeld K/PIE/16.')}
      {codeVeld('profielmodulen', 'Profielmodulen', 'Codes met komma’s, bijvoorbeeld P/PIE/02.')}
      {codeVeld('keuzedelen', 'Keuzedelen (mbo)', 'Codes met komma’s, bijvoorbeeld K0072.')}
      {codeVeld('kwalificaties', 'Kwalificaties (mbo)', 'Crebo’s met komma’s, bijvoorbeeld 25282.')}
      {codeVeld('profielen', 'Profielen', 'Profielcodes met komma’s, bijvoorbeeld PIE. De profielen van de keuzevakken en profielmodulen komen er vanzelf bij.')}
      {voorwaardeModulen.length ? (
        <Fieldset id={`${p}-voorwaarden`} legend="Eerst volgen (voorwaarden)" description="Modulen van deze menukaart die een leerling eerst volgt." invalidMessage={fouten.voorwaarden}>
          {voorwaardeModulen.map((m) => (
            <CheckboxField key={m.id} id={`${p}-voorwaarde-${m.id}`} label={m.titel} checked={v.voorwaarden.includes(m.id)} onChange={(c) => zet('voorwaarden', c ? [...v.voorwaarden, m.id] : v.voorwaarden.filter((x) => x !== m.id))} />
          ))}
        </Fieldset>
      ) : null}
      {leerroute ? <Paragraph>Leerroute: {leerroute.naam} (blijft gekoppeld).</Paragraph> : null}
      <Paragraph>
        <Button type="submit" disabled={busy}>
          {busy ? bezigKnop : knop}
        </Button>
      </Paragraph>
    </form>
  );
}
