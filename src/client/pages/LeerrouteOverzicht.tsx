/**
 * The overview of a leerroute (/leerroutes/:routeId): its settings, the downloads and, for those who may change it,
 * the settings form and deleting the route. Its own chunk (loaded lazily by LeerroutePage): the settings form brings the
 * catalogue pickers, which no step needs.
 */
import { useNavigate } from 'react-router-dom';
import { LEERROUTE_TYPE_NAMEN } from '../../shared/leerroute-api.js';
import type { LeerrouteDetail } from '../../shared/leerroute-api.js';
import { ConfirmAction } from '../components/ConfirmAction.js';
import { useLeerroute } from '../components/leerroute/context.js';
import { LeerrouteForm, TYPE_UITLEG } from '../components/leerroute/LeerrouteForm.js';
import { formatDateTime, LEERWEG_NAMEN } from '../lib/format.js';
import { leerrouteApi, leerroutesPath, leerrouteUrls } from '../lib/leerroute-api.js';
import { Alert, Code, DataList, DocumentLink, Heading, Link, ListItem, Paragraph, UnorderedList } from '../ui/index.js';

type WieT = LeerrouteDetail['gewijzigd'];
const wie = (w: WieT) => `${w.gebruiker.naam}${w.organisatie ? ` (${w.organisatie.naam})` : ''}, ${formatDateTime(w.op)}`;

export function Overzicht() {
  const { route, wijzig } = useLeerroute();
  const navigate = useNavigate();
  const v = route.vmbo;
  const m = route.mbo;
  const lijst = (xs: Array<{ code: string; titel: string }>) =>
    xs.length === 0 ? (
      'geen'
    ) : (
      <UnorderedList>
        {xs.map((x) => (
          <ListItem key={x.code}>
            <Code>{x.code}</Code> {x.titel}
          </ListItem>
        ))}
      </UnorderedList>
    );
  return (
    <>
      <DataList
        aria-label="Instellingen van de leerroute"
        items={[
          { key: 'type', label: 'Soort', value: `${LEERROUTE_TYPE_NAMEN[route.type]}: ${TYPE_UITLEG[route.type]}` },
          { key: 'schooljaar', label: 'Schooljaar (cohort)', value: route.schooljaar ?? 'niet opgegeven' },
          {
            key: 'diplomas',
            label: 'Leidt tot',
            value:
              route.leidtTot.length === 1 ? (
                route.leidtTot[0]
              ) : (
                <UnorderedList>
                  {route.leidtTot.map((x) => (
                    <ListItem key={x}>{x}</ListItem>
                  ))}
                </UnorderedList>
              ),
          },
          { key: 'partners', label: 'Partners', value: route.partners.map((p) => p.naam).join(', ') },
          { key: 'profiel', label: 'Profiel', value: v.profiel ? `${v.profiel.code} ${v.profiel.titel}` : 'geen' },
          { key: 'leerweg', label: 'Leerweg', value: v.leerweg ? `${v.leerweg} (${LEERWEG_NAMEN[v.leerweg]})` : 'geen' },
          { key: 'profielmodulen', label: 'Profielmodulen', value: lijst(v.profielmodulen) },
          { key: 'keuzevakken', label: 'Keuzevakken', value: lijst(v.keuzevakken) },
          { key: 'kwalificatie', label: 'Kwalificatie', value: m.kwalificatie ? `${m.kwalificatie.crebo} ${m.kwalificatie.naam}${m.kwalificatie.niveau ? ` (niveau ${m.kwalificatie.niveau})` : ''}` : 'geen' },
          { key: 'keuzedelen', label: 'Keuzedelen', value: lijst(m.keuzedelen) },
          {
            key: 'tijdpad',
            label: 'Tijdpad',
            value: (
              <UnorderedList>
                {route.tijdpad.map((j) => (
                  <ListItem key={j.leerjaar}>
                    Leerjaar {j.leerjaar}: {j.fase}-jaar, {j.perioden} perioden, {j.organisatie ? j.organisatie.naam : 'school nog niet gekozen'}
                  </ListItem>
                ))}
              </UnorderedList>
            ),
          },
          { key: 'doelen', label: 'Doelen', value: `${route.dekking.totalen.doelen} (vmbo ${route.dekking.totalen.vmbo}, mbo ${route.dekking.totalen.mbo})` },
          { key: 'aangemaakt', label: 'Aangemaakt', value: wie(route.aangemaakt) },
          { key: 'gewijzigd', label: 'Instellingen laatst gewijzigd', value: wie(route.gewijzigd) },
        ]}
      />
      <Exporteren />
      <Paragraph>
        <Link to={`/leerroutes/${encodeURIComponent(route.id)}/examens`}>Examens</Link> (het gezamenlijke examen van keuzedeel en keuzevak: examenplan, vaststelling en inschrijving)
      </Paragraph>
      <Paragraph>
        <Link to={`/leerroutes/${encodeURIComponent(route.id)}/leerlingen`}>Leerlingen van deze leerroute</Link> (groepen per schooljaar; alleen voor de vmbo-school)
      </Paragraph>
      {route.opmerkingen.length > 0 ? (
        <Alert type="warning" heading="Let op" headingLevel={3}>
          <UnorderedList>
            {route.opmerkingen.map((o) => (
              <ListItem key={o}>{o}</ListItem>
            ))}
          </UnorderedList>
        </Alert>
      ) : null}
      {route.mijnRechten.wijzigen ? (
        <>
          <LeerrouteForm
            key={`${route.id}-${route.versie}`}
            idPrefix="instellingen"
            heading="Instellingen wijzigen"
            partners={route.partners}
            initial={{
              naam: route.naam,
              type: route.type,
              vmbo: { profiel: v.profiel?.code ?? null, leerweg: v.leerweg, profielmodulen: v.profielmodulen.map((x) => x.code), keuzevakken: v.keuzevakken.map((x) => x.code) },
              mbo: { kwalificatie: m.kwalificatie?.crebo ?? null, keuzedelen: m.keuzedelen.map((x) => x.code) },
              tijdpad: route.tijdpad.map((j) => ({ leerjaar: j.leerjaar, fase: j.fase, perioden: j.perioden, organisatieId: j.organisatie?.id ?? null })),
              schooljaar: route.schooljaar,
              kwalificatieNaam: m.kwalificatie?.naam ?? null,
            }}
            submitLabel="Instellingen opslaan"
            busyLabel="Bezig met opslaan…"
            onSubmit={async (values) => {
              await wijzig(() => leerrouteApi.instellingen(route.id, { versie: route.versie, ...values }), 'De instellingen zijn opgeslagen.');
            }}
          />
          <section aria-labelledby="verwijderen-kop" className="doorlopend-section">
            <Heading level={2} id="verwijderen-kop">
              Leerroute verwijderen
            </Heading>
            <ConfirmAction
              label="Leerroute verwijderen"
              question={`Weet u zeker dat u ${route.naam} met de hele planning, alle toetsen, activiteiten en materialen wilt verwijderen? Dit kan niet ongedaan worden.`}
              confirmLabel="Ja, verwijderen"
              failureHeading="Verwijderen is niet gelukt"
              onConfirm={async () => {
                await leerrouteApi.verwijderen(route.id, route.versie);
                navigate(leerroutesPath(route.samenwerking.id), { state: { bericht: `De leerroute ${route.naam} is verwijderd.` } });
              }}
            />
          </section>
        </>
      ) : (
        <Paragraph>U kunt deze leerroute bekijken; wijzigen doen beheerders en ontwikkelaars van de partners.</Paragraph>
      )}
    </>
  );
}

/** Downloads: the PTA per keuzevak and profielmodule (XLSX, PDF) and the route document to discuss and sign (DOCX, PDF). */
function Exporteren() {
  const { route } = useLeerroute();
  const vakken = [...route.vmbo.keuzevakken, ...route.vmbo.profielmodulen];
  return (
    <section aria-labelledby="exporteren-kop" className="doorlopend-section">
      <Heading level={3} id="exporteren-kop">
        Exporteren
      </Heading>
      <UnorderedList>
        {vakken.map((v) => (
          <ListItem key={v.code}>
            PTA {v.code} {v.titel}: <DocumentLink href={leerrouteUrls.pta(route.id, v.code, 'xlsx')} download>Excel (XLSX)</DocumentLink>,{' '}
            <DocumentLink href={leerrouteUrls.pta(route.id, v.code, 'pdf')} download>PDF</DocumentLink>
          </ListItem>
        ))}
        <ListItem>
          De hele leerroute om te bespreken en te ondertekenen: <DocumentLink href={leerrouteUrls.document(route.id, 'docx')} download>Word (DOCX)</DocumentLink>,{' '}
          <DocumentLink href={leerrouteUrls.document(route.id, 'pdf')} download>PDF</DocumentLink>
        </ListItem>
      </UnorderedList>
    </section>
  );
}
