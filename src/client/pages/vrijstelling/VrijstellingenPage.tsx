/**
 * /organisaties/:id/vrijstellingen: the requests for a vrijstelling sent to this mbo instelling (issue 14), for its
 * examencommissie. Each request shows the verified result behind it (the facts of the pupil's result statement, with
 * a link to the public check of its code) and, while open, the decision: toegekend or afgewezen with a reason. The
 * versie seen goes along (someone else deciding first: 409, the page reloads the request).
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { RESULTAAT_LABELS, VRIJSTELLING_STATUS_LABELS, type VrijstellingDetail } from '../../../shared/vrijstelling-api.js';
import { ApiError } from '../../api.js';
import { SignedInOnly } from '../../components/SignedInOnly.js';
import { LoadError, Loading } from '../../components/PageStates.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useApi } from '../../lib/useApi.js';
import { Alert, Button, DataList, Fieldset, Heading, Link, PageHeading, Paragraph, StatusBadge } from '../../ui/index.js';
import { cijfer, datum, vrijstellingApi, vrijstellingUrls } from './vrijstelling-api.js';
import './vrijstelling.css';

const GRONDSLAG: Record<VrijstellingDetail['resultaat']['grondslag'], string> = {
  extraneus: 'mbo-examen, afgelegd als extraneus bij de mbo-instelling',
  'gezamenlijk-pta-oer': 'onderdeel van het gezamenlijke PTA/OER van een doorlopende leerroute',
};

function Besluitformulier({ v, onBesloten }: { v: VrijstellingDetail; onBesloten: (tekst: string) => void }) {
  const [besluit, setBesluit] = useState<'toegekend' | 'afgewezen' | ''>('');
  const [reden, setReden] = useState('');
  const [busy, setBusy] = useState(false);
  const [fouten, setFouten] = useState<{ besluit?: string; reden?: string }>({});
  const [error, setError] = useState<ApiError | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);
  const id = `besluit-${v.id}`;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const f: { besluit?: string; reden?: string } = {};
    if (!besluit) f.besluit = 'Kies toekennen of afwijzen.';
    if (besluit === 'afgewezen' && !reden.trim()) f.reden = 'Geef een reden als u het verzoek afwijst.';
    setFouten(f);
    setError(null);
    if (f.besluit) return document.getElementById(`${id}-keuze`)?.focus();
    if (f.reden) return document.getElementById(`${id}-reden`)?.focus();
    setBusy(true);
    try {
      const na = await vrijstellingApi.besluit(v.id, { besluit: besluit as 'toegekend' | 'afgewezen', reden: reden.trim() || undefined, versie: v.versie });
      onBesloten(`Het verzoek van ${na.resultaat.leerling} is ${na.status === 'toegekend' ? 'toegekend' : 'afgewezen'}. De leerling ziet het besluit.`);
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError(0, 'Opslaan is niet gelukt.');
      setError(apiError);
      if (apiError.status === 409) onBesloten('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="doorlopend-form" noValidate onSubmit={onSubmit} aria-label={`Besluit over het verzoek van ${v.resultaat.leerling}`} aria-busy={busy || undefined}>
      <div ref={errorRef} tabIndex={-1} className="doorlopend-form__message">
        {error ? (
          <Alert type="error" heading="Het besluit is niet opgeslagen" headingLevel={4}>
            <Paragraph>{error.message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <Fieldset id={`${id}-keuze`} legend="Besluit" invalidMessage={fouten.besluit}>
        <div className="doorlopend-vz-keuze">
          <label>
            <input type="radio" name={`${id}-besluit`} value="toegekend" checked={besluit === 'toegekend'} onChange={() => setBesluit('toegekend')} />
            Toekennen
          </label>
          <label>
            <input type="radio" name={`${id}-besluit`} value="afgewezen" checked={besluit === 'afgewezen'} onChange={() => setBesluit('afgewezen')} />
            Afwijzen
          </label>
        </div>
      </Fieldset>
      <div className="doorlopend-field">
        <label htmlFor={`${id}-reden`} className="doorlopend-vz-label">
          Reden {besluit === 'afgewezen' ? '(verplicht bij afwijzen)' : '(mag leeg blijven bij toekennen)'}
        </label>
        {fouten.reden ? (
          <p id={`${id}-reden-fout`} className="doorlopend-field__error" role="alert">
            {fouten.reden}
          </p>
        ) : null}
        <textarea
          id={`${id}-reden`}
          className="doorlopend-vz-textarea"
          value={reden}
          rows={3}
          maxLength={2000}
          aria-invalid={fouten.reden ? true : undefined}
          aria-describedby={fouten.reden ? `${id}-reden-fout` : undefined}
          onChange={(e) => setReden(e.target.value)}
        />
      </div>
      <Paragraph>
        <Button type="submit" disabled={busy}>
          {busy ? 'Bezig met opslaan…' : 'Besluit opslaan'}
        </Button>
      </Paragraph>
    </form>
  );
}

function VerzoekKaart({ v, onBesloten }: { v: VrijstellingDetail; onBesloten: (tekst: string) => void }) {
  const r = v.resultaat;
  const kop = `verzoek-${v.id}`;
  const status = v.status === 'toegekend' ? 'safe' : v.status === 'afgewezen' ? 'danger' : 'neutral';
  return (
    <section aria-labelledby={kop} className="doorlopend-vz-kaart">
      <Heading level={3} id={kop}>
        {r.leerling}: keuzedeel {r.keuzedeel.code} <StatusBadge status={status}>{VRIJSTELLING_STATUS_LABELS[v.status]}</StatusBadge>
      </Heading>
      <DataList
        items={[
          { key: 'opleiding', label: 'Opleiding', value: `${v.opleiding}${v.crebo ? ` (crebo ${v.crebo})` : ''}` },
          { key: 'ingediend', label: 'Gevraagd op', value: datum(v.ingediendOp) },
          ...(v.toelichting ? [{ key: 'toelichting', label: 'Toelichting van de leerling', value: v.toelichting }] : []),
          { key: 'keuzedeel', label: 'Keuzedeel', value: r.keuzedeel.titel ? `${r.keuzedeel.code} ${r.keuzedeel.titel}` : r.keuzedeel.code },
          { key: 'resultaat', label: 'Resultaat', value: `${RESULTAAT_LABELS[r.keuzedeelResultaat]}${r.keuzedeelCijfer !== null ? ` (cijfer ${cijfer(r.keuzedeelCijfer)})` : ''}` },
          ...(r.keuzevak ? [{ key: 'keuzevak', label: 'Ook afgesloten (vmbo)', value: `keuzevak ${r.keuzevak.titel ?? r.keuzevak.id}${r.keuzevakCijfer !== null ? `, cijfer ${cijfer(r.keuzevakCijfer)}` : ''}` }] : []),
          ...(r.afgenomenOp ? [{ key: 'afgenomen', label: 'Afgenomen op', value: datum(r.afgenomenOp) }] : []),
          { key: 'vastgesteld', label: 'Vastgesteld', value: `${datum(r.vastgesteldOp)} door de examencommissie van ${r.examencommissie}` },
          { key: 'school', label: 'Vmbo-school', value: r.school },
          { key: 'grondslag', label: 'Waarom het telt', value: GRONDSLAG[r.grondslag] },
          {
            key: 'code',
            label: 'Verificatiecode',
            value: (
              <>
                <span className="doorlopend-vz-code">{r.verificatiecode}</span> (<Link to={`/verificatie?code=${encodeURIComponent(r.verificatiecode)}`}>controleren</Link>)
              </>
            ),
          },
          ...(v.status !== 'ingediend'
            ? [{ key: 'besluit', label: 'Besluit', value: `${VRIJSTELLING_STATUS_LABELS[v.status]} op ${datum(v.beslotenOp)}${v.beslotenDoor ? ` door ${v.beslotenDoor}` : ''}${v.besluitReden ? `: ${v.besluitReden}` : ''}` }]
            : []),
        ]}
      />
      {v.status === 'ingediend' ? <Besluitformulier v={v} onBesloten={onBesloten} /> : null}
    </section>
  );
}

function VrijstellingenContent({ organisatieId }: { organisatieId: string }) {
  const [versie, setVersie] = useState(0);
  const { data, error, loading } = useApi(`${vrijstellingUrls.vanInstelling(organisatieId)}#${versie}`, (signal) => vrijstellingApi.vanInstelling(organisatieId, signal));
  const [melding, setMelding] = useState<string | null>(null);
  const meldingRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (melding) meldingRef.current?.focus();
  }, [melding]);
  if (error) return <LoadError error={error} />;
  if (!data) return loading ? <Loading label="Verzoeken laden…" /> : null;
  const open = data.verzoeken.filter((v) => v.status === 'ingediend');
  const besloten = data.verzoeken.filter((v) => v.status !== 'ingediend');
  const onBesloten = (tekst: string) => {
    if (tekst) setMelding(tekst);
    setVersie((n) => n + 1);
  };
  return (
    <>
      <PageHeading>Verzoeken om vrijstelling</PageHeading>
      <Paragraph appearance="lead">
        Leerlingen die een keuzedeel haalden in een gezamenlijk examen van vmbo en mbo, vragen {data.instelling.naam} om een vrijstelling. Als
        examencommissie beslist u: toekennen, of afwijzen met een reden. De leerling ziet het besluit.
      </Paragraph>
      <div ref={meldingRef} tabIndex={-1} className="doorlopend-form__status">
        {melding ? (
          <Alert type="ok" role="status">
            <Paragraph>{melding}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <section aria-labelledby="open-heading" className="doorlopend-section">
        <Heading level={2} id="open-heading">
          Open verzoeken ({open.length})
        </Heading>
        {open.length === 0 ? <Paragraph>Er wachten geen verzoeken op een besluit.</Paragraph> : open.map((v) => <VerzoekKaart key={v.id} v={v} onBesloten={onBesloten} />)}
      </section>
      <section aria-labelledby="besloten-heading" className="doorlopend-section">
        <Heading level={2} id="besloten-heading">
          Besloten ({besloten.length})
        </Heading>
        {besloten.length === 0 ? <Paragraph>Nog geen besluiten.</Paragraph> : besloten.map((v) => <VerzoekKaart key={v.id} v={v} onBesloten={onBesloten} />)}
      </section>
    </>
  );
}

export function VrijstellingenPage() {
  useDocumentTitle('Verzoeken om vrijstelling');
  const { id = '' } = useParams();
  return (
    <SignedInOnly>
      <VrijstellingenContent organisatieId={id} />
    </SignedInOnly>
  );
}
