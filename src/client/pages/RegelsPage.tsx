/**
 * /regels (issue 13): every rule of the regelbank with its level, what it applies to, its source, the explanation and
 * how to fix it: the brochure "Wat moet en wat mag" made executable. Public: no organisation data.
 */
import { useState } from 'react';
import { GELDT_VOOR, GELDT_VOOR_NAMEN, REGEL_NIVEAU_NAMEN, type GeldtVoor } from '../../shared/regels-api.js';
import { LoadError, Loading } from '../components/PageStates.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { regelsApi, regelsUrls } from '../lib/regels-api.js';
import { useApi } from '../lib/useApi.js';
import { Heading, PageHeading, Paragraph, SelectField, StatusBadge } from '../ui/index.js';
import '../components/leerroute/regels.css';

export function RegelsPage() {
  useDocumentTitle('Regels: wat moet en wat mag');
  const { data, error } = useApi(regelsUrls.lijst(), (signal) => regelsApi.lijst(signal));
  const [filter, setFilter] = useState<'' | GeldtVoor>('');
  if (error) return <LoadError error={error} />;
  if (!data) return <Loading />;
  const regels = data.regels.filter((r) => filter === '' || r.geldtVoor.includes(filter));
  return (
    <article className="doorlopend-detail doorlopend-regelspagina">
      <PageHeading>Regels: wat moet en wat mag</PageHeading>
      <Paragraph>
        Wat de wet en de brochure Wat moet en wat mag zeggen over samenwerken tussen vmbo en mbo, als regels die Doorlopend op elke leerroute,
        overeenkomst en docentinzet controleert. Elke regel noemt zijn bron. Een samenwerking kan een regel voor een leerroute als niet van
        toepassing markeren, met een reden die beide scholen zien.
      </Paragraph>
      <Paragraph className="doorlopend-meta">Versie van de regels: {data.versie}. Aan deze samenvatting kunnen geen rechten worden ontleend; lees bij twijfel de bron.</Paragraph>
      <SelectField
        id="regels-filter"
        label="Toon regels voor"
        value={filter}
        onChange={(v) => setFilter(v as '' | GeldtVoor)}
        options={[{ value: '', label: 'Alles' }, ...GELDT_VOOR.map((g) => ({ value: g, label: GELDT_VOOR_NAMEN[g] }))]}
      />
      <p role="status" className="doorlopend-meta">
        {regels.length} van {data.regels.length} regels
      </p>
      <ol className="doorlopend-regels__lijst">
        {regels.map((r) => (
          <li key={r.id} id={`regel-${r.id}`} className="doorlopend-regels__regel">
            <Heading level={2}>{r.titel}</Heading>
            <p>
              <StatusBadge status={r.niveau === 'advies' ? 'neutral' : 'warning'}>{REGEL_NIVEAU_NAMEN[r.niveau]}</StatusBadge> Geldt voor:{' '}
              {r.geldtVoor.map((g) => GELDT_VOOR_NAMEN[g].toLowerCase()).join(', ')}
            </p>
            <Paragraph>{r.uitleg}</Paragraph>
            <Paragraph>
              <strong>Zo lost u het op:</strong> {r.oplossing}
            </Paragraph>
            <p className="doorlopend-regels__bron">
              Bron: {r.bron.document}, {r.bron.sectie}
              {r.bron.wetsartikel ? `; ${r.bron.wetsartikel}` : ''}
            </p>
          </li>
        ))}
      </ol>
    </article>
  );
}
