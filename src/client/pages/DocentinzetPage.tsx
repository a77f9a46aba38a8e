/**
 * /samenwerkingen/:id/docentinzet?schooljaar=2026-2027 (issue 13): the docentinzet of a samenwerking per schooljaar,
 * with the rules on it, and the kalender of that schooljaar (the dates that follow from the rules) as iCalendar.
 */
import { useCallback, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { DocentinzetSectie } from '../components/regels/Docentinzet.js';
import { LoadError, Loading } from '../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../components/SignedInOnly.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { partnershipApi, partnershipUrls } from '../lib/partnership-api.js';
import { regelsApi, regelsUrls } from '../lib/regels-api.js';
import { useApi } from '../lib/useApi.js';
import { DocumentLink, Heading, Link, PageHeading, Paragraph, SelectField } from '../ui/index.js';
import '../components/leerroute/regels.css';

/** The schooljaar today: from 1 August the new one. */
export function huidigSchooljaar(nu = new Date()): string {
  const y = nu.getFullYear() - (nu.getMonth() < 7 ? 1 : 0);
  return `${y}-${y + 1}`;
}
const jaarNa = (s: string, n: number) => {
  const y = Number(s.slice(0, 4)) + n;
  return `${y}-${y + 1}`;
};

function Inhoud({ id }: { id: string }) {
  const [params, setParams] = useSearchParams();
  const gevraagd = params.get('schooljaar');
  const schooljaar = gevraagd && /^\d{4}-\d{4}$/.test(gevraagd) ? gevraagd : huidigSchooljaar();
  const [versie, setVersie] = useState(0);
  const [melding, setMelding] = useState('');
  const samenwerking = useApi(partnershipUrls.partnership(id), (signal) => partnershipApi.get(id, signal));
  const lijst = useApi(`${regelsUrls.docentinzet(id, schooljaar)}#${versie}`, (signal) => regelsApi.docentinzet(id, schooljaar, signal));
  useSessionExpiry(samenwerking.error ?? lijst.error);
  useDocumentTitle(samenwerking.data ? `Docentinzet en kalender – ${samenwerking.data.naam}` : 'Docentinzet en kalender');
  const onChanged = useCallback((m: string) => {
    setMelding(m);
    setVersie((v) => v + 1);
  }, []);
  const error = samenwerking.error ?? lijst.error;
  if (error && !error.isUnauthorized) return <LoadError error={error} />;
  if (!samenwerking.data || !lijst.data) return <Loading />;
  const s = samenwerking.data;
  const jaren = [-1, 0, 1, 2].map((n) => jaarNa(huidigSchooljaar(), n));
  if (!jaren.includes(schooljaar)) jaren.push(schooljaar);
  return (
    <article className="doorlopend-detail">
      <p className="doorlopend-preheading">
        <Link to={`/samenwerkingen/${encodeURIComponent(id)}`}>{s.naam}</Link>
      </p>
      <PageHeading>Docentinzet en kalender</PageHeading>
      <Paragraph>
        Wie er in {s.naam} lesgeeft, met welke bevoegdheid en hoeveel uur per schooljaar. Doorlopend controleert dat tegen de <Link to="/regels">regels</Link>.
      </Paragraph>
      <SelectField id="schooljaar" label="Schooljaar" value={schooljaar} onChange={(v) => setParams({ schooljaar: v })} options={jaren.sort().map((j) => ({ value: j, label: j }))} />
      <section aria-labelledby="kalender-kop" className="doorlopend-section">
        <Heading level={2} id="kalender-kop">
          Kalender {schooljaar}
        </Heading>
        <Paragraph>
          De data die uit de regels volgen (PTA bekend, aanvullende eisen mbo, uiterste aanmelddatum, evaluatie van de overeenkomst), om in uw agenda te zetten:{' '}
          <DocumentLink href={regelsUrls.kalender(id, schooljaar)} download>
            Kalender {schooljaar} downloaden (iCalendar)
          </DocumentLink>
        </Paragraph>
      </section>
      <DocentinzetSectie partnershipId={id} schooljaar={schooljaar} partners={s.partners.filter((p) => p.status === 'lid')} lijst={lijst.data} onChanged={onChanged} />
      <div role="status" aria-live="polite" className="doorlopend-visually-hidden">
        {melding}
      </div>
    </article>
  );
}

export function DocentinzetPage() {
  const { id = '' } = useParams();
  return (
    <SignedInOnly>
      <Inhoud id={id.toLowerCase()} />
    </SignedInOnly>
  );
}
