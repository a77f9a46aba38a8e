/**
 * /verificatie: the public check of a result statement (issue 14). Anyone with the verification code sees that the
 * result is genuine: the keuzedeel, the result, the date, the examencommissie that vaststelde it and the pupil's
 * initials, nothing more. No sign-in. The code may be typed in any case, with or without spaces and dashes; it is
 * kept in the address (?code=) so a link works.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { RESULTAAT_LABELS, type Verificatie } from '../../shared/vrijstelling-api.js';
import { ApiError } from '../api.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { Alert, Button, DataList, Heading, PageHeading, Paragraph, TextField } from '../ui/index.js';
import { datum, vrijstellingApi } from './vrijstelling/vrijstelling-api.js';
import './vrijstelling/vrijstelling.css';

type Uitkomst = { soort: 'echt'; v: Verificatie } | { soort: 'onbekend' } | { soort: 'te-vaak'; tekst: string } | { soort: 'fout'; tekst: string };

export function VerificatiePage() {
  useDocumentTitle('Resultaatverklaring controleren');
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? '';
  const [invoer, setInvoer] = useState(code);
  const [uitkomst, setUitkomst] = useState<Uitkomst | null>(null);
  const [busy, setBusy] = useState(false);
  const [poging, setPoging] = useState(0);
  const [veldFout, setVeldFout] = useState<string | null>(null);
  const uitkomstRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setInvoer(code);
    if (!code.trim()) {
      setUitkomst(null);
      return;
    }
    const controller = new AbortController();
    setBusy(true);
    vrijstellingApi.verificatie(code.trim(), controller.signal).then(
      (v) => {
        if (!controller.signal.aborted) setUitkomst({ soort: 'echt', v });
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        const err = e instanceof ApiError ? e : new ApiError(0, 'Controleren is niet gelukt.');
        setUitkomst(err.status === 404 ? { soort: 'onbekend' } : err.status === 429 ? { soort: 'te-vaak', tekst: err.message } : { soort: 'fout', tekst: err.message });
      },
    ).finally(() => {
      if (!controller.signal.aborted) setBusy(false);
    });
    return () => controller.abort();
  }, [code, poging]);

  useLayoutEffect(() => {
    if (uitkomst) uitkomstRef.current?.focus();
  }, [uitkomst]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!invoer.trim()) {
      setVeldFout('Vul de code in die op de resultaatverklaring staat.');
      document.getElementById('verificatie-code')?.focus();
      return;
    }
    setVeldFout(null);
    // The same code again is asked again (the answer may have changed, e.g. after a 429).
    if (invoer.trim() === code.trim()) setPoging((p) => p + 1);
    else setParams({ code: invoer.trim() });
  };

  return (
    <>
      <PageHeading>Resultaatverklaring controleren</PageHeading>
      <Paragraph appearance="lead">
        Heeft een leerling u een resultaatverklaring van een keuzedeel gegeven? Vul de controlecode in die op de verklaring staat. U ziet dan of
        het resultaat echt is vastgesteld.
      </Paragraph>
      <form className="doorlopend-form" noValidate onSubmit={onSubmit} aria-label="Code controleren" aria-busy={busy || undefined}>
        <TextField
          id="verificatie-code"
          label="Controlecode"
          description="Bijvoorbeeld ABCD-EFGH-2345. Hoofdletters, spaties en streepjes maken niet uit."
          value={invoer}
          onChange={setInvoer}
          autoComplete="off"
          maxLength={40}
          invalidMessage={veldFout ?? undefined}
        />
        <Paragraph>
          <Button type="submit" disabled={busy}>
            {busy ? 'Bezig met controleren…' : 'Controleren'}
          </Button>
        </Paragraph>
      </form>
      <div ref={uitkomstRef} tabIndex={-1} role="status" className="doorlopend-form__status">
        {uitkomst?.soort === 'echt' ? (
          <section aria-labelledby="echt-heading" className="doorlopend-vz-kaart">
            <Heading level={2} id="echt-heading">
              Deze verklaring is echt
            </Heading>
            <DataList
              items={[
                { key: 'code', label: 'Controlecode', value: <span className="doorlopend-vz-code">{uitkomst.v.verificatiecode}</span> },
                { key: 'keuzedeel', label: 'Keuzedeel', value: uitkomst.v.keuzedeel.titel ? `${uitkomst.v.keuzedeel.code} ${uitkomst.v.keuzedeel.titel}` : uitkomst.v.keuzedeel.code },
                { key: 'resultaat', label: 'Resultaat', value: RESULTAAT_LABELS[uitkomst.v.resultaat] },
                { key: 'datum', label: 'Vastgesteld op', value: datum(uitkomst.v.datum) },
                { key: 'examencommissie', label: 'Vastgesteld door', value: `de examencommissie van ${uitkomst.v.examencommissie}` },
                { key: 'initialen', label: 'Initialen van de leerling', value: uitkomst.v.initialen },
              ]}
            />
            <Paragraph>Vergelijk deze gegevens met de verklaring. Meer dan dit toont deze pagina niet: de verklaring zelf is van de leerling.</Paragraph>
          </section>
        ) : null}
        {uitkomst?.soort === 'onbekend' ? (
          <Alert type="warning" heading="Deze code is niet bekend" headingLevel={2}>
            <Paragraph>Controleer of u de code goed hebt overgenomen. Klopt hij wel, neem dan contact op met de mbo-instelling op de verklaring.</Paragraph>
          </Alert>
        ) : null}
        {uitkomst?.soort === 'te-vaak' || uitkomst?.soort === 'fout' ? (
          <Alert type="error" heading="Controleren lukt nu niet" headingLevel={2}>
            <Paragraph>{uitkomst.tekst}</Paragraph>
          </Alert>
        ) : null}
      </div>
    </>
  );
}
