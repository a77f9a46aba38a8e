/**
 * The exam plan editor (issue 14): onderdelen (assignments) with beoordelingscriteria (description, maximum score,
 * optional knock-out minimum, the keuzevak's eindtermen it assesses with the crosswalk's suggestions marked, the mbo
 * items), cesuur, result form, conversion, PTA toets, dates, location and the two assessors. The coverage of the
 * keuzevak's eindtermen is computed live from what is typed; saving sends the versie that was loaded (409 when a
 * partner saved meanwhile).
 */
import { useMemo, useState } from 'react';
import type { ExamenCriterium, ExamenOnderdeel, ExamenplanInhoud } from '../../../shared/examen-api.js';
import type { ExamenDetail, ExamenplanVersie } from '../../../shared/examenplan-api.js';
import { FormFeedback, type ActionState } from '../../components/ConfirmAction.js';
import { Button, CheckboxField, Fieldset, Heading, SelectField, TextField } from '../../ui/index.js';

/** Per eindterm the criteria that cover it (the same rule as src/domain/examen/dekking.ts). */
export function liveDekking(eindtermen: ExamenDetail['eindtermen'], onderdelen: readonly ExamenOnderdeel[]) {
  const per = new Map<string, string[]>(eindtermen.map((e) => [e.id, []]));
  for (const o of onderdelen) for (const c of o.criteria) for (const id of new Set(c.eindtermen)) per.get(id)?.push(c.omschrijving || c.id);
  const regels = eindtermen.map((e) => ({ ...e, criteria: per.get(e.id) ?? [] }));
  return { regels, gaten: regels.filter((r) => r.criteria.length === 0) };
}

const nieuwId = (prefix: string, bestaand: readonly string[]) => {
  let i = bestaand.length + 1;
  while (bestaand.includes(`${prefix}${i}`)) i++;
  return `${prefix}${i}`;
};

const getal = (v: string, fallback: number) => {
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) ? n : fallback;
};

function CriteriumVelden({ c, pad, detail, suggesties, zet, verwijder }: { c: ExamenCriterium; pad: string; detail: ExamenDetail; suggesties: ReadonlyMap<string, string[]>; zet: (c: ExamenCriterium) => void; verwijder?: () => void }) {
  const mboLabel = new Map(detail.mboItems.map((m) => [m.id, m.code]));
  return (
    <div className="doorlopend-examen-criterium">
      <TextField id={`${pad}-omschrijving`} label="Beoordelingscriterium" value={c.omschrijving} maxLength={1000} onChange={(v) => zet({ ...c, omschrijving: v })} />
      <div className="doorlopend-examen-rij">
        <TextField id={`${pad}-max`} type="number" label="Maximale score" value={String(c.maxScore)} onChange={(v) => zet({ ...c, maxScore: Math.max(1, Math.round(getal(v, c.maxScore))) })} />
        <TextField
          id={`${pad}-min`}
          type="number"
          label="Minimumscore (knock-out, optioneel)"
          value={c.minimumScore === null ? '' : String(c.minimumScore)}
          onChange={(v) => zet({ ...c, minimumScore: v.trim() === '' ? null : getal(v, 0) })}
        />
      </div>
      <Fieldset id={`${pad}-eindtermen`} legend={`Eindtermen van het keuzevak die "${c.omschrijving || 'dit criterium'}" toetst`}>
        <div className="doorlopend-examen-eindtermen">
          {detail.eindtermen.map((e) => {
            const s = suggesties.get(e.id);
            return (
              <CheckboxField
                key={e.id}
                id={`${pad}-e-${e.id}`}
                label={`${e.code} ${e.titel}`}
                description={s?.length ? `Crosswalk: bevestigd gekoppeld aan ${s.map((id) => mboLabel.get(id) ?? id).join(', ')}` : undefined}
                checked={c.eindtermen.includes(e.id)}
                onChange={(aan) => zet({ ...c, eindtermen: aan ? [...c.eindtermen, e.id] : c.eindtermen.filter((x) => x !== e.id) })}
              />
            );
          })}
        </div>
      </Fieldset>
      {detail.mboItems.length ? (
        <Fieldset id={`${pad}-werkprocessen`} legend="Keuzedeel of werkprocessen die dit criterium toetst">
          <div className="doorlopend-examen-eindtermen">
            {detail.mboItems.map((m) => (
              <CheckboxField
                key={m.id}
                id={`${pad}-w-${m.id}`}
                label={`${m.code} ${m.titel}`}
                checked={c.werkprocessen.includes(m.id)}
                onChange={(aan) => zet({ ...c, werkprocessen: aan ? [...c.werkprocessen, m.id] : c.werkprocessen.filter((x) => x !== m.id) })}
              />
            ))}
          </div>
        </Fieldset>
      ) : null}
      {verwijder ? (
        <Button appearance="subtle-button" onClick={verwijder}>
          Criterium “{c.omschrijving || c.id}” verwijderen
        </Button>
      ) : null}
    </div>
  );
}

export function PlanEditor({ detail, versie, state, onSave }: { detail: ExamenDetail; versie: ExamenplanVersie; state: ActionState; onSave: (inhoud: ExamenplanInhoud) => void }) {
  const [inhoud, setInhoud] = useState<ExamenplanInhoud>(versie.inhoud);
  const suggesties = useMemo(() => new Map(versie.dekking.eindtermen.map((e) => [e.id, e.suggesties.map((s) => s.id)])), [versie]);
  const live = liveDekking(detail.eindtermen, inhoud.onderdelen);
  const zetOnderdeel = (i: number, o: ExamenOnderdeel) => setInhoud({ ...inhoud, onderdelen: inhoud.onderdelen.map((x, j) => (j === i ? o : x)) });
  const alleCriteria = inhoud.onderdelen.flatMap((o) => o.criteria.map((c) => c.id));
  const maxTotaal = inhoud.onderdelen.reduce((s, o) => s + o.criteria.reduce((t, c) => t + c.maxScore, 0), 0);
  const nieuwCriterium = (): ExamenCriterium => ({ id: nieuwId('c', alleCriteria), omschrijving: '', maxScore: 10, minimumScore: null, eindtermen: [], werkprocessen: [] });
  return (
    <form
      className="doorlopend-examen-form"
      aria-labelledby="editor-kop"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(inhoud);
      }}
    >
      <Heading level={2} id="editor-kop">
        Examenplan bewerken (versie {versie.versienummer})
      </Heading>
      <section aria-labelledby="live-dekking-kop" className="doorlopend-examen-kaart">
        <Heading level={3} id="live-dekking-kop">
          Dekking terwijl u werkt
        </Heading>
        <p role="status" className={live.gaten.length ? 'doorlopend-examen-gat' : 'doorlopend-examen-gedekt'}>
          {live.gaten.length === 0
            ? `Alle ${live.regels.length} eindtermen van het keuzevak zijn gedekt.`
            : `${live.regels.length - live.gaten.length} van ${live.regels.length} eindtermen gedekt; nog open: ${live.gaten.map((g) => g.code).join(', ')}.`}
        </p>
      </section>
      {inhoud.onderdelen.map((o, i) => (
        <Fieldset key={o.id} id={`onderdeel-${o.id}`} legend={`Opdracht ${i + 1}: ${o.titel || '(nog zonder titel)'}`} className="doorlopend-examen-kaart">
          <TextField id={`onderdeel-${o.id}-titel`} label="Titel van de opdracht" value={o.titel} maxLength={200} onChange={(v) => zetOnderdeel(i, { ...o, titel: v })} />
          <div className="doorlopend-field">
            <label htmlFor={`onderdeel-${o.id}-omschrijving`}>Omschrijving van de opdracht</label>
            <textarea id={`onderdeel-${o.id}-omschrijving`} rows={3} maxLength={4000} value={o.omschrijving} onChange={(e) => zetOnderdeel(i, { ...o, omschrijving: e.target.value })} />
          </div>
          {o.criteria.map((c, j) => (
            <CriteriumVelden
              key={c.id}
              c={c}
              pad={`crit-${c.id}`}
              detail={detail}
              suggesties={suggesties}
              zet={(nieuw) => zetOnderdeel(i, { ...o, criteria: o.criteria.map((x, k) => (k === j ? nieuw : x)) })}
              verwijder={o.criteria.length > 1 ? () => zetOnderdeel(i, { ...o, criteria: o.criteria.filter((_, k) => k !== j) }) : undefined}
            />
          ))}
          <div className="doorlopend-examen-acties">
            <Button appearance="secondary-action-button" onClick={() => zetOnderdeel(i, { ...o, criteria: [...o.criteria, nieuwCriterium()] })}>
              Criterium toevoegen aan opdracht {i + 1}
            </Button>
            <Button appearance="subtle-button" onClick={() => setInhoud({ ...inhoud, onderdelen: inhoud.onderdelen.filter((_, k) => k !== i) })}>
              Opdracht {i + 1} verwijderen
            </Button>
          </div>
        </Fieldset>
      ))}
      <div>
        <Button
          appearance="secondary-action-button"
          onClick={() =>
            setInhoud({
              ...inhoud,
              onderdelen: [...inhoud.onderdelen, { id: nieuwId('opdracht-', inhoud.onderdelen.map((x) => x.id)), titel: '', omschrijving: '', criteria: [nieuwCriterium()] }],
            })
          }
        >
          Opdracht toevoegen
        </Button>
      </div>
      <Fieldset id="beoordeling" legend="Beoordeling en omzetting" className="doorlopend-examen-kaart">
        <TextField
          id="cesuur"
          type="number"
          label="Cesuur: minimaal aantal punten voor behaald"
          description={`Het maximale totaal is nu ${maxTotaal} punten.`}
          value={String(inhoud.cesuur.minimumPunten)}
          onChange={(v) => setInhoud({ ...inhoud, cesuur: { minimumPunten: Math.max(0, getal(v, 0)) } })}
        />
        <SelectField
          id="resultaatvorm"
          label="Resultaat keuzedeel"
          value={inhoud.resultaatvorm}
          onChange={(v) => setInhoud({ ...inhoud, resultaatvorm: v as ExamenplanInhoud['resultaatvorm'] })}
          options={[
            { value: 'behaald-niet-behaald', label: 'Behaald / niet behaald' },
            { value: 'cijfer', label: 'Behaald / niet behaald en een cijfer' },
          ]}
        />
        <SelectField
          id="omzetting"
          label="Omzetting naar het cijfer van het keuzevak"
          description="Zoals de scholen hebben afgesproken, 1,0 tot 10,0 met één decimaal. Rechtlijnig: 0 punten is 1,0, de cesuur is 5,5 en het maximum is 10,0. Een eigen tabel: vanaf zoveel punten dit cijfer."
          value={inhoud.omzetting.methode}
          onChange={(v) =>
            setInhoud({
              ...inhoud,
              omzetting: v === 'tabel' ? { methode: 'tabel', tabel: [{ vanafPunten: 0, cijfer: 1 }, { vanafPunten: inhoud.cesuur.minimumPunten, cijfer: 5.5 }, { vanafPunten: maxTotaal, cijfer: 10 }] } : { methode: 'lineair-cesuur' },
            })
          }
          options={[
            { value: 'lineair-cesuur', label: 'Rechtlijnig via de cesuur' },
            { value: 'tabel', label: 'Eigen tabel' },
          ]}
        />
        {inhoud.omzetting.methode === 'tabel' ? (
          <Fieldset id="omzettingstabel" legend="Omzettingstabel (oplopend in punten)">
            {inhoud.omzetting.tabel.map((r, i, tabel) => {
              const zet = (nieuw: { vanafPunten: number; cijfer: number } | null) =>
                setInhoud({ ...inhoud, omzetting: { methode: 'tabel', tabel: nieuw ? tabel.map((x, j) => (j === i ? nieuw : x)) : tabel.filter((_, j) => j !== i) } });
              return (
                <div key={i} className="doorlopend-examen-rij">
                  <TextField id={`omzetting-${i}-punten`} type="number" label={`Regel ${i + 1}: vanaf punten`} value={String(r.vanafPunten)} onChange={(v) => zet({ ...r, vanafPunten: Math.max(0, getal(v, r.vanafPunten)) })} />
                  <TextField id={`omzetting-${i}-cijfer`} type="number" label={`Regel ${i + 1}: cijfer`} value={String(r.cijfer)} onChange={(v) => zet({ ...r, cijfer: Math.min(10, Math.max(1, getal(v, r.cijfer))) })} />
                  {tabel.length > 1 ? (
                    <Button appearance="subtle-button" onClick={() => zet(null)}>
                      Regel {i + 1} verwijderen
                    </Button>
                  ) : null}
                </div>
              );
            })}
            <div>
              <Button
                appearance="secondary-action-button"
                onClick={() => inhoud.omzetting.methode === 'tabel' && setInhoud({ ...inhoud, omzetting: { methode: 'tabel', tabel: [...inhoud.omzetting.tabel, { vanafPunten: maxTotaal, cijfer: 10 }] } })}
              >
                Regel toevoegen
              </Button>
            </div>
          </Fieldset>
        ) : null}
      </Fieldset>
      <Fieldset id="afname" legend="Afname" className="doorlopend-examen-kaart">
        <SelectField
          id="ptaToets"
          label="PTA-toets van de leerroute die dit examen afsluit"
          value={inhoud.ptaToetsId ?? ''}
          onChange={(v) => setInhoud({ ...inhoud, ptaToetsId: v || null })}
          options={[{ value: '', label: '(geen)' }, ...detail.ptaToetsen.map((t) => ({ value: t.id, label: `${t.toetscode} ${t.naam} (leerjaar ${t.leerjaar}, periode ${t.periode})` }))]}
          description={detail.grondslag === 'gezamenlijk-pta-oer' ? 'Verplicht: dit examen hoort bij het gezamenlijke PTA/OER.' : undefined}
        />
        <div className="doorlopend-field">
          <label htmlFor="datum">Geplande examendatum</label>
          <input
            id="datum"
            type="date"
            value={inhoud.datums[0]?.datum ?? ''}
            onChange={(e) => setInhoud({ ...inhoud, datums: e.target.value ? [{ datum: e.target.value, omschrijving: inhoud.datums[0]?.omschrijving ?? 'Afname' }, ...inhoud.datums.slice(1)] : inhoud.datums.slice(1) })}
          />
        </div>
        <TextField id="locatie" label="Locatie" value={inhoud.locatie} maxLength={300} onChange={(v) => setInhoud({ ...inhoud, locatie: v })} />
        <SelectField
          id="examinator"
          label="1e beoordelaar: vmbo-examinator"
          value={inhoud.examinatorId ?? ''}
          onChange={(v) => setInhoud({ ...inhoud, examinatorId: v || null })}
          options={[{ value: '', label: '(nog niet gekozen)' }, ...detail.kandidaten.examinatoren.map((p) => ({ value: p.id, label: p.naam }))]}
        />
        <SelectField
          id="beoordelaar"
          label="2e beoordelaar: mbo-beoordelaar (beslist over het keuzedeel)"
          value={inhoud.beoordelaarId ?? ''}
          onChange={(v) => setInhoud({ ...inhoud, beoordelaarId: v || null })}
          options={[{ value: '', label: '(nog niet gekozen)' }, ...detail.kandidaten.beoordelaars.map((p) => ({ value: p.id, label: p.naam }))]}
        />
      </Fieldset>
      <FormFeedback state={state} failureHeading="Het examenplan is niet opgeslagen" />
      <div>
        <Button type="submit" disabled={state.busy}>
          Examenplan opslaan
        </Button>
      </div>
    </form>
  );
}
