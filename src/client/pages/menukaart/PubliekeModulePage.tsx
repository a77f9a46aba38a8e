/**
 * /regio/:slug/menukaart/:module: one published module at its stable address (issue 15), without signing in: what it
 * is, who gives it where and when, what to follow first, its catalogue links, and where it leads in the mbo (confirmed
 * links first; the zoekmonitor's suggestions apart, marked as such).
 */
import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { KiesKnop } from '../keuze/KeuzePages.js';
import { keuzevakPath, profielmodulePath } from '../../lib/format.js';
import type { ModuleDetail } from '../../../shared/menukaart-api.js';
import { Loading, LoadError } from '../../components/PageStates.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useApi } from '../../lib/useApi.js';
import { Heading, Link, ListItem, PageHeading, Paragraph, UnorderedList } from '../../ui/index.js';
import { menukaartApi, menukaartUrls, publiekeModulePath, publiekPath } from './menukaart-api.js';
import { ModuleFeiten } from './PubliekeMenukaartPage.js';
import './menukaart.css';

export function LeidtNaarSectie({ m }: { m: ModuleDetail }) {
  const l = m.leidtNaar;
  return (
    <section aria-labelledby="leidt-naar">
      <Heading level={2} id="leidt-naar">
        Leidt naar
      </Heading>
      {l.bevestigd.length === 0 ? <Paragraph>{l.suggesties.length ? 'Nog geen bevestigde mbo-opleidingen.' : 'Nog niet bekend.'}</Paragraph> : null}
      {l.bevestigd.length ? (
        <UnorderedList aria-label="Bevestigde mbo-opleidingen">
          {l.bevestigd.map((k) => (
            <ListItem key={k.crebo}>
              <Link to={`/mbo/kwalificaties/${k.crebo}`}>{k.naam}</Link> (crebo {k.crebo}
              {k.niveau ? `, niveau ${k.niveau}` : ''}){' '}
              {k.bron === 'crosswalk' ? `– bevestigd door ${k.samenwerkingen} ${k.samenwerkingen === 1 ? 'samenwerking' : 'samenwerkingen'}` : '– genoemd door de aanbieder'}
            </ListItem>
          ))}
        </UnorderedList>
      ) : null}
      {l.suggesties.length ? (
        <>
          <Heading level={3}>Mogelijk ook (suggesties, niet bevestigd)</Heading>
          <UnorderedList aria-label="Suggesties van de zoekmonitor">
            {l.suggesties.map((k) => (
              <ListItem key={k.crebo}>
                <Link to={`/mbo/kwalificaties/${k.crebo}`}>{k.naam}</Link> (crebo {k.crebo}) – suggestie van de zoekmonitor
              </ListItem>
            ))}
          </UnorderedList>
        </>
      ) : null}
      <Paragraph appearance="small">{l.toelichting}</Paragraph>
    </section>
  );
}

/**
 * A module's content. `kiezen` (the pupil's Kiezen section on the public page) comes after what the module is (its
 * description, facts, places and what to follow first), so a pupil reads before being asked to choose.
 */
export function ModuleInhoud({ m, moduleLink, kiezen }: { m: ModuleDetail; moduleLink: (v: ModuleDetail['voorwaarden'][number]) => string; kiezen?: ReactNode }) {
  const links = [
    ...m.keuzevakken.map((c) => ({ ...c, soort: 'Keuzevak', to: keuzevakPath(c.code) })),
    ...m.profielmodulen.map((c) => ({ ...c, soort: 'Profielmodule', to: profielmodulePath(c.code) })),
    ...m.keuzedelen.map((c) => ({ ...c, soort: 'Keuzedeel', to: `/mbo/keuzedelen/${encodeURIComponent(c.code)}` })),
  ];
  return (
    <>
      {m.beschrijving ? <Paragraph>{m.beschrijving}</Paragraph> : null}
      <ModuleFeiten m={m} />
      <Paragraph>
        {m.capaciteit} plaatsen per periode{m.vestiging ? `, bij ${m.vestiging.naam}` : ''}.
      </Paragraph>
      {m.voorwaarden.length ? (
        <section aria-labelledby="eerst-volgen">
          <Heading level={2} id="eerst-volgen">
            Eerst volgen
          </Heading>
          <UnorderedList>
            {m.voorwaarden.map((v) => (
              <ListItem key={v.id}>
                <Link to={moduleLink(v)}>{v.titel}</Link>
              </ListItem>
            ))}
          </UnorderedList>
        </section>
      ) : null}
      {kiezen}
      {links.length || m.leerroute ? (
        <section aria-labelledby="onderdelen">
          <Heading level={2} id="onderdelen">
            Onderdelen
          </Heading>
          <UnorderedList>
            {links.map((c) => (
              <ListItem key={`${c.soort}-${c.code}`}>
                {c.soort} <Link to={c.to}>{c.code}</Link> {c.naam !== c.code ? c.naam : ''}
              </ListItem>
            ))}
            {m.leerroute ? <ListItem>Leerroute van een samenwerking: {m.leerroute.naam}</ListItem> : null}
          </UnorderedList>
        </section>
      ) : null}
      <LeidtNaarSectie m={m} />
    </>
  );
}

export function PubliekeModulePage() {
  const { slug = '', module = '' } = useParams();
  const { data, error } = useApi(menukaartUrls.publiekeModule(slug, module), (signal) => menukaartApi.publiekeModule(slug, module, signal));
  useDocumentTitle(data ? data.titel : 'Module');
  if (error) return <LoadError error={error} />;
  if (!data) return <Loading label="Module laden…" />;
  return (
    <>
      <Paragraph>
        <Link to={publiekPath(data.regio.slug)}>Terug naar de menukaart van {data.regio.naam}</Link>
      </Paragraph>
      <PageHeading>{data.titel}</PageHeading>
      <ModuleInhoud m={data} moduleLink={(v) => publiekeModulePath(data.regio.slug, v.slug)} kiezen={<KiesKnop moduleId={data.id} titel={data.titel} />} />
    </>
  );
}
