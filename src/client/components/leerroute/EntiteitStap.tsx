/**
 * Steps 3, 4 and 5: toetsen, activiteiten and materialen per leerjaar and periode. One form (add, or change with the
 * versie last seen) described by a list of fields, and per period a table. A link from the coverage panel
 * (?leerjaar=&periode=&doel=) opens the form on that period with that doel chosen.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { MATERIAALSOORTEN, TOETSVORM_NAMEN, TOETSVORMEN } from '../../../shared/leerroute-api.js';
import type { Activiteit, LeerrouteDetail, Materiaal, Toets } from '../../../shared/leerroute-api.js';
import { ApiError } from '../../api.js';
import { count, formatDateTime, formatNumber } from '../../lib/format.js';
import { fieldErrors, leerrouteApi, type Entiteit } from '../../lib/leerroute-api.js';
import { takeFocusRequest } from '../../lib/navigation.js';
import { Button, CheckboxField, Fieldset, Heading, Paragraph, SelectField, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, TextField } from '../../ui/index.js';
import { ConfirmAction } from '../ConfirmAction.js';
import { doelLabel, periodeLabel, useLeerroute } from './context.js';
import { ErrorSummary, type FieldProblem } from './ErrorSummary.js';

type Waarde = string | boolean | string[];
type Waarden = Record<string, Waarde>;
type Rij = Toets | Activiteit | Materiaal;

interface Veld {
  naam: string;
  label: string;
  soort: 'tekst' | 'getal' | 'keuze' | 'vink' | 'doelen' | 'url';
  opties?: (route: LeerrouteDetail) => Array<{ value: string; label: string }>;
  verplicht?: boolean;
  /** An empty choice or number is sent as null. */
  leegIsNull?: boolean;
  geheel?: boolean;
  beschrijving?: string;
  standaard?: Waarde;
}

interface Config {
  soort: Entiteit;
  enkelvoud: string;
  meervoud: string;
  velden: readonly Veld[];
  rijen: (route: LeerrouteDetail) => Rij[];
  naamVan: (rij: Rij) => string;
  kolommen: ReadonlyArray<{ kop: string; cel: (rij: Rij, ctx: { doelTekst: (ids: readonly string[]) => ReactNode; orgNaam: (id: string | null) => string }) => ReactNode }>;
}

const partnerOpties = (route: LeerrouteDetail) => [{ value: '', label: 'Nog niet gekozen' }, ...route.partners.map((p) => ({ value: p.id, label: p.naam }))];
const ja = (b: boolean) => (b ? 'ja' : 'nee');
const getal = (n: number | null, eenheid = '') => (n === null ? '–' : `${formatNumber(n)}${eenheid}`);
const ONDERDEEL_NAMEN: Record<Toets['onderdeelVan'], string> = { pta: 'PTA (vmbo)', examenplan: 'Examenplan (mbo)', beide: 'PTA en examenplan', geen: 'Geen van beide' };
const MATERIAAL_NAMEN: Record<Materiaal['soort'], string> = { methode: 'Methode', gereedschap: 'Gereedschap', locatie: 'Locatie', digitaal: 'Digitaal', anders: 'Anders' };

export const TOETSEN: Config = {
  soort: 'toetsen',
  enkelvoud: 'toets',
  meervoud: 'toetsen',
  rijen: (r) => r.toetsen,
  naamVan: (r) => `${(r as Toets).toetscode} ${(r as Toets).naam}`,
  velden: [
    { naam: 'toetscode', label: 'Toetscode', soort: 'tekst', verplicht: true },
    { naam: 'naam', label: 'Inhoud', soort: 'tekst', verplicht: true, beschrijving: 'Waar de toets over gaat, zoals in het PTA.' },
    { naam: 'omschrijving', label: 'Toelichting', soort: 'tekst' },
    { naam: 'vorm', label: 'Toetsvorm', soort: 'keuze', opties: () => TOETSVORMEN.map((v) => ({ value: v, label: TOETSVORM_NAMEN[v] })), standaard: 'schriftelijk' },
    {
      naam: 'soort',
      label: 'Formatief of summatief',
      soort: 'keuze',
      opties: () => [
        { value: 'summatief', label: 'Summatief (telt mee)' },
        { value: 'formatief', label: 'Formatief (oefenen, feedback)' },
      ],
      standaard: 'summatief',
    },
    { naam: 'doelen', label: 'Doelen die de toets afsluit', soort: 'doelen' },
    { naam: 'duurMinuten', label: 'Duur in minuten', soort: 'getal', geheel: true, leegIsNull: true },
    { naam: 'weging', label: 'Weging', soort: 'getal', leegIsNull: true },
    { naam: 'herkansbaar', label: 'Herkansbaar', soort: 'vink', standaard: false },
    {
      naam: 'onderdeelVan',
      label: 'Hoort bij',
      soort: 'keuze',
      opties: () => (['pta', 'examenplan', 'beide', 'geen'] as const).map((v) => ({ value: v, label: ONDERDEEL_NAMEN[v] })),
      standaard: 'pta',
    },
    { naam: 'seWeging', label: 'SE-weging', soort: 'getal', leegIsNull: true, beschrijving: 'Weging in het schoolexamen (PTA).' },
  ],
  kolommen: [
    { kop: 'Toetscode', cel: (r) => (r as Toets).toetscode },
    { kop: 'Inhoud', cel: (r) => (r as Toets).naam },
    { kop: 'Vorm', cel: (r) => TOETSVORM_NAMEN[(r as Toets).vorm] },
    { kop: 'Soort', cel: (r) => (r as Toets).soort },
    { kop: 'Doelen', cel: (r, c) => c.doelTekst((r as Toets).doelen) },
    { kop: 'Duur', cel: (r) => getal((r as Toets).duurMinuten, ' min') },
    { kop: 'Weging', cel: (r) => getal((r as Toets).weging) },
    { kop: 'Herkansbaar', cel: (r) => ja((r as Toets).herkansbaar) },
    { kop: 'Hoort bij', cel: (r) => ONDERDEEL_NAMEN[(r as Toets).onderdeelVan] },
    { kop: 'SE-weging', cel: (r) => getal((r as Toets).seWeging) },
  ],
};

export const ACTIVITEITEN: Config = {
  soort: 'activiteiten',
  enkelvoud: 'activiteit',
  meervoud: 'activiteiten',
  rijen: (r) => r.activiteiten,
  naamVan: (r) => (r as Activiteit).titel,
  velden: [
    { naam: 'titel', label: 'Titel', soort: 'tekst', verplicht: true },
    { naam: 'omschrijving', label: 'Omschrijving', soort: 'tekst' },
    { naam: 'doelen', label: 'Doelen die de activiteit onderwijst', soort: 'doelen' },
    { naam: 'organisatieId', label: 'Verzorgd door', soort: 'keuze', opties: partnerOpties, leegIsNull: true, standaard: '' },
    { naam: 'uren', label: 'Uren', soort: 'getal', leegIsNull: true },
  ],
  kolommen: [
    { kop: 'Titel', cel: (r) => (r as Activiteit).titel },
    { kop: 'Omschrijving', cel: (r) => (r as Activiteit).omschrijving || '–' },
    { kop: 'Doelen', cel: (r, c) => c.doelTekst((r as Activiteit).doelen) },
    { kop: 'Verzorgd door', cel: (r, c) => c.orgNaam((r as Activiteit).organisatieId) },
    { kop: 'Uren', cel: (r) => getal((r as Activiteit).uren) },
  ],
};

export const MATERIALEN: Config = {
  soort: 'materialen',
  enkelvoud: 'materiaal',
  meervoud: 'materialen',
  rijen: (r) => r.materialen,
  naamVan: (r) => (r as Materiaal).titel,
  velden: [
    { naam: 'titel', label: 'Titel', soort: 'tekst', verplicht: true },
    { naam: 'soort', label: 'Soort materiaal', soort: 'keuze', opties: () => MATERIAALSOORTEN.map((v) => ({ value: v, label: MATERIAAL_NAMEN[v] })), standaard: 'methode' },
    { naam: 'omschrijving', label: 'Omschrijving', soort: 'tekst' },
    { naam: 'url', label: 'Link (optioneel)', soort: 'url', leegIsNull: true, beschrijving: 'Begint met https://' },
    { naam: 'organisatieId', label: 'Geleverd door', soort: 'keuze', opties: partnerOpties, leegIsNull: true, standaard: '' },
  ],
  kolommen: [
    { kop: 'Titel', cel: (r) => (r as Materiaal).titel },
    { kop: 'Soort', cel: (r) => MATERIAAL_NAMEN[(r as Materiaal).soort] },
    { kop: 'Omschrijving', cel: (r) => (r as Materiaal).omschrijving || '–' },
    {
      kop: 'Link',
      cel: (r) => {
        const url = (r as Materiaal).url;
        return url ? (
          <a className="utrecht-link" href={url} rel="noreferrer noopener">
            {url}
          </a>
        ) : (
          '–'
        );
      },
    },
    { kop: 'Geleverd door', cel: (r, c) => c.orgNaam((r as Materiaal).organisatieId) },
  ],
};

function leeg(config: Config): Waarden {
  const w: Waarden = {};
  for (const v of config.velden) w[v.naam] = v.standaard ?? (v.soort === 'doelen' ? [] : v.soort === 'vink' ? false : '');
  return w;
}

function uitRij(config: Config, rij: Rij): Waarden {
  const w: Waarden = {};
  const bron = rij as unknown as Record<string, unknown>;
  for (const v of config.velden) {
    const x = bron[v.naam];
    w[v.naam] = v.soort === 'doelen' ? [...(x as string[])] : v.soort === 'vink' ? Boolean(x) : x === null || x === undefined ? '' : String(x);
  }
  return w;
}

export function EntiteitStap({ config }: { config: Config }) {
  const { route, doelen, perioden, wijzig } = useLeerroute();
  const magWijzigen = route.mijnRechten.wijzigen;
  const [params] = useSearchParams();
  const p = `${config.soort}-form`;
  const uitUrl = () => {
    const lj = params.get('leerjaar');
    const pe = params.get('periode');
    return lj && pe && perioden.some((x) => String(x.leerjaar) === lj && String(x.periode) === pe) ? `${lj}:${pe}` : (perioden[0] ? `${perioden[0].leerjaar}:${perioden[0].periode}` : '');
  };
  const [periode, setPeriode] = useState(uitUrl);
  const [waarden, setWaarden] = useState<Waarden>(() => {
    const w = leeg(config);
    const doel = params.get('doel');
    if (doel && config.velden.some((v) => v.soort === 'doelen')) w.doelen = [doel];
    return w;
  });
  const [bewerk, setBewerk] = useState<Rij | null>(null);
  const [alleDoelen, setAlleDoelen] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [klaar, setKlaar] = useState('');
  const formKop = useRef<HTMLHeadingElement>(null);

  // A new link from the coverage panel (other period or doel) fills the form again.
  const zoek = params.toString();
  useEffect(() => {
    if (!params.get('leerjaar') && !params.get('doel')) return;
    setBewerk(null);
    setPeriode(uitUrl());
    const w = leeg(config);
    const doel = params.get('doel');
    if (doel && config.velden.some((v) => v.soort === 'doelen')) w.doelen = [doel];
    setWaarden(w);
    takeFocusRequest();
    formKop.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [zoek]);

  const [lj, pe] = periode.split(':').map(Number);
  const geplandIn = useMemo(() => {
    const ids: string[] = [];
    for (const r of route.planning) if (alleDoelen || (r.leerjaar === lj && r.periode === pe)) ids.push(...r.items);
    for (const id of (waarden.doelen as string[] | undefined) ?? []) if (!ids.includes(id)) ids.push(id);
    return ids;
  }, [route.planning, alleDoelen, lj, pe, waarden.doelen]);
  const plekVan = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of route.planning) for (const id of r.items) m.set(id, periodeLabel(r.leerjaar, r.periode).toLowerCase());
    return m;
  }, [route.planning]);

  const zet = (naam: string, w: Waarde) => setWaarden((x) => ({ ...x, [naam]: w }));
  const errorFor = (id: string) => {
    const m = problems.filter((x) => x.fieldId === id).map((x) => x.message);
    return m.length > 0 ? m.join(' ') : undefined;
  };
  const fieldIdOf = (path: string) => {
    const first = path.split('.')[0] ?? '';
    if (first === 'leerjaar' || first === 'periode') return `${p}-periode`;
    return config.velden.some((v) => v.naam === first) ? `${p}-${first}` : `${p}-periode`;
  };

  const opnieuw = () => {
    setBewerk(null);
    setWaarden(leeg(config));
    setProblems([]);
    setGeneral(null);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setKlaar('');
    const local: FieldProblem[] = [];
    const body: Record<string, unknown> = { leerjaar: lj, periode: pe };
    for (const v of config.velden) {
      const w = waarden[v.naam];
      if (v.soort === 'getal') {
        const s = String(w ?? '').trim().replace(',', '.');
        if (s === '') body[v.naam] = null;
        else if (!/^\d+(\.\d+)?$/.test(s) || (v.geheel && !/^\d+$/.test(s))) local.push({ fieldId: `${p}-${v.naam}`, message: `${v.label}: vul een ${v.geheel ? 'geheel ' : ''}getal in.` });
        else body[v.naam] = Number(s);
      } else if (v.soort === 'vink' || v.soort === 'doelen') body[v.naam] = w;
      else {
        const s = String(w ?? '').trim();
        if (v.verplicht && !s) local.push({ fieldId: `${p}-${v.naam}`, message: `Vul ${v.label.toLowerCase()} in.` });
        body[v.naam] = s === '' && v.leegIsNull ? null : s;
      }
    }
    if (!lj || !pe) local.push({ fieldId: `${p}-periode`, message: 'Kies een leerjaar en periode.' });
    setGeneral(null);
    setProblems(local);
    if (local.length > 0) return;
    setBusy(true);
    const naam = String(waarden[config.velden[0]!.naam] ?? '');
    try {
      const ok = bewerk
        ? await wijzig(
            () => leerrouteApi.wijzigen(route.id, config.soort, bewerk.id, { ...body, versie: bewerk.versie } as never),
            `${cap(config.enkelvoud)} ${naam} is gewijzigd.`,
          )
        : await wijzig(() => leerrouteApi.toevoegen(route.id, config.soort, body as never), `${cap(config.enkelvoud)} ${naam} is toegevoegd in ${periodeLabel(lj!, pe!).toLowerCase()}.`);
      if (ok) {
        setKlaar(bewerk ? `${cap(config.enkelvoud)} ${naam} is gewijzigd.` : `${cap(config.enkelvoud)} ${naam} is toegevoegd in ${periodeLabel(lj!, pe!).toLowerCase()}.`);
        opnieuw();
      } else {
        // A conflict: nothing was saved and nobody's work is overwritten. The form keeps what was typed.
        setGeneral(
          `Uw wijziging is niet opgeslagen: deze ${config.enkelvoud} is intussen door iemand anders gewijzigd of verwijderd. Bekijk de nieuwe versie in de tabel en kies daar opnieuw “Wijzigen” om uw wijziging te maken.`,
        );
      }
    } catch (error) {
      const fields = fieldErrors(error);
      if (fields.length > 0) setProblems(fields.map((f) => ({ fieldId: fieldIdOf(f.path), message: `${labelVanPad(config, f.path)}: ${f.message}` })));
      else setGeneral(error instanceof ApiError ? error.message : 'Opslaan is niet gelukt.');
    } finally {
      setBusy(false);
    }
  };

  const doelTekst = (ids: readonly string[]) =>
    ids.length === 0 ? (
      <span className="doorlopend-unknown">geen doelen</span>
    ) : (
      <ul className="doorlopend-leerroute-doellijst">
        {ids.map((id) => (
          <li key={id}>{doelLabel(doelen.get(id), id)}</li>
        ))}
      </ul>
    );
  const orgNaam = (id: string | null) => (id ? (route.partners.find((x) => x.id === id)?.naam ?? 'onbekende partner') : '–');
  const rijen = config.rijen(route);
  const buiten = rijen.filter((r) => !perioden.some((x) => x.leerjaar === r.leerjaar && x.periode === r.periode));
  const titelForm = bewerk ? `${cap(config.enkelvoud)} wijzigen: ${config.naamVan(bewerk)}` : `${cap(config.enkelvoud)} toevoegen`;

  const tabel = (lijst: Rij[], caption: string) => (
    <Table caption={caption}>
      <TableHeader>
        <TableRow>
          {config.kolommen.map((k) => (
            <TableHeaderCell key={k.kop} scope="col">
              {k.kop}
            </TableHeaderCell>
          ))}
          <TableHeaderCell scope="col">Laatst gewijzigd</TableHeaderCell>
          {magWijzigen ? (
            <TableHeaderCell scope="col">
              <span className="doorlopend-visually-hidden">Acties</span>
            </TableHeaderCell>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {lijst.map((r) => (
          <TableRow key={r.id}>
            {config.kolommen.map((k, i) =>
              i === 0 ? (
                <TableHeaderCell key={k.kop} scope="row">
                  {k.cel(r, { doelTekst, orgNaam })}
                </TableHeaderCell>
              ) : (
                <TableCell key={k.kop}>{k.cel(r, { doelTekst, orgNaam })}</TableCell>
              ),
            )}
            <TableCell>
              {r.gewijzigd.gebruiker.naam}
              {r.gewijzigd.organisatie ? ` (${r.gewijzigd.organisatie.naam})` : ''}, {formatDateTime(r.gewijzigd.op)}
            </TableCell>
            {magWijzigen ? (
              <TableCell>
                <Button
                  appearance="secondary-action-button"
                  aria-label={`${config.naamVan(r)} wijzigen`}
                  onClick={() => {
                    setBewerk(r);
                    setPeriode(`${r.leerjaar}:${r.periode}`);
                    setWaarden(uitRij(config, r));
                    setProblems([]);
                    setGeneral(null);
                    setKlaar('');
                    setTimeout(() => formKop.current?.focus(), 0);
                  }}
                >
                  Wijzigen
                </Button>{' '}
                <ConfirmAction
                  label="Verwijderen"
                  accessibleLabel={`${config.naamVan(r)} verwijderen`}
                  question={`Weet u zeker dat u ${config.enkelvoud} ${config.naamVan(r)} wilt verwijderen?`}
                  confirmLabel="Ja, verwijderen"
                  failureHeading="Verwijderen is niet gelukt"
                  onConfirm={async () => {
                    await wijzig(() => leerrouteApi.verwijderEntiteit(route.id, config.soort, r.id, r.versie), `${cap(config.enkelvoud)} ${config.naamVan(r)} is verwijderd.`);
                    setTimeout(() => formKop.current?.focus(), 0);
                  }}
                />
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );

  return (
    <div className="doorlopend-leerroute-entiteiten">
      {magWijzigen ? (
        <form className="doorlopend-form doorlopend-leerroute-entiteit-form" noValidate onSubmit={submit} aria-labelledby={`${p}-kop`}>
          <Heading level={3} id={`${p}-kop`} ref={formKop} tabIndex={-1}>
            {titelForm}
          </Heading>
          <ErrorSummary heading={`De ${config.enkelvoud} is niet opgeslagen`} problems={problems} general={general} />
          <p role="status" className="doorlopend-form__status">
            {klaar}
          </p>
          <SelectField
            id={`${p}-periode`}
            label="Leerjaar en periode"
            value={periode}
            options={perioden.map((x) => ({ value: `${x.leerjaar}:${x.periode}`, label: `${x.label} (${x.fase})` }))}
            onChange={setPeriode}
            invalidMessage={errorFor(`${p}-periode`)}
          />
          {config.velden.map((v) => {
            const id = `${p}-${v.naam}`;
            if (v.soort === 'keuze')
              return (
                <SelectField key={v.naam} id={id} label={v.label} value={String(waarden[v.naam] ?? '')} options={v.opties!(route)} onChange={(x) => zet(v.naam, x)} description={v.beschrijving} invalidMessage={errorFor(id)} />
              );
            if (v.soort === 'vink') return <CheckboxField key={v.naam} id={id} label={v.label} checked={Boolean(waarden[v.naam])} onChange={(x) => zet(v.naam, x)} description={v.beschrijving} />;
            if (v.soort === 'doelen') {
              const gekozen = (waarden[v.naam] as string[]) ?? [];
              return (
                <Fieldset
                  key={v.naam}
                  id={id}
                  legend={v.label}
                  invalidMessage={errorFor(id)}
                  description={alleDoelen ? 'Alle geplande doelen.' : 'De doelen die in deze periode gepland zijn.'}
                  className="doorlopend-leerroute-doelkeuze"
                >
                  <CheckboxField id={`${p}-alle-doelen`} label="Ook doelen uit andere perioden tonen" checked={alleDoelen} onChange={setAlleDoelen} />
                  {geplandIn.length === 0 ? <Paragraph>In deze periode is nog niets gepland.</Paragraph> : null}
                  {geplandIn.map((did) => (
                    <CheckboxField
                      key={did}
                      id={`${p}-doel-${did.replaceAll(/[^A-Za-z0-9_-]/g, '_')}`}
                      label={`${doelLabel(doelen.get(did), did)}${plekVan.has(did) ? ` (${plekVan.get(did)})` : ' (niet gepland)'}`}
                      checked={gekozen.includes(did)}
                      onChange={(on) => zet(v.naam, on ? [...gekozen, did] : gekozen.filter((x) => x !== did))}
                    />
                  ))}
                </Fieldset>
              );
            }
            return (
              <TextField
                key={v.naam}
                id={id}
                label={v.label}
                type={v.soort === 'url' ? 'url' : 'text'}
                value={String(waarden[v.naam] ?? '')}
                onChange={(x) => zet(v.naam, x)}
                description={v.beschrijving}
                maxLength={v.soort === 'url' ? 2000 : v.naam === 'omschrijving' ? 4000 : 300}
                invalidMessage={errorFor(id)}
              />
            );
          })}
          <Paragraph>
            <Button type="submit" disabled={busy}>
              {busy ? 'Bezig met opslaan…' : bewerk ? 'Wijzigingen opslaan' : `${cap(config.enkelvoud)} toevoegen`}
            </Button>{' '}
            {bewerk ? (
              <Button appearance="secondary-action-button" onClick={opnieuw}>
                Annuleren
              </Button>
            ) : null}
          </Paragraph>
        </form>
      ) : null}

      <section aria-labelledby={`${config.soort}-per-periode`} className="doorlopend-section">
        <Heading level={3} id={`${config.soort}-per-periode`}>
          {cap(config.meervoud)} per periode ({formatNumber(rijen.length)})
        </Heading>
        {perioden.map((x) => {
          const lijst = rijen.filter((r) => r.leerjaar === x.leerjaar && r.periode === x.periode);
          return (
            <div key={`${x.leerjaar}:${x.periode}`} className="doorlopend-leerroute-periodeblok">
              <Heading level={4} id={`${config.soort}-${x.leerjaar}-${x.periode}`}>
                {x.label} <span className="doorlopend-meta">({x.fase}, {count(lijst.length, config.enkelvoud, config.meervoud)})</span>
              </Heading>
              {lijst.length === 0 ? <Paragraph className="doorlopend-meta">Geen {config.meervoud}.</Paragraph> : tabel(lijst, `${cap(config.meervoud)} in ${x.label.toLowerCase()}`)}
            </div>
          );
        })}
        {buiten.length > 0 ? tabel(buiten, `${cap(config.meervoud)} buiten het tijdpad`) : null}
      </section>
    </div>
  );
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function labelVanPad(config: Config, path: string): string {
  const first = path.split('.')[0] ?? '';
  if (first === 'leerjaar') return 'Leerjaar';
  if (first === 'periode') return 'Periode';
  return config.velden.find((v) => v.naam === first)?.label ?? cap(first);
}
