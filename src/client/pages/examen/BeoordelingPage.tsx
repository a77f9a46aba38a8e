/**
 * /beoordelingen/:beoordelingId (issue 14): one pupil's assessment form. Per criterion the user fills in their own
 * side (score 0 … maximum in steps of 0,5, and notes) while the other assessor's scores are shown read-only; then
 * the side's result: the 2nd assessor the keuzedeel result, the 1st assessor the keuzevak grade (the conversion
 * proposes it; another grade needs a note). Saving sends the side's versie: when the side was saved elsewhere in the
 * meantime, the conflict is explained in plain Dutch and "Nieuwste versie laden" fetches the form again while keeping
 * what the user typed. After vaststelling: a correction with a reason (examencommissie), the history, the PDF, and a
 * herkansing when the PTA allows it.
 */
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { KANT_NAMEN, RESULTAAT_NAMEN, type BeoordelingDetail, type Kant, type KantOpslaan } from '../../../shared/beoordeling-api.js';
import { ApiError } from '../../api.js';
import { FormFeedback, useAction } from '../../components/ConfirmAction.js';
import { LoadError, Loading } from '../../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../../components/SignedInOnly.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useApi } from '../../lib/useApi.js';
import { Alert, Button, DataList, DocumentLink, Heading, Link, ListItem, PageHeading, Paragraph, SelectField, StatusBadge, TextField, UnorderedList } from '../../ui/index.js';
import { beoordelenPath, beoordelingApi, beoordelingPath, beoordelingUrls, leesGetal, nl } from './BeoordelingApi.js';
import './Beoordeling.css';

type Invoer = Record<string, { score: string; notitie: string }>;

function invoerVan(d: BeoordelingDetail, kant: Kant | null): Invoer {
  const uit: Invoer = {};
  for (const c of d.criteria) {
    const s = kant ? c[kant] : null;
    uit[c.id] = { score: s ? nl(s.score) : '', notitie: s?.notitie ?? '' };
  }
  return uit;
}

function Tekstvak({ id, label, value, onChange, rows = 2, beschrijving }: { id: string; label: string; value: string; onChange: (v: string) => void; rows?: number; beschrijving?: string }) {
  return (
    <div className="doorlopend-beoordeling-tekstvak">
      <label htmlFor={id}>{label}</label>
      {beschrijving ? (
        <span id={`${id}-uitleg`} className="doorlopend-beoordeling-muted">
          {beschrijving}
        </span>
      ) : null}
      <textarea id={id} rows={rows} maxLength={2000} value={value} aria-describedby={beschrijving ? `${id}-uitleg` : undefined} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

const ANDER: Record<Kant, Kant> = { eerste: 'tweede', tweede: 'eerste' };

function Formulier({ d, setD }: { d: BeoordelingDetail; setD: (d: BeoordelingDetail) => void }) {
  const kant = d.status === 'open' ? d.mijnKant : null;
  const [invoer, setInvoer] = useState<Invoer>(() => invoerVan(d, kant));
  const [resultaat, setResultaat] = useState<string>(d.keuzedeelResultaat ?? '');
  const [kdCijfer, setKdCijfer] = useState(d.keuzedeelCijfer === null ? '' : nl(d.keuzedeelCijfer));
  const [afgenomenOp, setAfgenomenOp] = useState(d.afgenomenOp ?? '');
  const [kvCijfer, setKvCijfer] = useState(d.keuzevakCijfer === null ? '' : nl(d.keuzevakCijfer));
  const [toelichting, setToelichting] = useState(d.cijferToelichting ?? '');
  const [conflict, setConflict] = useState(false);
  const [verstuurd, setVerstuurd] = useState<string[]>([]);
  const opslaan = useAction('Opslaan is niet gelukt.');
  const herladen = useAction('Laden is niet gelukt.');

  const bewaar = () =>
    void opslaan.run(async () => {
      if (!kant) return null;
      const scores: KantOpslaan['scores'] = [];
      for (const c of d.criteria) {
        const nu = invoer[c.id]!;
        const oud = c[kant];
        const score = leesGetal(nu.score);
        if (score === null && !oud) continue;
        if (oud && score === oud.score && nu.notitie === oud.notitie) continue;
        scores.push({ criteriumId: c.id, score: Number.isNaN(score) ? -1 : score, notitie: nu.notitie });
      }
      setVerstuurd(scores.map((s) => s.criteriumId));
      const body: KantOpslaan = { versie: kant === 'eerste' ? d.versieEerste : d.versieTweede, scores };
      // Only what the user changed: a field left alone never overwrites what is stored.
      if (kant === 'tweede') {
        if (resultaat !== (d.keuzedeelResultaat ?? '')) body.keuzedeelResultaat = resultaat === '' ? null : (resultaat as 'behaald' | 'niet-behaald');
        if (d.resultaatvorm === 'cijfer' && leesGetal(kdCijfer) !== d.keuzedeelCijfer) body.keuzedeelCijfer = leesGetal(kdCijfer);
        if (afgenomenOp !== (d.afgenomenOp ?? '')) body.afgenomenOp = afgenomenOp === '' ? null : afgenomenOp;
      } else {
        const c = leesGetal(kvCijfer);
        if (c !== d.keuzevakCijfer) body.keuzevakCijfer = c;
        if (toelichting.trim() && c !== d.keuzevakCijfer) body.cijferToelichting = toelichting;
      }
      try {
        const nieuw = await beoordelingApi.opslaan(d.id, kant, body);
        setConflict(false);
        setD(nieuw);
        setInvoer(invoerVan(nieuw, kant));
        return 'Uw deel van het formulier is opgeslagen.';
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) setConflict(true);
        throw e;
      }
    });

  const laadNieuwste = () =>
    void herladen.run(async () => {
      // The newest form (new versie, the other side's scores). What the user typed stays in the fields; fields the user
      // left alone take the stored values.
      const nieuw = await beoordelingApi.get(d.id);
      const oud = invoerVan(d, kant);
      const vers = invoerVan(nieuw, kant);
      setInvoer((nu) => {
        const uit: Invoer = { ...vers };
        for (const [id, v] of Object.entries(nu)) if (oud[id] && (v.score !== oud[id]!.score || v.notitie !== oud[id]!.notitie)) uit[id] = v;
        return uit;
      });
      const tekst = (n: number | null) => (n === null ? '' : nl(n));
      if (resultaat === (d.keuzedeelResultaat ?? '')) setResultaat(nieuw.keuzedeelResultaat ?? '');
      if (kdCijfer === tekst(d.keuzedeelCijfer)) setKdCijfer(tekst(nieuw.keuzedeelCijfer));
      if (afgenomenOp === (d.afgenomenOp ?? '')) setAfgenomenOp(nieuw.afgenomenOp ?? '');
      if (kvCijfer === tekst(d.keuzevakCijfer)) setKvCijfer(tekst(nieuw.keuzevakCijfer));
      setD(nieuw);
      setConflict(false);
      opslaan.reset();
      return 'De nieuwste versie is geladen; uw invoer staat er nog. Controleer en sla opnieuw op.';
    });

  const voorgesteld = d.berekend.cijfer;
  const kvGetal = leesGetal(kvCijfer);
  const wijktAf = kvGetal !== null && !Number.isNaN(kvGetal) && Math.abs(kvGetal - voorgesteld) > 1e-9;
  const fouten = opslaan.error?.problem?.errors ?? [];

  return (
    <section aria-labelledby="criteria-kop" className="doorlopend-section">
      <Heading level={2} id="criteria-kop">
        Scores per criterium
      </Heading>
      {kant ? (
        <Paragraph>
          U vult het deel van de {KANT_NAMEN[kant]} in. Scores gaan van 0 tot het maximum, in stappen van 0,5 (bijvoorbeeld 2,5). De scores van de{' '}
          {KANT_NAMEN[ANDER[kant]]} ziet u eronder.
        </Paragraph>
      ) : (
        <Paragraph>{d.status === 'vastgesteld' ? 'Dit formulier is vastgesteld en kan alleen nog met een correctie wijzigen.' : 'U kunt dit formulier lezen, niet invullen.'}</Paragraph>
      )}
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          bewaar();
        }}
      >
        {d.criteria.map((c, i) => {
          const eigen = kant ? invoer[c.id]! : null;
          const fout = verstuurd.includes(c.id) ? fouten.find((f) => f.path === `body.scores.${verstuurd.indexOf(c.id)}.score`) : undefined;
          return (
            <div key={c.id} className="doorlopend-beoordeling-criterium" role="group" aria-labelledby={`crit-${c.id}`}>
              <h3 id={`crit-${c.id}`}>
                {i + 1}. {c.omschrijving}
              </h3>
              <p className="doorlopend-beoordeling-muted">
                {c.onderdeel} · maximaal {nl(c.maxScore)} punten{c.minimumScore !== null ? ` · minimaal ${nl(c.minimumScore)} nodig` : ''}
              </p>
              {eigen ? (
                <div className="doorlopend-beoordeling-velden">
                  <TextField
                    id={`score-${c.id}`}
                    label={`Score (0 – ${nl(c.maxScore)})`}
                    value={eigen.score}
                    onChange={(v) => setInvoer({ ...invoer, [c.id]: { ...eigen, score: v } })}
                    invalidMessage={fout?.message}
                  />
                  <Tekstvak id={`notitie-${c.id}`} label="Notitie" value={eigen.notitie} onChange={(v) => setInvoer({ ...invoer, [c.id]: { ...eigen, notitie: v } })} />
                </div>
              ) : null}
              {(['eerste', 'tweede'] as const)
                .filter((k) => k !== kant)
                .map((k) => (
                  <p key={k} className="doorlopend-beoordeling-ander">
                    {k === 'eerste' ? '1e beoordelaar' : '2e beoordelaar'}: {c[k] ? `${nl(c[k]!.score)} punten${c[k]!.notitie ? ` — ${c[k]!.notitie}` : ''}` : 'nog geen score'}
                  </p>
                ))}
            </div>
          );
        })}
        <Heading level={2} id="resultaat-kop">
          Resultaten
        </Heading>
        <DataList
          items={[
            { key: 'totaal', label: 'Totaal (scores 2e beoordelaar)', value: `${nl(d.berekend.totaal)} van ${nl(d.maximum)} punten (cesuur ${nl(d.cesuur)})` },
            { key: 'uitkomst', label: 'Volgens de scores', value: `${d.berekend.behaald ? 'behaald' : 'niet behaald'}${d.berekend.knockOuts.length ? ' (een criterium onder het minimum)' : ''}${d.berekend.compleet ? '' : ' — nog niet alle criteria gescoord'}` },
            { key: 'kd', label: 'Keuzedeel (2e beoordelaar)', value: d.keuzedeelResultaat ? `${RESULTAAT_NAMEN[d.keuzedeelResultaat]}${d.keuzedeelCijfer !== null ? `, ${nl(d.keuzedeelCijfer, 1)}` : ''}` : 'nog niet vastgelegd' },
            { key: 'kv', label: 'Keuzevakcijfer (1e beoordelaar)', value: d.keuzevakCijfer !== null ? nl(d.keuzevakCijfer, 1) : 'nog niet vastgelegd' },
            { key: 'omz', label: 'Cijfer volgens de afgesproken omzetting', value: nl(voorgesteld, 1) },
          ]}
        />
        {kant === 'tweede' ? (
          <>
            <SelectField
              id="keuzedeelresultaat"
              label="Keuzedeelresultaat"
              value={resultaat}
              onChange={setResultaat}
              options={[
                { value: '', label: 'Nog niet vastgelegd' },
                { value: 'behaald', label: 'Behaald' },
                { value: 'niet-behaald', label: 'Niet behaald' },
              ]}
              description={`Volgens de scores: ${d.berekend.behaald ? 'behaald' : 'niet behaald'}. U beslist als 2e beoordelaar over het keuzedeel.`}
            />
            {d.resultaatvorm === 'cijfer' ? <TextField id="keuzedeelcijfer" label="Keuzedeelcijfer (1,0 – 10,0)" value={kdCijfer} onChange={setKdCijfer} /> : null}
            <div className="doorlopend-field doorlopend-beoordeling-datum">
              <label htmlFor="afgenomenop">Datum van het examen</label>
              <p id="afgenomenop-uitleg" className="doorlopend-beoordeling-muted">
                Deze datum gaat mee in de resultaten voor beide administraties. Leeg laten: de geplande datum uit het examenplan (als die voorbij is), anders vandaag.
              </p>
              <input id="afgenomenop" type="date" aria-describedby="afgenomenop-uitleg" value={afgenomenOp} onChange={(e) => setAfgenomenOp(e.target.value)} />
            </div>
          </>
        ) : null}
        {kant === 'eerste' ? (
          <>
            <TextField
              id="keuzevakcijfer"
              label="Keuzevakcijfer (1,0 – 10,0)"
              value={kvCijfer}
              onChange={setKvCijfer}
              description={`De afgesproken omzetting geeft ${nl(voorgesteld, 1)}${d.berekend.compleet ? '' : ' (de 2e beoordelaar heeft nog niet alles gescoord)'}.`}
            />
            {kvCijfer === '' ? (
              <Button type="button" appearance="secondary-action-button" onClick={() => setKvCijfer(nl(voorgesteld, 1))}>
                Voorgesteld cijfer {nl(voorgesteld, 1)} overnemen
              </Button>
            ) : null}
            {wijktAf ? <Tekstvak id="toelichting" label="Toelichting (nodig: het cijfer wijkt af van de omzetting)" value={toelichting} onChange={setToelichting} /> : null}
          </>
        ) : null}
        {conflict ? (
          <Alert type="warning" heading="Niet opgeslagen: iemand was u voor" headingLevel={3}>
            <Paragraph>
              Uw deel van dit formulier is intussen ergens anders opgeslagen, bijvoorbeeld in een ander venster. Uw invoer staat hier nog. Laad de nieuwste versie, controleer
              de scores en sla daarna opnieuw op.
            </Paragraph>
            <Button type="button" onClick={laadNieuwste} disabled={herladen.busy}>
              Nieuwste versie laden (uw invoer blijft staan)
            </Button>
          </Alert>
        ) : (
          <FormFeedback state={opslaan} failureHeading="Niet opgeslagen" />
        )}
        <FormFeedback state={herladen} failureHeading="Laden is niet gelukt" />
        {kant ? (
          <div className="doorlopend-beoordeling-acties">
            <Button type="submit" disabled={opslaan.busy}>
              Mijn deel opslaan
            </Button>
          </div>
        ) : null}
      </form>
    </section>
  );
}

function Correctie({ d, setD }: { d: BeoordelingDetail; setD: (d: BeoordelingDetail) => void }) {
  const [reden, setReden] = useState('');
  const [resultaat, setResultaat] = useState<string>(d.keuzedeelResultaat ?? 'behaald');
  const [kvCijfer, setKvCijfer] = useState(d.keuzevakCijfer === null ? '' : nl(d.keuzevakCijfer));
  const actie = useAction('Corrigeren is niet gelukt.');
  return (
    <section aria-labelledby="correctie-kop" className="doorlopend-section">
      <Heading level={2} id="correctie-kop">
        Correctie na vaststelling
      </Heading>
      <Paragraph>Een vastgesteld resultaat verandert alleen met een reden. De correctie komt in de geschiedenis van dit formulier en in het logboek.</Paragraph>
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          void actie.run(async () => {
            const c = leesGetal(kvCijfer);
            const nieuw = await beoordelingApi.corrigeer(d.id, {
              reden,
              scores: [],
              ...(resultaat !== d.keuzedeelResultaat ? { keuzedeelResultaat: resultaat as 'behaald' | 'niet-behaald' } : {}),
              ...(c !== null && c !== d.keuzevakCijfer ? { keuzevakCijfer: c } : {}),
            });
            setD(nieuw);
            setReden('');
            return 'De correctie is vastgelegd.';
          });
        }}
      >
        <SelectField
          id="correctie-resultaat"
          label="Keuzedeelresultaat"
          value={resultaat}
          onChange={setResultaat}
          options={[
            { value: 'behaald', label: 'Behaald' },
            { value: 'niet-behaald', label: 'Niet behaald' },
          ]}
        />
        <TextField id="correctie-cijfer" label="Keuzevakcijfer (1,0 – 10,0)" value={kvCijfer} onChange={setKvCijfer} />
        <Tekstvak id="correctie-reden" label="Reden van de correctie (verplicht)" value={reden} onChange={setReden} rows={3} />
        <FormFeedback state={actie} failureHeading="Niet gecorrigeerd" />
        <Button type="submit" appearance="secondary-action-button" disabled={actie.busy}>
          Correctie vastleggen
        </Button>
      </form>
    </section>
  );
}

function Inhoud({ id }: { id: string }) {
  const geladen = useApi(beoordelingUrls.detail(id), (signal) => beoordelingApi.get(id, signal));
  const [d, setD] = useState<BeoordelingDetail | null>(null);
  const navigate = useNavigate();
  const herkansing = useAction('De herkansing is niet klaargezet.');
  useEffect(() => {
    if (geladen.data) setD(geladen.data);
  }, [geladen.data]);
  useSessionExpiry(geladen.error);
  useDocumentTitle(d ? `Beoordeling ${d.leerling.naam}` : 'Beoordeling');
  if (geladen.error && !geladen.error.isUnauthorized) return <LoadError error={geladen.error} />;
  if (!d) return <Loading />;
  return (
    <article className="doorlopend-detail doorlopend-beoordeling">
      <p className="doorlopend-preheading">
        <Link to={beoordelenPath(d.examenId)}>Beoordelen: examen keuzedeel {d.keuzedeelCode}</Link>
      </p>
      <PageHeading>
        Beoordelingsformulier {d.leerling.naam}
        {d.poging > 1 ? ` (poging ${d.poging})` : ''}
      </PageHeading>
      <Paragraph>
        Leerlingnummer {d.leerling.leerlingnummer}
        {d.leerling.klas ? `, klas ${d.leerling.klas}` : ''} · keuzedeel {d.keuzedeelCode}
        {d.keuzevakId ? ` · keuzevak ${d.keuzevakId}` : ''} ·{' '}
        {d.status === 'vastgesteld' ? <StatusBadge status="safe">Vastgesteld</StatusBadge> : <StatusBadge status="neutral">Open</StatusBadge>}
      </Paragraph>
      {d.vastgesteld ? (
        <Paragraph>
          Vastgesteld op {new Date(d.vastgesteld.at).toLocaleDateString('nl-NL')} door {d.vastgesteld.naam}; verificatiecode <strong>{d.vastgesteld.verificatiecode}</strong>.
        </Paragraph>
      ) : null}
      <Paragraph>
        <DocumentLink href={beoordelingUrls.pdf(d.id)} download>
          Formulier als PDF
        </DocumentLink>
      </Paragraph>
      <Formulier key={`${d.id}-${d.status}`} d={d} setD={setD} />
      {d.magCorrigeren ? <Correctie key={`c-${d.id}`} d={d} setD={setD} /> : null}
      {d.magHerkansing ? (
        <section aria-labelledby="herkansing-kop" className="doorlopend-section">
          <Heading level={2} id="herkansing-kop">
            Herkansing
          </Heading>
          <Paragraph>Het PTA staat een herkansing toe en deze poging is niet behaald. Een herkansing maakt een nieuw formulier (poging {d.poging + 1}).</Paragraph>
          <FormFeedback state={herkansing} failureHeading="Geen herkansing klaargezet" />
          <Button
            type="button"
            appearance="secondary-action-button"
            disabled={herkansing.busy}
            onClick={() =>
              void herkansing.run(async () => {
                const nieuw = await beoordelingApi.herkansing(d.id);
                navigate(beoordelingPath(nieuw.id));
                return null;
              })
            }
          >
            Herkansing klaarzetten
          </Button>
        </section>
      ) : null}
      <section aria-labelledby="historie-kop" className="doorlopend-section">
        <Heading level={2} id="historie-kop">
          Geschiedenis
        </Heading>
        {d.historie.length === 0 ? (
          <Paragraph>Nog niets vastgelegd.</Paragraph>
        ) : (
          <UnorderedList>
            {d.historie.map((h, i) => (
              <ListItem key={i}>
                {new Date(h.at).toLocaleString('nl-NL', { dateStyle: 'short', timeStyle: 'short' })}, {h.door}: {h.omschrijving}
                {h.reden ? `. Reden: ${h.reden}` : ''}
              </ListItem>
            ))}
          </UnorderedList>
        )}
      </section>
    </article>
  );
}

export function BeoordelingPage() {
  const { beoordelingId = '' } = useParams();
  return (
    <SignedInOnly>
      <Inhoud key={beoordelingId} id={beoordelingId.toLowerCase()} />
    </SignedInOnly>
  );
}
