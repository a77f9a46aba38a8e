/**
 * The zoekmonitor (issue 5): pick a keuzevak (or describe it in your own words, or start from a kwalificatie) and see
 * the kwalificaties per dossier and the keuzedelen that fit, with score, betrouwbaarheid and the reasons: shared
 * words and the best eindterm ↔ werkproces pairs. Everything shown is a suggestion until a teacher confirms it.
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { z } from 'zod';
import { KeuzevakSummary, ProfielmoduleSummary } from '../../shared/catalog-api.js';
import { AlignmentResponse, MatchResponse, type AlignedPair, type Confidence, type MatchResult } from '../../shared/match-api.js';
import { apiUrl, getJson } from '../api.js';
import { Highlighted } from '../components/Highlighted.js';
import { InlineError } from '../components/PageStates.js';
import { count, dossierPath, formatNumber } from '../lib/format.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { cached, useApi } from '../lib/useApi.js';
import { useQueryParams } from '../lib/useQueryParams.js';
import {
  Button,
  Code,
  Heading,
  Link,
  ListItem,
  Mark,
  OrderedList,
  OrderedListItem,
  PageHeading,
  Paragraph,
  SelectField,
  StatusBadge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TextField,
  UnorderedList,
} from '../ui/index.js';

type Vraag = 'keuzevak' | 'profielmodule' | 'tekst' | 'kwalificatie';
type VmboVraag = { kind: 'keuzevak' | 'profielmodule'; code: string };

const VRAAG_OPTIONS = [
  { value: 'keuzevak', label: 'Een keuzevak (vmbo)' },
  { value: 'profielmodule', label: 'Een profielmodule (vmbo)' },
  { value: 'tekst', label: 'Eigen woorden' },
  { value: 'kwalificatie', label: 'Een kwalificatie (mbo), omgekeerd' },
];

const FORWARD_SOORTEN = [
  { value: '', label: 'Kwalificaties en keuzedelen' },
  { value: 'kwalificatie', label: 'Alleen kwalificaties' },
  { value: 'keuzedeel', label: 'Alleen keuzedelen' },
];
const SOORT_OPTIONS: Record<Vraag, Array<{ value: string; label: string }>> = {
  keuzevak: FORWARD_SOORTEN,
  profielmodule: FORWARD_SOORTEN,
  tekst: FORWARD_SOORTEN,
  kwalificatie: [
    { value: '', label: 'Keuzevakken en profielmodulen' },
    { value: 'keuzevak', label: 'Alleen keuzevakken' },
    { value: 'profielmodule', label: 'Alleen profielmodulen' },
  ],
};

const CONFIDENCE_STATUS: Record<Confidence, 'safe' | 'warning' | 'neutral'> = { sterk: 'safe', mogelijk: 'warning', zwak: 'neutral' };

const formatScore = (score: number) => score.toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function ConfidenceBadge({ confidence }: { confidence: Confidence }) {
  return <StatusBadge status={CONFIDENCE_STATUS[confidence]}>Betrouwbaarheid: {confidence}</StatusBadge>;
}

function SuggestieBadge() {
  return <StatusBadge status="neutral">Suggestie</StatusBadge>;
}

function SharedTerms({ terms }: { terms: string[] }) {
  if (terms.length === 0) return <Paragraph className="doorlopend-meta">Geen gedeelde woorden; de suggestie steunt op verwante dossiers.</Paragraph>;
  return (
    <Paragraph className="doorlopend-meta">
      Gedeelde woorden:{' '}
      {terms.map((t, i) => (
        <span key={t}>
          <Mark>{t}</Mark>
          {i < terms.length - 1 ? ', ' : null}
        </span>
      ))}
    </Paragraph>
  );
}

function Pairs({ pairs, caption }: { pairs: AlignedPair[]; caption: string }) {
  if (pairs.length === 0) return null;
  return (
    <Table caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Eindterm (vmbo)</TableHeaderCell>
          <TableHeaderCell scope="col">Werkproces (mbo)</TableHeaderCell>
          <TableHeaderCell scope="col">Betrouwbaarheid</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {pairs.map((p) => (
          <TableRow key={`${p.eindterm.code}|${p.werkproces.code}`}>
            <TableCell>
              {p.eindterm.code ? <Code>{p.eindterm.code}</Code> : null} <Highlighted parts={p.eindterm.highlight} />
            </TableCell>
            <TableCell>
              <Code>{p.werkproces.code}</Code> <Highlighted parts={p.werkproces.highlight} />
            </TableCell>
            <TableCell>{p.confidence}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The full eindterm ↔ werkproces alignment of a keuzevak (or profielmodule) and one kwalificatie, loaded when the disclosure opens. */
function Alignment({ vmbo, crebo, title }: { vmbo: VmboVraag; crebo: string; title: string }) {
  const [open, setOpen] = useState(false);
  const url = apiUrl('/api/match/uitlijning', { [vmbo.kind]: vmbo.code, kwalificatie: crebo });
  const { data, error, loading } = useApi(open ? url : null, (signal) => getJson(url, AlignmentResponse, signal));
  return (
    <details className="doorlopend-disclosure" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>Uitlijning eindtermen ↔ werkprocessen van {title}</summary>
      {error ? <InlineError error={error} /> : null}
      {open && loading ? <p role="status">Bezig met laden…</p> : null}
      {data && !loading ? (
        <Table caption={`Per eindterm van ${vmbo.code} de best passende werkprocessen van ${title} (${crebo}); suggesties`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Eindterm</TableHeaderCell>
              <TableHeaderCell scope="col">Best passende werkprocessen</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.eindtermen.map((e) => (
              <TableRow key={e.code}>
                <TableCell>
                  <Code>{e.code}</Code> {e.title}
                </TableCell>
                <TableCell>
                  {e.links.length === 0 ? (
                    'Geen passend werkproces gevonden'
                  ) : (
                    <UnorderedList>
                      {e.links.map((l) => (
                        <ListItem key={l.werkproces.code}>
                          <Code>{l.werkproces.code}</Code> {l.werkproces.title} ({l.confidence}
                          {l.sharedTerms.length > 0 ? `; gedeeld: ${l.sharedTerms.join(', ')}` : ''})
                        </ListItem>
                      ))}
                    </UnorderedList>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </details>
  );
}

type KwalificatieResult = Extract<MatchResult, { type: 'kwalificatie' }>;

function KwalificatieItem({ r, vmbo }: { r: KwalificatieResult; vmbo: VmboVraag | null }) {
  return (
    <ListItem className="doorlopend-match">
      <Heading level={5} className="doorlopend-match__title">
        <Link to={r.url}>
          <Code>{r.crebo}</Code> {r.title}
        </Link>{' '}
        (niveau {r.niveau})
      </Heading>
      <Paragraph className="doorlopend-badges">
        <SuggestieBadge /> <ConfidenceBadge confidence={r.confidence} /> <span>Score {formatScore(r.score)}</span>
      </Paragraph>
      <SharedTerms terms={r.explanation.sharedTerms} />
      <Pairs pairs={r.explanation.pairs} caption={`Best passende paren eindterm ↔ werkproces voor ${r.title} (${r.crebo})`} />
      {vmbo ? <Alignment vmbo={vmbo} crebo={r.crebo} title={r.title} /> : null}
    </ListItem>
  );
}

function KwalificatieGroups({ results, vmbo }: { results: KwalificatieResult[]; vmbo: VmboVraag | null }) {
  const groups: Array<{ crebo: string; title: string; domein: string | null; items: KwalificatieResult[] }> = [];
  for (const r of results) {
    const last = groups[groups.length - 1];
    if (last && last.crebo === r.dossierCrebo) last.items.push(r);
    else groups.push({ crebo: r.dossierCrebo, title: r.dossierTitle, domein: r.opleidingsdomein, items: [r] });
  }
  return (
    <OrderedList className="doorlopend-hits" aria-label="Dossiers, best passend eerst">
      {groups.map((g) => (
        <OrderedListItem key={g.crebo} className="doorlopend-hit">
          <Heading level={4}>
            Dossier <Link to={dossierPath(g.crebo)}>{g.title}</Link> <Code>{g.crebo}</Code>
          </Heading>
          {g.domein ? <Paragraph className="doorlopend-meta">Opleidingsdomein {g.domein}</Paragraph> : null}
          <UnorderedList aria-label={`Kwalificaties in ${g.title}`}>
            {g.items.map((r) => (
              <KwalificatieItem key={r.crebo} r={r} vmbo={vmbo} />
            ))}
          </UnorderedList>
        </OrderedListItem>
      ))}
    </OrderedList>
  );
}

function OtherItem({ r }: { r: Exclude<MatchResult, KwalificatieResult> }) {
  const kind = r.type === 'keuzedeel' ? 'Keuzedeel' : r.type === 'keuzevak' ? 'Keuzevak' : 'Profielmodule';
  return (
    <OrderedListItem className="doorlopend-hit">
      <Heading level={4} className="doorlopend-match__title">
        <Link to={r.url}>
          <Code>{r.code}</Code> {r.title}
        </Link>
      </Heading>
      <Paragraph className="doorlopend-badges">
        <SuggestieBadge /> <ConfidenceBadge confidence={r.confidence} /> <span>Score {formatScore(r.score)}</span>{' '}
        <span>
          {kind}
          {r.type === 'keuzedeel' && r.sbu !== null ? `, ${formatNumber(r.sbu)} SBU` : ''}
        </span>
      </Paragraph>
      <SharedTerms terms={r.explanation.sharedTerms} />
      <Pairs pairs={r.explanation.pairs} caption={`Best passende paren eindterm ↔ werkproces voor ${r.code} ${r.title}`} />
    </OrderedListItem>
  );
}

const KeuzevakList = z.array(KeuzevakSummary);
const ProfielmoduleList = z.array(ProfielmoduleSummary);

export function ZoekmonitorPage() {
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
  const matchUrl = asked ? apiUrl('/api/match', { keuzevak, profielmodule, tekst, kwalificatie, soort: soort || null, limit: 30 }) : null;
  const { data, error, loading } = useApi(matchUrl, (signal) => getJson(matchUrl!, MatchResponse, signal));
  const shown = data && !loading && !error ? data : null;
  useDocumentTitle(shown ? `Zoekmonitor: ${shown.query.codes.join(', ') || shown.query.title}` : 'Zoekmonitor');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (vraag === 'keuzevak' && kvCode) next.set('keuzevak', kvCode);
    if (vraag === 'profielmodule' && pmCode) next.set('profielmodule', pmCode);
    if (vraag === 'tekst' && text.trim()) next.set('tekst', text.trim());
    if (vraag === 'kwalificatie' && crebo.trim()) next.set('kwalificatie', crebo.trim());
    if (next.size > 0 && SOORT_OPTIONS[vraag].some((o) => o.value === soortChoice) && soortChoice) next.set('soort', soortChoice);
    navigate(`/zoekmonitor${next.size ? `?${next.toString()}` : ''}`);
  };

  const kwalificaties = shown ? shown.results.filter((r): r is KwalificatieResult => r.type === 'kwalificatie') : [];
  const others = shown ? shown.results.filter((r): r is Exclude<MatchResult, KwalificatieResult> => r.type !== 'kwalificatie') : [];
  let statusText = '';
  if (loading) statusText = 'Bezig met zoeken naar passende onderdelen…';
  else if (shown) {
    const about = shown.query.codes.length > 0 ? `${shown.query.codes.join(', ')} ${shown.query.title}` : `‘${shown.query.title}’`;
    statusText = shown.results.length === 0 ? `Geen suggesties voor ${about}` : `${count(shown.results.length, 'suggestie', 'suggesties')} voor ${about}`;
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

  return (
    <>
      <PageHeading>Zoekmonitor</PageHeading>
      <Paragraph>
        Welke kwalificaties en keuzedelen in het mbo passen bij een keuzevak in het vmbo, en andersom? De zoekmonitor vergelijkt de
        teksten van beide catalogi en laat zien waarom iets past: de gedeelde woorden en de best passende paren eindterm ↔ werkproces.
      </Paragraph>
      <Paragraph>
        <strong>Alles wat u hier ziet zijn suggesties.</strong> Ze gelden pas als een docent ze heeft bekeken en bevestigd.
      </Paragraph>

      <form aria-label="Vraag aan de zoekmonitor" className="doorlopend-filters" onSubmit={onSubmit}>
        <SelectField id="zm-vraag" label="Vraag vanuit" value={vraag} options={VRAAG_OPTIONS} onChange={(v) => setVraag(v as Vraag)} />
        {vraag === 'keuzevak' ? (
          <SelectField id="zm-keuzevak" label="Keuzevak" value={kvCode} options={keuzevakOptions} onChange={setKvCode} busy={keuzevakken.loading} />
        ) : null}
        {vraag === 'profielmodule' ? (
          <SelectField id="zm-profielmodule" label="Profielmodule" value={pmCode} options={profielmoduleOptions} onChange={setPmCode} busy={profielmodulen.loading} />
        ) : null}
        {vraag === 'tekst' ? (
          <TextField id="zm-tekst" label="Beschrijf het onderdeel in eigen woorden" value={text} onChange={setText} maxLength={2000} />
        ) : null}
        {vraag === 'kwalificatie' ? (
          <TextField id="zm-crebo" label="Crebo van de kwalificatie" description="Vijf cijfers, bijvoorbeeld 25486" value={crebo} onChange={setCrebo} maxLength={5} />
        ) : null}
        <SelectField id="zm-soort" label="Toon" value={SOORT_OPTIONS[vraag].some((o) => o.value === soortChoice) ? soortChoice : ''} options={SOORT_OPTIONS[vraag]} onChange={setSoortChoice} />
        <div className="doorlopend-filters__actions">
          <Button type="submit">Zoek suggesties</Button>
        </div>
      </form>

      <section aria-labelledby="zm-resultaten" className="doorlopend-section" aria-busy={loading || undefined}>
        <Heading level={2} id="zm-resultaten">
          Suggesties
        </Heading>
        <p role="status" className="doorlopend-result-count">
          {statusText}
        </p>
        {!asked ? <Paragraph>Kies een keuzevak of profielmodule, beschrijf een onderdeel in eigen woorden, of start bij een kwalificatie.</Paragraph> : null}
        {error ? <InlineError error={error} /> : null}
        {shown && shown.results.length > 0 ? (
          <>
            <Paragraph className="doorlopend-meta">
              {shown.note} Betrouwbaarheid: <em>sterk</em> = hoge score én veel gedeelde tekst of een sterk paar eindterm ↔ werkproces;{' '}
              <em>mogelijk</em> = redelijke score met iets gedeelds; <em>zwak</em> = weinig bewijs. De score loopt van 0 tot 1
              (hoger past beter).
            </Paragraph>
            {kwalificaties.length > 0 ? (
              <>
                <Heading level={3}>Kwalificaties per dossier</Heading>
                <KwalificatieGroups
                  results={kwalificaties}
                  vmbo={shown.query.kind === 'keuzevak' || shown.query.kind === 'profielmodule' ? { kind: shown.query.kind, code: shown.query.codes[0]! } : null}
                />
              </>
            ) : null}
            {others.length > 0 ? (
              <>
                <Heading level={3}>{shown.query.kind === 'kwalificatie' ? 'Keuzevakken en profielmodulen' : 'Keuzedelen'}</Heading>
                <OrderedList className="doorlopend-hits" aria-label={shown.query.kind === 'kwalificatie' ? 'Keuzevakken en profielmodulen, best passend eerst' : 'Keuzedelen, best passend eerst'}>
                  {others.map((r) => (
                    <OtherItem key={`${r.type}:${r.code}`} r={r} />
                  ))}
                </OrderedList>
              </>
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}
