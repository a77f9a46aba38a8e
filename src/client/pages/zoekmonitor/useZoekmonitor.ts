/**
 * State and API calls of the zoekmonitor: the vraag kept in the address (keuzevak, profielmodule, tekst or
 * kwalificatie, and soort), the form's values, the answer of GET /api/match and the status line.
 */
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { z } from 'zod';
import { KeuzevakSummary, ProfielmoduleSummary } from '../../../shared/catalog-api.js';
import { MatchResponse } from '../../../shared/match-api.js';
import { apiUrl, getJson } from '../../api.js';
import { useKwalificatie } from '../../components/CatalogusKeuze.js';
import { count } from '../../lib/format.js';
import { useDocumentTitle, useRevealAfterSubmit } from '../../lib/navigation.js';
import { cached, useApi } from '../../lib/useApi.js';
import { useQueryParams } from '../../lib/useQueryParams.js';
import type { KwalificatieResult, OtherResult } from './Resultaten.js';

export type Vraag = 'keuzevak' | 'profielmodule' | 'tekst' | 'kwalificatie';

/** Dossiers and keuzedelen asked for (each): five shown first, the rest behind a button. */
export const MATCH_LIMIT = 12;

const FORWARD_SOORTEN = [
  { value: '', label: 'Kwalificaties en keuzedelen' },
  { value: 'kwalificatie', label: 'Alleen kwalificaties' },
  { value: 'keuzedeel', label: 'Alleen keuzedelen' },
];
export const SOORT_OPTIONS: Record<Vraag, Array<{ value: string; label: string }>> = {
  keuzevak: FORWARD_SOORTEN,
  profielmodule: FORWARD_SOORTEN,
  tekst: FORWARD_SOORTEN,
  kwalificatie: [
    { value: '', label: 'Keuzevakken en profielmodulen' },
    { value: 'keuzevak', label: 'Alleen keuzevakken' },
    { value: 'profielmodule', label: 'Alleen profielmodulen' },
  ],
};

const KeuzevakList = z.array(KeuzevakSummary);
const ProfielmoduleList = z.array(ProfielmoduleSummary);

export function useZoekmonitor() {
  const { params } = useQueryParams();
  const navigate = useNavigate();
  const keuzevak = params.get('keuzevak')?.trim() || null;
  const profielmodule = params.get('profielmodule')?.trim() || null;
  const tekst = params.get('tekst')?.trim() || null;
  const kwalificatie = params.get('kwalificatie')?.trim() || null;
  const asked: Vraag | null = keuzevak ? 'keuzevak' : profielmodule ? 'profielmodule' : tekst ? 'tekst' : kwalificatie ? 'kwalificatie' : null;
  const soort = params.get('soort') ?? '';

  const [vraag, setVraag] = useState<Vraag>(asked ?? 'keuzevak');
  const [kvCode, setKvCode] = useState(keuzevak ?? '');
  const [pmCode, setPmCode] = useState(profielmodule ?? '');
  const [text, setText] = useState(tekst ?? '');
  const [crebo, setCrebo] = useState(kwalificatie ?? '');
  const [soortChoice, setSoortChoice] = useState(soort);
  useEffect(() => {
    if (asked) setVraag(asked);
    setKvCode(keuzevak ?? '');
    setPmCode(profielmodule ?? '');
    setText(tekst ?? '');
    setCrebo(kwalificatie ?? '');
    setSoortChoice(soort);
  }, [asked, keuzevak, profielmodule, tekst, kwalificatie, soort]);

  const keuzevakken = useApi('keuzevakken-all', () => cached('keuzevakken-all', () => getJson(apiUrl('/api/vmbo/keuzevakken'), KeuzevakList)));
  const profielmodulen = useApi(vraag === 'profielmodule' ? 'profielmodulen-all' : null, () =>
    cached('profielmodulen-all', () => getJson(apiUrl('/api/vmbo/profielmodulen'), ProfielmoduleList)),
  );
  const gekozenKwalificatie = useKwalificatie(crebo);
  const matchUrl = asked ? apiUrl('/api/match', { keuzevak, profielmodule, tekst, kwalificatie, soort: soort || null, limit: MATCH_LIMIT }) : null;
  // Issue 17: after a vote the same question is asked again (the answer now holds what teachers said).
  const [stemVersie, setStemVersie] = useState(0);
  const { data, error, loading } = useApi(matchUrl ? `${matchUrl}#${stemVersie}` : null, (signal) => getJson(matchUrl!, MatchResponse, signal));
  // While the same question is asked again after a vote, the results stay (and keep the keyboard focus).
  const shownFor = useRef<string | null>(null);
  if (data && !loading && !error) shownFor.current = matchUrl;
  const shown = data && !error && (!loading || shownFor.current === matchUrl) ? data : null;
  useDocumentTitle(shown ? `Zoekmonitor: ${shown.query.codes.join(', ') || shown.query.title}` : 'Zoekmonitor');

  const reveal = useRevealAfterSubmit(() => document.getElementById('zm-resultaten'), !loading);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    reveal();
    const next = new URLSearchParams();
    if (vraag === 'keuzevak' && kvCode) next.set('keuzevak', kvCode);
    if (vraag === 'profielmodule' && pmCode) next.set('profielmodule', pmCode);
    if (vraag === 'tekst' && text.trim()) next.set('tekst', text.trim());
    if (vraag === 'kwalificatie' && crebo.trim()) next.set('kwalificatie', crebo.trim());
    if (next.size > 0 && SOORT_OPTIONS[vraag].some((o) => o.value === soortChoice) && soortChoice) next.set('soort', soortChoice);
    navigate(`/zoekmonitor${next.size ? `?${next.toString()}` : ''}`);
  };

  const kwalificaties = shown ? shown.results.filter((r): r is KwalificatieResult => r.type === 'kwalificatie') : [];
  const others = shown ? shown.results.filter((r): r is OtherResult => r.type !== 'kwalificatie') : [];
  let statusText = '';
  if (loading) statusText = 'Bezig met zoeken naar passende onderdelen…';
  else if (shown) {
    const about = shown.query.codes.length > 0 ? `${shown.query.codes.join(', ')} ${shown.query.title}` : `‘${shown.query.title}’`;
    const delen = [
      kwalificaties.length > 0 ? count(kwalificaties.length, 'dossier', 'dossiers') : null,
      others.length > 0 ? count(others.length, others[0]!.type === 'keuzedeel' ? 'keuzedeel' : 'vmbo-onderdeel', others[0]!.type === 'keuzedeel' ? 'keuzedelen' : 'vmbo-onderdelen') : null,
    ].filter(Boolean);
    statusText = shown.results.length === 0 ? `Geen suggesties voor ${about}` : `Suggesties voor ${about}: ${delen.join(' en ')}`;
  }

  const keuzevakOptions = [
    { value: '', label: keuzevakken.data ? 'Kies een keuzevak' : 'Keuzevakken laden…' },
    ...(keuzevakken.data ?? []).filter((k) => k.status === 'actief').map((k) => ({ value: k.code, label: `${k.code} ${k.title}` })),
  ];
  if (kvCode && !keuzevakOptions.some((o) => o.value === kvCode)) keuzevakOptions.push({ value: kvCode, label: kvCode });
  const profielmoduleOptions = [
    { value: '', label: profielmodulen.data ? 'Kies een profielmodule' : 'Profielmodulen laden…' },
    ...(profielmodulen.data ?? []).filter((m) => m.status === 'actief').map((m) => ({ value: m.code, label: `${m.code} ${m.title}` })),
  ];
  if (pmCode && !profielmoduleOptions.some((o) => o.value === pmCode)) profielmoduleOptions.push({ value: pmCode, label: pmCode });

  return {
    asked, vraag, setVraag, kvCode, setKvCode, pmCode, setPmCode, text, setText, crebo, setCrebo, soortChoice, setSoortChoice,
    keuzevakOptions, keuzevakkenLoading: keuzevakken.loading, profielmoduleOptions, profielmodulenLoading: profielmodulen.loading,
    gekozenKwalificatie, onSubmit, shown, error, loading, statusText, kwalificaties, others,
    opnieuw: () => setStemVersie((v) => v + 1),
  };
}

export type ZoekmonitorState = ReturnType<typeof useZoekmonitor>;
