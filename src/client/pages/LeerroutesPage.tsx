/**
 * /samenwerkingen/:id/leerroutes: the leerroutes of a samenwerking and (for beheerders and ontwikkelaars of a
 * partner) the form "Nieuwe leerroute". Creating opens the new route.
 */
import '../components/leerroute/leerroute.css';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { LEERROUTE_TYPE_NAMEN, LEERROUTE_TYPES, type LeerrouteType } from '../../shared/leerroute-api.js';
import type { SamenwerkingDetail } from '../../shared/partnership-api.js';
import { ApiError } from '../api.js';
import { LeerrouteForm, type LeerroutePrefill } from '../components/leerroute/LeerrouteForm.js';
import { LoadError, Loading } from '../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../components/SignedInOnly.js';
import { formatDateTime } from '../lib/format.js';
import { leerrouteApi, leerroutePath, leerrouteUrls } from '../lib/leerroute-api.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { partnershipApi, partnershipPath, partnershipUrls } from '../lib/partnership-api.js';
import { useApi } from '../lib/useApi.js';
import { useQueryParams } from '../lib/useQueryParams.js';
import { NotFoundContent } from './NotFoundPage.js';
import { Alert, Heading, Link, PageHeading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../ui/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Starting values of the new-route form from the address (the zoekmonitor's "Start een leerroute"): naam, type,
 * profiel, keuzevakken, profielmodulen, kwalificatie, keuzedelen (lists comma-separated). Only the shape is checked
 * here; the server checks the codes when the route is created.
 */
function prefillFrom(params: URLSearchParams): LeerroutePrefill | undefined {
  const text = (k: string, max: number) => params.get(k)?.trim().slice(0, max) || undefined;
  const codes = (k: string) => {
    const list = (params.get(k) ?? '').split(',').map((c) => c.trim()).filter((c) => c.length > 0 && c.length <= 20);
    return list.length > 0 ? [...new Set(list)].slice(0, 40) : undefined;
  };
  const type = text('type', 40);
  const prefill: LeerroutePrefill = {
    naam: text('naam', 200),
    type: LEERROUTE_TYPES.includes(type as LeerrouteType) ? (type as LeerrouteType) : undefined,
    profiel: text('profiel', 10),
    keuzevakken: codes('keuzevakken'),
    profielmodulen: codes('profielmodulen'),
    kwalificatie: /^\d{5}$/.test(params.get('kwalificatie') ?? '') ? params.get('kwalificatie')! : undefined,
    keuzedelen: codes('keuzedelen'),
  };
  return Object.values(prefill).some((v) => v !== undefined) ? prefill : undefined;
}

function LeerroutesView({ samenwerking }: { samenwerking: SamenwerkingDetail }) {
  const navigate = useNavigate();
  const location = useLocation();
  const { params } = useQueryParams();
  const prefill = prefillFrom(params);
  const bericht = (location.state as { bericht?: unknown } | null)?.bericht;
  const lijst = useApi(leerrouteUrls.lijst(samenwerking.id), (signal) => leerrouteApi.lijst(samenwerking.id, signal));
  useSessionExpiry(lijst.error);
  useDocumentTitle(`Leerroutes van ${samenwerking.naam}`);
  const partners = samenwerking.partners.filter((x) => x.status === 'lid');
  return (
    <article className="doorlopend-detail">
      <p className="doorlopend-preheading">
        <Link to={partnershipPath(samenwerking.id)}>{samenwerking.naam}</Link>
      </p>
      <PageHeading>Leerroutes</PageHeading>
      {typeof bericht === 'string' ? (
        <Alert type="ok">
          <Paragraph>{bericht}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph>
        De leerroutes die de partners van {samenwerking.naam} samen ontwerpen: inventarisatie, planning, toetsing, activiteiten en materialen, met een
        controle op wat nog ontbreekt.
      </Paragraph>
      <section aria-labelledby="leerroutes-lijst" className="doorlopend-section">
        <Heading level={2} id="leerroutes-lijst">
          Leerroutes van deze samenwerking
        </Heading>
        {lijst.error ? <LoadError error={lijst.error} /> : null}
        {!lijst.data && !lijst.error ? <Loading /> : null}
        {lijst.data && lijst.data.leerroutes.length === 0 ? <Paragraph>Er is nog geen leerroute.</Paragraph> : null}
        {lijst.data && lijst.data.leerroutes.length > 0 ? (
          <Table caption="Leerroutes" captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Naam</TableHeaderCell>
                <TableHeaderCell scope="col">Soort</TableHeaderCell>
                <TableHeaderCell scope="col">Laatst gewijzigd</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {lijst.data.leerroutes.map((r) => (
                <TableRow key={r.id}>
                  <TableHeaderCell scope="row">
                    <Link to={leerroutePath(r.id)}>{r.naam}</Link>
                  </TableHeaderCell>
                  <TableCell>{LEERROUTE_TYPE_NAMEN[r.type]}</TableCell>
                  <TableCell>
                    {formatDateTime(r.gewijzigd.op)} door {r.gewijzigd.gebruiker.naam}
                    {r.gewijzigd.organisatie ? ` (${r.gewijzigd.organisatie.naam})` : ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </section>
      {samenwerking.mijnRechten.wijzigen ? (
        <section className="doorlopend-section" aria-labelledby="nieuwe-leerroute-kop">
          <LeerrouteForm
            idPrefix="nieuwe-leerroute"
            heading="Nieuwe leerroute"
            partners={partners}
            prefill={prefill}
            submitLabel="Leerroute aanmaken"
            busyLabel="Bezig met aanmaken…"
            onSubmit={async (values) => {
              const route = await leerrouteApi.aanmaken(samenwerking.id, values);
              navigate(leerroutePath(route.id), { state: { bericht: `De leerroute ${route.naam} is aangemaakt.` } });
            }}
          />
        </section>
      ) : (
        <Paragraph>Alleen beheerders en ontwikkelaars van de partners maken leerroutes aan.</Paragraph>
      )}
    </article>
  );
}

function Leerroutes({ id }: { id: string }) {
  const { data, error } = useApi(partnershipUrls.partnership(id), (signal) => partnershipApi.get(id, signal));
  useSessionExpiry(error);
  // 403: a partner's member without the right (a leerling): LoadError says kindly that the page is not for them.
  if (error?.isForbidden) return <LoadError error={new ApiError(403, 'Samenwerkingen zijn voor medewerkers van de partners.')} />;
  if (error && !error.isUnauthorized) return <LoadError error={error} />;
  if (!data || data.id !== id) return <Loading />;
  return <LeerroutesView key={data.id} samenwerking={data} />;
}

export function LeerroutesPage() {
  const { id = '' } = useParams();
  return (
    <SignedInOnly>
      {UUID.test(id) ? <Leerroutes id={id} /> : <NotFoundContent detail="Deze samenwerking bestaat niet of u hebt er geen toegang toe." />}
    </SignedInOnly>
  );
}
