/**
 * State, derived data and API calls of a step with toetsen, activiteiten or materialen (EntiteitStap): the form (add,
 * or change with the versie last seen), its problems and announcement, the doelen to choose from, and removing a row.
 * A link from the coverage panel (?leerjaar=&periode=&doel=) opens the form on that period with that doel chosen.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api.js';
import { fieldErrors, leerrouteApi } from '../../lib/leerroute-api.js';
import { takeFocusRequest } from '../../lib/navigation.js';
import { periodeLabel, useLeerroute } from './context.js';
import { cap, formulierBody, labelVanPad, leeg, uitRij, type Config, type Rij, type Waarde, type Waarden } from './entiteit-config.js';
import type { FieldProblem } from './ErrorSummary.js';

export function useEntiteit(config: Config) {
  const { route, perioden } = useLeerroute();
  const form = useFormulier(config);
  const doelKeuze = useDoelenKeuze(form.periode, form.waarden.doelen as string[] | undefined);
  const opslaan = useOpslaan(config, form);
  const rijen = config.rijen(route);
  return {
    ...form,
    ...doelKeuze,
    ...opslaan,
    config,
    magWijzigen: route.mijnRechten.wijzigen,
    titelForm: form.bewerk ? `${cap(config.enkelvoud)} wijzigen: ${config.naamVan(form.bewerk)}` : `${cap(config.enkelvoud)} toevoegen`,
    rijen,
    buiten: rijen.filter((r) => !perioden.some((x) => x.leerjaar === r.leerjaar && x.periode === r.periode)),
  };
}

export type EntiteitState = ReturnType<typeof useEntiteit>;

/** What the form holds: the period, the values, the row being changed, the problems and the announcement. */
function useFormulier(config: Config) {
  const { perioden } = useLeerroute();
  const [params] = useSearchParams();
  /** The prefix of the form's element ids. */
  const p = `${config.soort}-form`;
  const uitUrl = () => {
    const lj = params.get('leerjaar');
    const pe = params.get('periode');
    return lj && pe && perioden.some((x) => String(x.leerjaar) === lj && String(x.periode) === pe) ? `${lj}:${pe}` : (perioden[0] ? `${perioden[0].leerjaar}:${perioden[0].periode}` : '');
  };
  const leegMetDoel = () => {
    const w = leeg(config);
    const doel = params.get('doel');
    if (doel && config.velden.some((v) => v.soort === 'doelen')) w.doelen = [doel];
    return w;
  };
  const [periode, setPeriode] = useState(uitUrl);
  const [waarden, setWaarden] = useState<Waarden>(leegMetDoel);
  const [bewerk, setBewerk] = useState<Rij | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [general, setGeneral] = useState<string | null>(null);
  const [klaar, setKlaar] = useState('');
  const formKop = useRef<HTMLHeadingElement>(null);
  const focusFormKop = () => setTimeout(() => formKop.current?.focus(), 0);

  // A new link from the coverage panel (other period or doel) fills the form again.
  const zoek = params.toString();
  useEffect(() => {
    if (!params.get('leerjaar') && !params.get('doel')) return;
    setBewerk(null);
    setPeriode(uitUrl());
    setWaarden(leegMetDoel());
    takeFocusRequest();
    formKop.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [zoek]);

  const zet = (naam: string, w: Waarde) => setWaarden((x) => ({ ...x, [naam]: w }));
  const errorFor = (id: string) => {
    const m = problems.filter((x) => x.fieldId === id).map((x) => x.message);
    return m.length > 0 ? m.join(' ') : undefined;
  };
  const opnieuw = () => {
    setBewerk(null);
    setWaarden(leeg(config));
    setProblems([]);
    setGeneral(null);
  };
  /** "Wijzigen" in the table: the row goes into the form, focus to the form's heading. */
  const bewerkRij = (r: Rij) => {
    setBewerk(r);
    setPeriode(`${r.leerjaar}:${r.periode}`);
    setWaarden(uitRij(config, r));
    setProblems([]);
    setGeneral(null);
    setKlaar('');
    focusFormKop();
  };
  return { p, periode, setPeriode, waarden, zet, bewerk, problems, setProblems, general, setGeneral, klaar, setKlaar, errorFor, opnieuw, bewerkRij, formKop, focusFormKop };
}

/** The doelen to choose from: those planned in the chosen period (or all planned ones), and where each is planned. */
function useDoelenKeuze(periode: string, gekozen: readonly string[] | undefined) {
  const { route } = useLeerroute();
  const [alleDoelen, setAlleDoelen] = useState(false);
  const [lj, pe] = periode.split(':').map(Number);
  const geplandIn = useMemo(() => {
    const ids: string[] = [];
    for (const r of route.planning) if (alleDoelen || (r.leerjaar === lj && r.periode === pe)) ids.push(...r.items);
    for (const id of gekozen ?? []) if (!ids.includes(id)) ids.push(id);
    return ids;
  }, [route.planning, alleDoelen, lj, pe, gekozen]);
  const plekVan = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of route.planning) for (const id of r.items) m.set(id, periodeLabel(r.leerjaar, r.periode).toLowerCase());
    return m;
  }, [route.planning]);
  return { alleDoelen, setAlleDoelen, geplandIn, plekVan };
}

/** Saving the form (add or change, with the versie last seen) and removing a row; a conflict keeps what was typed. */
function useOpslaan(config: Config, form: ReturnType<typeof useFormulier>) {
  const { route, wijzig } = useLeerroute();
  const [busy, setBusy] = useState(false);
  const { p, waarden, bewerk } = form;
  const fieldIdOf = (path: string) => {
    const first = path.split('.')[0] ?? '';
    if (first === 'leerjaar' || first === 'periode') return `${p}-periode`;
    return config.velden.some((v) => v.naam === first) ? `${p}-${first}` : `${p}-periode`;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setKlaar('');
    const [lj, pe] = form.periode.split(':').map(Number);
    const { body, problems: local } = formulierBody(config, waarden, lj, pe, p);
    form.setGeneral(null);
    form.setProblems(local);
    if (local.length > 0) return;
    setBusy(true);
    const naam = String(waarden[config.velden[0]!.naam] ?? '');
    const melding = bewerk ? `${cap(config.enkelvoud)} ${naam} is gewijzigd.` : `${cap(config.enkelvoud)} ${naam} is toegevoegd in ${periodeLabel(lj!, pe!).toLowerCase()}.`;
    try {
      const ok = bewerk
        ? await wijzig(() => leerrouteApi.wijzigen(route.id, config.soort, bewerk.id, { ...body, versie: bewerk.versie } as never), melding)
        : await wijzig(() => leerrouteApi.toevoegen(route.id, config.soort, body as never), melding);
      if (ok) {
        form.setKlaar(melding);
        form.opnieuw();
      } else {
        // A conflict: nothing was saved and nobody's work is overwritten. The form keeps what was typed.
        form.setGeneral(
          `Uw wijziging is niet opgeslagen: deze ${config.enkelvoud} is intussen door iemand anders gewijzigd of verwijderd. Bekijk de nieuwe versie in de tabel en kies daar opnieuw “Wijzigen” om uw wijziging te maken.`,
        );
      }
    } catch (error) {
      const fields = fieldErrors(error);
      if (fields.length > 0) form.setProblems(fields.map((f) => ({ fieldId: fieldIdOf(f.path), message: `${labelVanPad(config, f.path)}: ${f.message}` })));
      else form.setGeneral(error instanceof ApiError ? error.message : 'Opslaan is niet gelukt.');
    } finally {
      setBusy(false);
    }
  };

  const verwijder = async (r: Rij) => {
    await wijzig(() => leerrouteApi.verwijderEntiteit(route.id, config.soort, r.id, r.versie), `${cap(config.enkelvoud)} ${config.naamVan(r)} is verwijderd.`);
    form.focusFormKop();
  };
  return { busy, submit, verwijder };
}
