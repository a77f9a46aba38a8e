import { useParams } from 'react-router-dom';
import type { Kerntaak, KwalificatieDetail, Werkproces } from '../../shared/mbo-api.js';
import { api, urls } from '../api.js';
import { BevestigdeKoppelingen, useBevestigingen, type Bevestiging } from '../components/Bevestigingen.js';
import { MboBronnenBox } from '../components/MboBronnen.js';
import { MboLeerwegBadges, VervallenBadge } from '../components/MboBadges.js';
import { OntbreektNotice } from '../components/OntbreektNotice.js';
import { LoadError, Loading } from '../components/PageStates.js';
import { count, dossierPath, keuzedeelPath, kwalificatiePath, mboAnchorId, soortLabel, statusLabel } from '../lib/format.js';
import { useDocumentTitle, useHashTarget } from '../lib/navigation.js';
import { useApi } from '../lib/useApi.js';
import { DocumentLink as CaseDocumentLink } from '../ui/index.js';
import { caseAlsHref } from '../../shared/case-api.js';
import {
  Code,
  DataList,
  Heading,
  Link,
  ListItem,
  PageHeading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
} from '../ui/index.js';
import { OpleidingsdomeinLink } from './DossierDetailPage.js';
import { zoekmonitorHref } from './zoekmonitor/acties.js';
import { VolgKnop } from './impact/ImpactInstellingen.js';

const unknown = (text = 'onbekend') => <span className="doorlopend-unknown">{text}</span>;

/** "B1-K1" is in the basisdeel, "P2-K1" in a profieldeel (SBB's coding). */
function deelLabel(code: string): string | null {
  if (/^B\d/i.test(code)) return 'Basisdeel';
  if (/^P\d/i.test(code)) return 'Profieldeel';
  return null;
}

/** Confirmed links per werkproces item id: `${crebo}:${werkprocescode}`, as the inventory names a werkproces. */
type BevestigingenPerWerkproces = ReadonlyMap<string, Bevestiging[]>;

function WerkprocesItem({ crebo, werkproces, bevestigingen }: { crebo: string; werkproces: Werkproces; bevestigingen: BevestigingenPerWerkproces }) {
  const id = mboAnchorId(werkproces.code);
  const details = [
    werkproces.omschrijving ? { key: 'omschrijving', label: 'Omschrijving', value: <span className="doorlopend-prewrap">{werkproces.omschrijving}</span> } : null,
    werkproces.resultaat ? { key: 'resultaat', label: 'Resultaat', value: <span className="doorlopend-prewrap">{werkproces.resultaat}</span> } : null,
    werkproces.gedrag ? { key: 'gedrag', label: 'Gedrag', value: <span className="doorlopend-prewrap">{werkproces.gedrag}</span> } : null,
  ].filter((d) => d !== null);
  return (
    <ListItem id={id} className="doorlopend-eindterm doorlopend-werkproces">
      <span className="doorlopend-eindterm__line">
        <Code className="doorlopend-eindterm__code">{werkproces.code}</Code> <span className="doorlopend-eindterm__title">{werkproces.titel}</span>
      </span>
      <BevestigdeKoppelingen links={bevestigingen.get(`${crebo}:${werkproces.code}`)} onder="werkproces" />
      {details.length > 0 ? (
        <details className="doorlopend-details">
          <summary>
            {details.map((d) => d.label.toLowerCase()).join(', ').replace(/^./, (c) => c.toUpperCase())}
            <span className="doorlopend-visually-hidden"> van {werkproces.code}</span>
          </summary>
          <DataList items={details} />
        </details>
      ) : null}
    </ListItem>
  );
}

function KerntaakSection({ crebo, kerntaak, bevestigingen }: { crebo: string; kerntaak: Kerntaak; bevestigingen: BevestigingenPerWerkproces }) {
  const id = mboAnchorId(kerntaak.code);
  const deel = deelLabel(kerntaak.code);
  return (
    <section id={id} className="doorlopend-deeltaak doorlopend-kerntaak" aria-labelledby={`${id}-heading`}>
      <Heading level={3} id={`${id}-heading`}>
        <span className="doorlopend-code">{kerntaak.code}</span> {kerntaak.titel ?? 'Kerntaak zonder titel in de bron'}
      </Heading>
      <Paragraph className="doorlopend-meta">
        {deel ? <span>{deel}</span> : null}
        <span>{count(kerntaak.werkprocessen.length, 'werkproces', 'werkprocessen')}</span>
      </Paragraph>
      {kerntaak.werkprocessen.length > 0 ? (
        <UnorderedList className="doorlopend-eindtermen" aria-label={`Werkprocessen bij ${kerntaak.code}`}>
          {kerntaak.werkprocessen.map((w) => (
            <WerkprocesItem key={w.code} crebo={crebo} werkproces={w} bevestigingen={bevestigingen} />
          ))}
        </UnorderedList>
      ) : (
        <Paragraph className="doorlopend-empty">De bron noemt geen werkprocessen bij deze kerntaak.</Paragraph>
      )}
      {kerntaak.vakkennisEnVaardigheden && kerntaak.vakkennisEnVaardigheden.length > 0 ? (
        <>
          <Heading level={4} id={`${id}-vakkennis`}>
            Vakkennis en vaardigheden
          </Heading>
          <UnorderedList aria-labelledby={`${id}-vakkennis`}>
            {kerntaak.vakkennisEnVaardigheden.map((text, index) => (
              <ListItem key={index}>{text}</ListItem>
            ))}
          </UnorderedList>
        </>
      ) : null}
    </section>
  );
}

function Versies({ kwalificatie }: { kwalificatie: KwalificatieDetail }) {
  const others = kwalificatie.versies.filter((v) => !v.isDeze);
  return (
    <section aria-labelledby="versies-heading" className="doorlopend-section">
      <Heading level={2} id="versies-heading">
        Versies
      </Heading>
      {others.length === 0 ? (
        <Paragraph>Er zijn geen andere versies (crebo’s) van deze kwalificatie bekend.</Paragraph>
      ) : (
        <>
          <Paragraph>Dezelfde kwalificatie onder andere crebo’s, de nieuwste eerst:</Paragraph>
          <UnorderedList aria-label="Versies van deze kwalificatie">
            {kwalificatie.versies.map((versie) => (
              <ListItem key={versie.crebo}>
                {versie.isDeze ? (
                  <span aria-current="page">
                    <Code>{versie.crebo}</Code> {versie.naam} <strong>(deze versie)</strong>
                  </span>
                ) : (
                  <Link to={kwalificatiePath(versie.crebo)}>
                    <Code>{versie.crebo}</Code> {versie.naam}
                  </Link>
                )}
                {versie.status === 'vervallen' ? (
                  <>
                    {' '}
                    <VervallenBadge status={versie.status} />
                  </>
                ) : null}
              </ListItem>
            ))}
          </UnorderedList>
        </>
      )}
    </section>
  );
}

type KeuzedeelRow = { code: string; titel: string | null; sbu: number | null; instellingen?: string[] | null };

function KeuzedelenTable({ caption, items, showInstellingen }: { caption: string; items: readonly KeuzedeelRow[]; showInstellingen?: boolean }) {
  return (
    <Table caption={caption} captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Keuzedeel</TableHeaderCell>
          <TableHeaderCell scope="col" numeric>
            SBU
          </TableHeaderCell>
          {showInstellingen ? <TableHeaderCell scope="col">Instellingen</TableHeaderCell> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((k) => (
          <TableRow key={k.code}>
            <TableHeaderCell scope="row" className="doorlopend-item-cell">
              <Link to={keuzedeelPath(k.code)}>
                <Code className="doorlopend-item-cell__code">{k.code}</Code> {k.titel ?? '(titel niet bekend)'}
              </Link>
            </TableHeaderCell>
            <TableCell numeric>{k.sbu ?? unknown()}</TableCell>
            {showInstellingen ? <TableCell>{k.instellingen?.length ? k.instellingen.join(', ') : unknown('niet bekend')}</TableCell> : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Keuzedelen({ kwalificatie }: { kwalificatie: KwalificatieDetail }) {
  const { gekoppeld, aangeboden } = kwalificatie.keuzedelen;
  return (
    <section aria-labelledby="keuzedelen-heading" className="doorlopend-section">
      <Heading level={2} id="keuzedelen-heading">
        Keuzedelen
      </Heading>
      <Heading level={3} id="gekoppeld-heading" className="doorlopend-subheading">
        Gekoppeld (SBB)
      </Heading>
      {gekoppeld === null ? (
        <Paragraph>
          De officiële koppeling van keuzedelen aan kwalificaties (SBB) is niet geladen. Welke keuzedelen bij deze kwalificatie
          horen, is daarom niet bekend.
        </Paragraph>
      ) : gekoppeld.length === 0 ? (
        <Paragraph>Volgens SBB zijn er geen keuzedelen aan deze kwalificatie gekoppeld.</Paragraph>
      ) : (
        <KeuzedelenTable caption={`Keuzedelen gekoppeld aan ${kwalificatie.crebo} (SBB)`} items={gekoppeld} />
      )}
      <Heading level={3} id="aangeboden-heading" className="doorlopend-subheading">
        Aangeboden door instellingen
      </Heading>
      {aangeboden.length === 0 ? (
        <Paragraph>Er is geen aanbod van keuzedelen door instellingen bekend bij deze kwalificatie.</Paragraph>
      ) : (
        <KeuzedelenTable caption={`Keuzedelen aangeboden bij ${kwalificatie.crebo}`} items={aangeboden} showInstellingen />
      )}
    </section>
  );
}

function KwalificatieView({ kwalificatie }: { kwalificatie: KwalificatieDetail }) {
  useDocumentTitle(`${kwalificatie.crebo} ${kwalificatie.naam}`);
  useHashTarget(true);
  // Issue 5: per werkproces, how many samenwerkingen confirmed a link to an eindterm (never which).
  const bevestigingen = useBevestigingen({ kwalificatie: kwalificatie.crebo }, 'werkproces');
  const werkprocessen = kwalificatie.kerntaken.reduce((n, k) => n + k.werkprocessen.length, 0);
  const dossier = kwalificatie.dossier;
  return (
    <article className="doorlopend-detail">
      <p className="doorlopend-preheading">
        <Link to="/mbo/kwalificaties">Alle kwalificaties (mbo)</Link>
      </p>
      <PageHeading>
        <span className="doorlopend-code">{kwalificatie.crebo}</span> {kwalificatie.naam}
      </PageHeading>
      <Paragraph>
        <CaseDocumentLink href={caseAlsHref('kwalificatie', kwalificatie.crebo)}>Als CASE</CaseDocumentLink> (dit raamwerk in de CASE 1.1-standaard, voor andere systemen)
      </Paragraph>
      <VolgKnop item={`kwalificatie:${kwalificatie.crebo}`} wat={`kwalificatie ${kwalificatie.crebo}`} />
      {kwalificatie.status === 'vervallen' ? (
        <Paragraph>
          <VervallenBadge status={kwalificatie.status} />
        </Paragraph>
      ) : (
        <Paragraph>
          <Link to={zoekmonitorHref({ kwalificatie: kwalificatie.crebo })}>Zoek wat hierbij past</Link> in het vmbo: keuzevakken en profielmodulen in de
          zoekmonitor.
        </Paragraph>
      )}

      <DataList
        className="doorlopend-facts"
        items={[
          { key: 'soort', label: 'Soort', value: soortLabel(kwalificatie.soort) ?? unknown() },
          { key: 'crebo', label: 'Crebo', value: <Code>{kwalificatie.crebo}</Code> },
          { key: 'niveau', label: 'Niveau', value: `mbo niveau ${kwalificatie.niveau}` },
          { key: 'leerwegen', label: 'Leerwegen', value: <MboLeerwegBadges leerwegen={kwalificatie.leerwegen} /> },
          {
            key: 'dossier',
            label: 'Kwalificatiedossier',
            value: (
              <Link to={dossierPath(kwalificatie.dossierCrebo)}>
                <Code>{kwalificatie.dossierCrebo}</Code> {dossier?.titel ?? kwalificatie.dossierTitel ?? ''}
              </Link>
            ),
          },
          ...(dossier
            ? [
                { key: 'domein', label: 'Opleidingsdomein', value: <OpleidingsdomeinLink value={dossier.opleidingsdomein} /> },
                { key: 'sectorkamer', label: 'Sectorkamer', value: kwalificatie.sectorkamer ?? dossier.sectorkamer ?? unknown() },
              ]
            : []),
          { key: 'status', label: 'Status', value: statusLabel(kwalificatie.status) },
        ]}
      />

      <OntbreektNotice ontbreekt={kwalificatie.ontbreekt} />

      <section aria-labelledby="kerntaken-heading" className="doorlopend-section">
        <Heading level={2} id="kerntaken-heading">
          Kerntaken en werkprocessen
        </Heading>
        {kwalificatie.kerntaken.length === 0 ? (
          <Paragraph className="doorlopend-empty">De kerntaken en werkprocessen van deze kwalificatie zijn niet geladen.</Paragraph>
        ) : (
          <>
            <Paragraph>
              {count(kwalificatie.kerntaken.length, 'kerntaak', 'kerntaken')} met {count(werkprocessen, 'werkproces', 'werkprocessen')}.
            </Paragraph>
            <div className="doorlopend-deeltaken">
              {kwalificatie.kerntaken.map((kerntaak) => (
                <KerntaakSection key={kerntaak.code} crebo={kwalificatie.crebo} kerntaak={kerntaak} bevestigingen={bevestigingen} />
              ))}
            </div>
          </>
        )}
      </section>

      <Keuzedelen kwalificatie={kwalificatie} />
      <Versies kwalificatie={kwalificatie} />
      <MboBronnenBox bronnen={kwalificatie.bronnen} />
    </article>
  );
}

function Kwalificatie({ crebo }: { crebo: string }) {
  const { data, error } = useApi(urls.kwalificatie(crebo), (signal) => api.kwalificatie(crebo, signal));
  useDocumentTitle(data || error ? null : 'Kwalificatie laden');
  if (error) return <LoadError error={error} />;
  if (!data) return <Loading label={`Kwalificatie ${crebo} laden…`} />;
  return <KwalificatieView kwalificatie={data} />;
}

/** /mbo/kwalificaties/:crebo */
export function KwalificatieDetailPage() {
  const { crebo = '' } = useParams();
  return <Kwalificatie key={crebo} crebo={crebo} />;
}
