/** The form of a step with toetsen, activiteiten or materialen: add one, or change the one chosen in the table. */
import { useState } from 'react';
import { ZoekVeld } from '../ZoekVeld.js';
import { leerroutePath } from '../../lib/leerroute-api.js';
import { Button, CheckboxField, Fieldset, Heading, Link, Paragraph, SelectField, TextField } from '../../ui/index.js';
import { doelLabel, useLeerroute } from './context.js';
import { cap, type Veld } from './entiteit-config.js';
import { ErrorSummary } from './ErrorSummary.js';
import type { EntiteitState } from './useEntiteit.js';

export function EntiteitForm({ e }: { e: EntiteitState }) {
  const { perioden } = useLeerroute();
  const { config, p } = e;
  return (
    <form className="doorlopend-form doorlopend-leerroute-entiteit-form" noValidate onSubmit={e.submit} aria-labelledby={`${p}-kop`}>
      <Heading level={3} id={`${p}-kop`} ref={e.formKop} tabIndex={-1}>
        {e.titelForm}
      </Heading>
      <ErrorSummary heading={`De ${config.enkelvoud} is niet opgeslagen`} problems={e.problems} general={e.general} />
      <p role="status" className="doorlopend-form__status">
        {e.klaar}
      </p>
      <SelectField
        id={`${p}-periode`}
        label="Leerjaar en periode"
        value={e.periode}
        options={perioden.map((x) => ({ value: `${x.leerjaar}:${x.periode}`, label: `${x.label} (${x.fase})` }))}
        onChange={e.setPeriode}
        invalidMessage={e.errorFor(`${p}-periode`)}
      />
      {config.velden.map((v) => (
        <VeldInvoer key={v.naam} v={v} e={e} />
      ))}
      <Paragraph>
        <Button type="submit" disabled={e.busy}>
          {e.busy ? 'Bezig met opslaan…' : e.bewerk ? 'Wijzigingen opslaan' : `${cap(config.enkelvoud)} toevoegen`}
        </Button>{' '}
        {e.bewerk ? (
          <Button appearance="secondary-action-button" onClick={e.opnieuw}>
            Annuleren
          </Button>
        ) : null}
      </Paragraph>
    </form>
  );
}

/** One field of the form, by its kind: a list, a checkbox, the doelen, or a text (or url) field. */
function VeldInvoer({ v, e }: { v: Veld; e: EntiteitState }) {
  const { route } = useLeerroute();
  const id = `${e.p}-${v.naam}`;
  const waarde = e.waarden[v.naam];
  if (v.soort === 'keuze')
    return <SelectField id={id} label={v.label} value={String(waarde ?? '')} options={v.opties!(route)} onChange={(x) => e.zet(v.naam, x)} description={v.beschrijving} invalidMessage={e.errorFor(id)} />;
  if (v.soort === 'vink') return <CheckboxField id={id} label={v.label} checked={Boolean(waarde)} onChange={(x) => e.zet(v.naam, x)} description={v.beschrijving} />;
  if (v.soort === 'doelen') return <DoelenKeuze v={v} e={e} />;
  return (
    <TextField
      id={id}
      label={v.label}
      type={v.soort === 'url' ? 'url' : 'text'}
      value={String(waarde ?? '')}
      onChange={(x) => e.zet(v.naam, x)}
      description={v.beschrijving}
      maxLength={v.soort === 'url' ? 2000 : v.naam === 'omschrijving' ? 4000 : 300}
      invalidMessage={e.errorFor(id)}
    />
  );
}

/**
 * The doelen planned in the chosen period (or in all periods) as checkboxes, with a search that narrows them (chosen
 * ones stay visible). The search is inside the form: Enter narrows, it does not save the toets or activiteit.
 */
function DoelenKeuze({ v, e }: { v: Veld; e: EntiteitState }) {
  const { doelOf, route } = useLeerroute();
  const [zoek, setZoek] = useState('');
  const { p } = e;
  const id = `${p}-${v.naam}`;
  const gekozen = (e.waarden[v.naam] as string[]) ?? [];
  const needle = zoek.trim().toLowerCase();
  const label = (did: string) => `${doelLabel(doelOf(did), did)}${e.plekVan.has(did) ? ` (${e.plekVan.get(did)})` : ' (niet gepland)'}`;
  const getoond = needle ? e.geplandIn.filter((did) => gekozen.includes(did) || label(did).toLowerCase().includes(needle)) : e.geplandIn;
  return (
    <Fieldset
      id={id}
      legend={v.label}
      invalidMessage={e.errorFor(id)}
      description={e.alleDoelen ? 'Alle geplande doelen.' : 'De doelen die in deze periode gepland zijn.'}
      className="doorlopend-leerroute-doelkeuze"
    >
      <CheckboxField id={`${p}-alle-doelen`} label="Ook doelen uit andere perioden tonen" checked={e.alleDoelen} onChange={e.setAlleDoelen} />
      {e.geplandIn.length > 0 ? (
        <ZoekVeld id={`${p}-doelen-zoek`} label="Zoek in deze doelen" description="Code of woord uit de titel; gekozen doelen blijven staan." value={zoek} onChange={setZoek} />
      ) : null}
      {needle ? (
        <p role="status" className="doorlopend-meta">
          {getoond.length} van {e.geplandIn.length} doelen getoond.
        </p>
      ) : null}
      {e.geplandIn.length === 0 ? (
        <Paragraph>
          {e.alleDoelen ? 'Er is nog niets gepland.' : 'In deze periode is nog niets gepland: kies een andere periode, toon de doelen uit andere perioden, of'}{' '}
          {e.alleDoelen ? 'Plaats eerst doelen in ' : 'plaats doelen in '}
          <Link to={leerroutePath(route.id, 'planning')}>stap 2, Planning</Link>.
        </Paragraph>
      ) : null}
      {getoond.map((did) => (
        <CheckboxField
          key={did}
          id={`${p}-doel-${did.replaceAll(/[^A-Za-z0-9_-]/g, '_')}`}
          label={label(did)}
          checked={gekozen.includes(did)}
          onChange={(on) => e.zet(v.naam, on ? [...gekozen, did] : gekozen.filter((x) => x !== did))}
        />
      ))}
    </Fieldset>
  );
}
