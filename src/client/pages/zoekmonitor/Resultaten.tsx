/**
 * The zoekmonitor's results: the best dossiers first (five, the rest behind a button), each folded with its
 * kwalificaties (one kwalificatie with its versions, not one line per crebo), then the keuzedelen or (backwards) the
 * keuzevakken and profielmodulen. Each result says in words what its score and betrouwbaarheid rest on.
 */
import { useState } from 'react';
import { AlignmentResponse, type AlignedPair, type Confidence, type MatchQueryEcho, type MatchResult } from '../../../shared/match-api.js';
import { apiUrl, getJson } from '../../api.js';
import { Highlighted } from '../../components/Highlighted.js';
import { InlineError } from '../../components/PageStates.js';
import { dossierPath, formatNumber } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';
import { Button, Code, Heading, Link, ListItem, Mark, OrderedList, OrderedListItem, Paragraph, StatusBadge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList } from '../../ui/index.js';
import { Acties } from './Acties.js';
import { Duimen } from './Stemmen.js';
import { profielVan, type Selectie } from './acties.js';

export type KwalificatieResult = Extract<MatchResult, { type: 'kwalificatie' }>;
export type OtherResult = Exclude<MatchResult, KwalificatieResult>;
export type { VmboVraag } from './Stemmen.js';
import type { VmboVraag } from './Stemmen.js';

/** Dossiers shown before "Toon meer dossiers". */
export const DOSSIERS_EERST = 5;

const CONFIDENCE_STATUS: Record<Confidence, 'safe' | 'warning' | 'neutral'> = { sterk: 'safe', mogelijk: 'warning', zwak: 'neutral' };

function Badges({ confidence, extra }: { confidence: Confidence; extra?: string }) {
  return (
    <Paragraph className="doorlopend-badges">
      <StatusBadge status="neutral">Suggestie</StatusBadge> <StatusBadge status={CONFIDENCE_STATUS[confidence]}>Betrouwbaarheid: {confidence}</StatusBadge>
      {extra ? <span> {extra}</span> : null}
    </Paragraph>
  );
}

function SharedTerms({ terms }: { terms: string[] }) {
  if (terms.length === 0) return null;
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
            <TableCell>
              {p.confidence}
              {p.elders ? (
                <>
                  {' '}
                  {/* Issue 17: what samenwerkingen said about this pair in their overlapinventaris (counts only). */}
                  <StatusBadge status={p.elders.bevestigd > p.elders.afgewezen ? 'safe' : p.elders.afgewezen > p.elders.bevestigd ? 'danger' : 'neutral'}>Elders: {p.elders.label}</StatusBadge>
                </>
              ) : null}
            </TableCell>
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

function Versies({ versies }: { versies: string[] }) {
  if (versies.length === 0) return null;
  return (
    <span className="doorlopend-zm-versies">
      {' '}
      (ook als {versies.length === 1 ? 'crebo' : 'crebo’s'}{' '}
      {versies.map((v, i) => (
        <span key={v}>
          <Link to={`/mbo/kwalificaties/${v}`}>{v}</Link>
          {i < versies.length - 1 ? ', ' : ''}
        </span>
      ))}
      )
    </span>
  );
}

/** What the vraag adds to a selection (the vmbo side forward, the kwalificatie or keuzedeel backwards). */
export function vraagSelectie(q: MatchQueryEcho): Selectie {
  if (q.kind === 'keuzevak' || q.kind === 'keuzevakken') return { keuzevakken: q.codes, profiel: profielVan(q.codes[0]!) };
  if (q.kind === 'profielmodule') return { profielmodulen: q.codes, profiel: profielVan(q.codes[0]!) };
  if (q.kind === 'kwalificatie') return { kwalificatie: q.codes[0] };
  if (q.kind === 'keuzedeel') return { keuzedelen: q.codes };
  return {};
}

function Dossier({ r, vmbo, vraag }: { r: KwalificatieResult; vmbo: VmboVraag | null; vraag: MatchQueryEcho }) {
  const basis = vraagSelectie(vraag);
  const naamVan = (title: string) => (vmbo ? `${vmbo.title} – ${title}` : title);
  const over = (crebo: string) => `${vraag.codes.join(', ') || vraag.title} en ${crebo}`;
  return (
    <OrderedListItem className="doorlopend-hit">
      <Heading level={4}>
        Dossier <Link to={dossierPath(r.dossierCrebo)}>{r.dossierTitle}</Link> <Code>{r.dossierCrebo}</Code>
      </Heading>
      {r.opleidingsdomein ? <Paragraph className="doorlopend-meta">Opleidingsdomein {r.opleidingsdomein}</Paragraph> : null}
      <Heading level={5} className="doorlopend-match__title">
        <Link to={r.url}>
          <Code>{r.crebo}</Code> {r.title}
        </Link>{' '}
        (niveau {r.niveau})
      </Heading>
      <Versies versies={r.versies} />
      <Badges confidence={r.confidence} />
      <Paragraph className="doorlopend-zm-uitleg">{r.uitleg}</Paragraph>
      <Duimen soort="kwalificatie" code={r.dossierCrebo} title={`dossier ${r.dossierTitle}`} />
      <SharedTerms terms={r.explanation.sharedTerms} />
      <Pairs pairs={r.explanation.pairs} caption={`Best passende paren eindterm ↔ werkproces voor ${r.title} (${r.crebo})`} />
      <Acties selectie={{ ...basis, kwalificatie: r.crebo, naam: naamVan(r.title) }} over={over(r.crebo)} />
      {vmbo ? <Alignment vmbo={vmbo} crebo={r.crebo} title={r.title} /> : null}
      {r.kwalificaties.length > 0 ? (
        <details className="doorlopend-disclosure doorlopend-zm-kwalificaties">
          <summary>
            Nog {r.kwalificaties.length} {r.kwalificaties.length === 1 ? 'kwalificatie' : 'kwalificaties'} in {r.dossierTitle}
          </summary>
          <UnorderedList aria-label={`Andere kwalificaties in ${r.dossierTitle}`}>
            {r.kwalificaties.map((k) => (
              <ListItem key={k.crebo}>
                <Link to={k.url}>
                  <Code>{k.crebo}</Code> {k.title}
                </Link>{' '}
                (niveau {k.niveau})
                <Versies versies={k.versies} />
                <Acties selectie={{ ...basis, kwalificatie: k.crebo, naam: naamVan(k.title) }} over={over(k.crebo)} />
              </ListItem>
            ))}
          </UnorderedList>
        </details>
      ) : null}
    </OrderedListItem>
  );
}

export function DossierList({ results, vmbo, vraag }: { results: KwalificatieResult[]; vmbo: VmboVraag | null; vraag: MatchQueryEcho }) {
  const [alle, setAlle] = useState(false);
  const shown = alle ? results : results.slice(0, DOSSIERS_EERST);
  return (
    <>
      <OrderedList className="doorlopend-hits" aria-label="Dossiers, best passend eerst">
        {shown.map((r) => (
          <Dossier key={r.dossierCrebo} r={r} vmbo={vmbo} vraag={vraag} />
        ))}
      </OrderedList>
      {results.length > shown.length ? (
        <Paragraph>
          <Button appearance="secondary-action-button" onClick={() => setAlle(true)}>
            Toon nog {results.length - shown.length} {results.length - shown.length === 1 ? 'dossier' : 'dossiers'}
          </Button>
        </Paragraph>
      ) : null}
    </>
  );
}

export function OtherItem({ r, vraag }: { r: OtherResult; vraag: MatchQueryEcho }) {
  const kind = r.type === 'keuzedeel' ? 'Keuzedeel' : r.type === 'keuzevak' ? 'Keuzevak' : 'Profielmodule';
  const basis = vraagSelectie(vraag);
  const selectie: Selectie =
    r.type === 'keuzedeel'
      ? { ...basis, keuzedelen: [r.code] }
      : { ...basis, ...(r.type === 'keuzevak' ? { keuzevakken: [r.code] } : { profielmodulen: [r.code] }), profiel: r.profielCode ?? profielVan(r.code) };
  return (
    <OrderedListItem className="doorlopend-hit">
      <Heading level={4} className="doorlopend-match__title">
        <Link to={r.url}>
          <Code>{r.code}</Code> {r.title}
        </Link>
      </Heading>
      <Badges confidence={r.confidence} extra={`${kind}${r.type === 'keuzedeel' && r.sbu !== null ? `, ${formatNumber(r.sbu)} SBU` : ''}`} />
      <Paragraph className="doorlopend-zm-uitleg">{r.uitleg}</Paragraph>
      {r.type === 'keuzedeel' ? <Duimen soort="keuzedeel" code={r.code} title={`keuzedeel ${r.title}`} /> : null}
      <SharedTerms terms={r.explanation.sharedTerms} />
      <Pairs pairs={r.explanation.pairs} caption={`Best passende paren eindterm ↔ werkproces voor ${r.code} ${r.title}`} />
      <Acties selectie={{ ...selectie, naam: `${vraag.title} – ${r.title}` }} over={`${vraag.codes.join(', ') || vraag.title} en ${r.code}`} />
    </OrderedListItem>
  );
}
