/**
 * /leerling/loopbaandossier (issue 15): the pupil's own loopbaandossier, in words for a 14-year-old. The pupil writes
 * LOB activities with a reflection per loopbaancompetentie, fills in the oplegger for the mbo intake, sees the school's
 * LOB programme and what is done, downloads the whole dossier (PDF, JSON) and shares it with a link they can revoke.
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  ACTIVITEIT_SOORT_NAMEN, ACTIVITEIT_SOORTEN, COMPETENTIE_NAMEN, COMPETENTIE_VRAGEN, LOB_LIMIETEN, LOOPBAANCOMPETENTIES, type ActiviteitSoort, type DeellinkGemaakt, type LobActiviteit, type LobDossier, type Reflecties,
} from '../../../shared/lob-api.js';
import { ApiError } from '../../api.js';
import { ConfirmAction, FormFeedback, useAction } from '../../components/ConfirmAction.js';
import { LoadError, Loading } from '../../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../../components/SignedInOnly.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useApi } from '../../lib/useApi.js';
import { Alert, Button, CheckboxField, DocumentLink, Fieldset, Heading, Link, PageHeading, Paragraph, SelectField, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, TextField, VisuallyHidden } from '../../ui/index.js';
import { ActiviteitWeergave, OpleggerWeergave, Tekstvak } from './LobDelen.js';
import { datumTekst, deelAdres, inWoorden, lobApi, lobUrls, overDagen, vandaag, veldMeldingen } from './lob-api.js';

/** The labels of the pupil's forms, for the messages of a refused request (see `inWoorden`). */
const ACTIVITEIT_LABELS = { soort: 'Wat heb je gedaan', datum: 'Datum', titel: 'Titel', doel: 'Wat wilde je te weten komen', reflecties: 'Wat heb je gemerkt', conclusie: 'Je conclusie', vervolgstap: 'Wat ga je nu doen', onderdeelId: 'Onderdeel van het LOB-programma' };
const OPLEGGER_LABELS = { opleiding: 'Opleiding', crebo: 'Crebonummer', instelling: 'Mbo-school', startjaar: 'Wanneer begin je', motivatie: 'Waarom deze opleiding', sterkePunten: 'Waar ben je goed in', ondersteuning: 'Wat heb je nodig', aangemeldOp: 'Aangemeld op', activiteitIds: 'Activiteiten' };
const DEELLINK_LABELS = { ontvanger: 'Voor wie is de link', verlooptOp: 'Werkt tot en met', activiteitIds: 'Activiteiten' };

type Zet = (d: LobDossier) => void;

function ActiviteitForm({ dossier, bestaand, klaar }: { dossier: LobDossier; bestaand?: LobActiviteit; klaar: () => void }) {
  const id = useId();
  const leeg = {
    soort: (bestaand?.soort ?? 'meeloopdag') as ActiviteitSoort,
    datum: bestaand?.datum ?? vandaag(),
    titel: bestaand?.titel ?? '',
    doel: bestaand?.doel ?? '',
    conclusie: bestaand?.conclusie ?? '',
    vervolgstap: bestaand?.vervolgstap ?? '',
    onderdeelId: bestaand?.onderdeelId ?? '',
  };
  const [v, setV] = useState(leeg);
  const [reflecties, setReflecties] = useState<Reflecties>(bestaand?.reflecties ?? {});
  const state = useAction('Opslaan is niet gelukt.');
  const naam = bestaand ? `${bestaand.titel} wijzigen` : 'Nieuwe activiteit';
  const fout = veldMeldingen(state.error);
  const opslaan = () =>
    state.run(async () => {
      const body = { ...v, onderdeelId: v.onderdeelId || null, reflecties };
      try {
        if (bestaand) await lobApi.wijzig(bestaand.id, { ...body, versie: bestaand.versie });
        else await lobApi.voegToe(body);
      } catch (e) {
        // Changed in another tab meanwhile: show the message, and the page reloads the dossier.
        if (e instanceof ApiError && e.status === 409) klaar();
        throw inWoorden(e, ACTIVITEIT_LABELS);
      }
      if (!bestaand) {
        setV(leeg);
        setReflecties({});
      }
      klaar();
      return bestaand ? 'Je activiteit is gewijzigd.' : 'Je activiteit staat in je dossier.';
    });
  return (
    <form
      aria-label={naam}
      onSubmit={(e) => {
        e.preventDefault();
        void opslaan();
      }}
    >
      {bestaand ? null : (
        <>
          <Heading level={2}>Nieuwe activiteit</Heading>
          <Paragraph>Schrijf op wat je hebt gedaan om een opleiding of beroep te kiezen, en wat je ervan leerde.</Paragraph>
        </>
      )}
      <SelectField id={`${id}-soort`} label="Wat heb je gedaan?" value={v.soort} options={ACTIVITEIT_SOORTEN.map((s) => ({ value: s, label: ACTIVITEIT_SOORT_NAMEN[s] }))} onChange={(soort) => setV({ ...v, soort: soort as ActiviteitSoort })} />
      <TextField id={`${id}-titel`} label="Titel" value={v.titel} maxLength={LOB_LIMIETEN.titel} required description="Bijvoorbeeld: Meeloopdag bij de kapper" invalidMessage={fout.titel} onChange={(titel) => setV({ ...v, titel })} />
      <TextField id={`${id}-datum`} label="Datum" value={v.datum} description="Schrijf de datum als jaar-maand-dag, bijvoorbeeld 2026-11-12" invalidMessage={fout.datum} onChange={(datum) => setV({ ...v, datum })} />
      {dossier.programma.length > 0 ? (
        <SelectField
          id={`${id}-onderdeel`}
          label="Hoort bij dit onderdeel van het LOB-programma (mag leeg)"
          value={v.onderdeelId}
          options={[{ value: '', label: '(geen)' }, ...dossier.programma.map((p) => ({ value: p.id, label: `${p.titel} (leerjaar ${p.leerjaar})` }))]}
          onChange={(onderdeelId) => setV({ ...v, onderdeelId })}
        />
      ) : null}
      <Tekstvak id={`${id}-doel`} label="Wat wilde je te weten komen?" value={v.doel} maxLength={LOB_LIMIETEN.tekst} onChange={(doel) => setV({ ...v, doel })} />
      <Fieldset id={`${id}-reflecties`} legend="Wat heb je gemerkt? Vul er minstens één in.">
        {LOOPBAANCOMPETENTIES.map((c) => (
          <Tekstvak
            key={c}
            id={`${id}-${c}`}
            label={COMPETENTIE_NAMEN[c]}
            beschrijving={COMPETENTIE_VRAGEN[c]}
            value={reflecties[c] ?? ''}
            maxLength={LOB_LIMIETEN.tekst}
            rows={3}
            onChange={(t) => setReflecties({ ...reflecties, [c]: t })}
          />
        ))}
      </Fieldset>
      <Tekstvak id={`${id}-conclusie`} label="Wat is je conclusie?" value={v.conclusie} maxLength={LOB_LIMIETEN.tekst} onChange={(conclusie) => setV({ ...v, conclusie })} />
      <Tekstvak id={`${id}-vervolg`} label="Wat ga je nu doen?" value={v.vervolgstap} maxLength={LOB_LIMIETEN.tekst} onChange={(vervolgstap) => setV({ ...v, vervolgstap })} />
      <FormFeedback state={state} failureHeading={bestaand ? 'Je wijziging is niet opgeslagen' : 'Je activiteit is niet opgeslagen'} />
      <Button type="submit" appearance="primary-action-button" disabled={state.busy}>
        {state.busy ? 'Bezig…' : bestaand ? 'Wijziging opslaan' : 'Activiteit opslaan'}
      </Button>
    </form>
  );
}

/** One of the pupil's activities, with Wijzigen (the same form, with the versie seen) and Verwijderen. */
function EigenActiviteit({ a, dossier, herlaad }: { a: LobActiviteit; dossier: LobDossier; herlaad: () => void }) {
  const [bewerk, setBewerk] = useState(false);
  return (
    <ActiviteitWeergave a={a}>
      <div className="doorlopend-lob-knoppen">
        <Button appearance="secondary-action-button" aria-expanded={bewerk} onClick={() => setBewerk(!bewerk)}>
          Wijzigen<VisuallyHidden> {a.titel}</VisuallyHidden>
        </Button>
        <ConfirmAction
          label="Verwijderen"
          accessibleLabel={`${a.titel} verwijderen`}
          question={`Wil je ‘${a.titel}’ uit je dossier verwijderen?`}
          confirmLabel="Ja, verwijderen"
          failureHeading="Verwijderen is niet gelukt"
          onConfirm={async () => {
            await lobApi.verwijder(a.id);
            herlaad();
          }}
        />
      </div>
      {bewerk ? (
        <ActiviteitForm
          key={a.versie}
          dossier={dossier}
          bestaand={a}
          klaar={() => {
            setBewerk(false);
            herlaad();
          }}
        />
      ) : null}
    </ActiviteitWeergave>
  );
}

function OpleggerForm({ dossier, zet }: { dossier: LobDossier; zet: (o: LobDossier['oplegger']) => void }) {
  const id = useId();
  const huidig = dossier.oplegger?.inhoud;
  const jaar = Number(vandaag().slice(0, 4));
  const [v, setV] = useState({
    opleiding: huidig?.opleiding ?? '',
    crebo: huidig?.crebo ?? '',
    instelling: huidig?.instelling ?? '',
    startjaar: String(huidig?.startjaar ?? (vandaag() < `${jaar}-04-01` ? jaar : jaar + 1)),
    motivatie: huidig?.motivatie ?? '',
    sterkePunten: huidig?.sterkePunten ?? '',
    ondersteuning: huidig?.ondersteuning ?? '',
    aangemeldOp: huidig?.aangemeldOp ?? '',
  });
  const [gekozen, setGekozen] = useState<string[]>(huidig?.activiteitIds ?? []);
  const state = useAction('Opslaan is niet gelukt.');
  const opleggerFout = veldMeldingen(state.error);
  const opslaan = () =>
    state.run(async () => {
      const o = await lobApi
        .oplegger({ versie: dossier.oplegger?.versie ?? 0, inhoud: { ...v, startjaar: Number(v.startjaar), aangemeldOp: v.aangemeldOp || null, activiteitIds: gekozen } })
        .catch((e: unknown) => {
          throw inWoorden(e, OPLEGGER_LABELS);
        });
      zet(o);
      return 'Je oplegger is opgeslagen.';
    });
  return (
    <section aria-labelledby={`${id}-kop`} className="doorlopend-section">
      <Heading level={2} id={`${id}-kop`}>
        Oplegger voor de intake op het mbo
      </Heading>
      <Paragraph>
        De oplegger is een korte samenvatting van je dossier voor het intakegesprek op het mbo. Jij vult hem in. Meld je vóór 1 april aan bij
        de opleiding die je kiest: dan heb je recht op toelating (als je aan de vooropleidingseisen voldoet en naar de intake gaat als die
        verplicht is). Stelt een opleiding extra eisen, dan moet de mbo-school die vóór 1 februari bekendmaken.
      </Paragraph>
      {dossier.oplegger ? <OpleggerWeergave o={dossier.oplegger} /> : null}
      <form
        aria-label="Oplegger invullen"
        onSubmit={(e) => {
          e.preventDefault();
          void opslaan();
        }}
      >
        <TextField id={`${id}-opleiding`} label="Welke opleiding kies je?" value={v.opleiding} maxLength={LOB_LIMIETEN.titel} onChange={(opleiding) => setV({ ...v, opleiding })} />
        <TextField id={`${id}-crebo`} label="Crebonummer (mag leeg)" description="Vijf cijfers; je vindt het bij de opleiding" invalidMessage={opleggerFout.crebo} value={v.crebo} maxLength={5} onChange={(crebo) => setV({ ...v, crebo })} />
        <TextField id={`${id}-instelling`} label="Op welke mbo-school?" value={v.instelling} maxLength={LOB_LIMIETEN.titel} onChange={(instelling) => setV({ ...v, instelling })} />
        <SelectField id={`${id}-startjaar`} label="Wanneer begin je?" value={v.startjaar} options={[jaar, jaar + 1, jaar + 2].map((j) => ({ value: String(j), label: `augustus ${j}` }))} onChange={(startjaar) => setV({ ...v, startjaar })} />
        <Tekstvak id={`${id}-motivatie`} label="Waarom kies je deze opleiding?" value={v.motivatie} maxLength={LOB_LIMIETEN.tekst} onChange={(motivatie) => setV({ ...v, motivatie })} />
        <Tekstvak id={`${id}-sterk`} label="Waar ben je goed in?" value={v.sterkePunten} maxLength={LOB_LIMIETEN.tekst} onChange={(sterkePunten) => setV({ ...v, sterkePunten })} />
        <Tekstvak id={`${id}-hulp`} label="Wat heb je nodig om het goed te doen?" value={v.ondersteuning} maxLength={LOB_LIMIETEN.tekst} onChange={(ondersteuning) => setV({ ...v, ondersteuning })} />
        <TextField id={`${id}-aangemeld`} label="Aangemeld op (mag leeg)" description="Jaar-maand-dag, bijvoorbeeld 2027-03-01" invalidMessage={opleggerFout.aangemeldOp} value={v.aangemeldOp} onChange={(aangemeldOp) => setV({ ...v, aangemeldOp })} />
        {dossier.activiteiten.length > 0 ? (
          <Fieldset id={`${id}-activiteiten`} legend="Welke activiteiten laat je zien?">
            {dossier.activiteiten.map((a) => (
              <CheckboxField key={a.id} id={`${id}-act-${a.id}`} label={`${a.titel} (${datumTekst(a.datum)})`} checked={gekozen.includes(a.id)} onChange={(c) => setGekozen(c ? [...gekozen, a.id] : gekozen.filter((x) => x !== a.id))} />
            ))}
          </Fieldset>
        ) : null}
        <FormFeedback state={state} failureHeading="Je oplegger is niet opgeslagen" />
        <Button type="submit" appearance="primary-action-button" disabled={state.busy}>
          {state.busy ? 'Bezig…' : 'Oplegger opslaan'}
        </Button>
      </form>
    </section>
  );
}

/** The address of a link just made (shown once), with a button that copies it. */
function NieuweLink({ ontvanger, adres }: { ontvanger: string; adres: string }) {
  const id = useId();
  const [gekopieerd, setGekopieerd] = useState<'ja' | 'mislukt' | null>(null);
  const adresRef = useRef<HTMLInputElement>(null);
  // The link is shown once: the keyboard goes to it (selected, ready to copy), not back to the top of the page.
  useEffect(() => adresRef.current?.focus(), []);
  return (
    <div className="doorlopend-lob-link">
      <label htmlFor={`${id}-adres`}>
        <strong>De link voor {ontvanger}</strong>
      </label>
      <input id={`${id}-adres`} ref={adresRef} readOnly value={adres} onFocus={(e) => e.currentTarget.select()} />
      <div className="doorlopend-lob-knoppen">
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            // Without a secure context (plain http) the browser has no clipboard: then the pupil copies it by hand.
            (navigator.clipboard ? navigator.clipboard.writeText(adres) : Promise.reject(new Error('geen klembord'))).then(
              () => setGekopieerd('ja'),
              () => setGekopieerd('mislukt'),
            );
          }}
        >
          Link kopiëren
        </Button>
      </div>
      <p role="status" className="doorlopend-lob-muted">
        {gekopieerd === 'ja' ? `De link is gekopieerd. Plak hem in een bericht aan ${ontvanger}.` : gekopieerd === 'mislukt' ? 'Kopiëren lukte niet. Selecteer de link hierboven en kopieer hem zelf.' : ''}
      </p>
    </div>
  );
}

function Delen({ dossier, herlaad }: { dossier: LobDossier; herlaad: () => void }) {
  const id = useId();
  const [ontvanger, setOntvanger] = useState('');
  const [verlooptOp, setVerlooptOp] = useState(overDagen(30));
  const [gekozen, setGekozen] = useState<string[]>([]);
  const [oplegger, setOplegger] = useState(dossier.oplegger !== null);
  const [programma, setProgramma] = useState(false);
  const [gemaakt, setGemaakt] = useState<DeellinkGemaakt | null>(null);
  const [ingetrokken, setIngetrokken] = useState('');
  const linksKop = useRef<HTMLHeadingElement>(null);
  const state = useAction('Delen is niet gelukt.');
  const deelFout = veldMeldingen(state.error);
  const delen = () =>
    state.run(async () => {
      const g = await lobApi.deel({ ontvanger, verlooptOp, activiteitIds: gekozen, oplegger, programma }).catch((e: unknown) => {
        throw inWoorden(e, DEELLINK_LABELS);
      });
      setGemaakt(g);
      herlaad();
      return 'Je link is gemaakt. Kopieer hem nu: je ziet hem maar één keer.';
    });
  const links = dossier.deellinks;
  return (
    <section aria-labelledby={`${id}-kop`} className="doorlopend-section">
      <Heading level={2} id={`${id}-kop`}>
        Je dossier delen met een mbo-school
      </Heading>
      <Paragraph>
        Alleen jij kunt je dossier aan een andere school geven. Maak een link, kies wat erin staat en tot wanneer hij werkt. Je kunt de link
        altijd intrekken; daarna werkt hij niet meer.
      </Paragraph>
      <form
        aria-label="Een deellink maken"
        onSubmit={(e) => {
          e.preventDefault();
          void delen();
        }}
      >
        <TextField id={`${id}-ontvanger`} label="Voor wie is de link?" description="Bijvoorbeeld: Intake Techniek, ROC aan de Rijn" invalidMessage={deelFout.ontvanger} value={ontvanger} maxLength={LOB_LIMIETEN.ontvanger} onChange={setOntvanger} />
        <TextField id={`${id}-tot`} label="Werkt tot en met" description={`Jaar-maand-dag; hooguit ${LOB_LIMIETEN.maxDagenGeldig} dagen vanaf vandaag`} invalidMessage={deelFout.verlooptOp} value={verlooptOp} onChange={setVerlooptOp} />
        <Fieldset id={`${id}-inhoud`} legend="Wat mag de ontvanger zien?">
          {dossier.activiteiten.map((a) => (
            <CheckboxField key={a.id} id={`${id}-deel-${a.id}`} label={a.titel} checked={gekozen.includes(a.id)} onChange={(c) => setGekozen(c ? [...gekozen, a.id] : gekozen.filter((x) => x !== a.id))} />
          ))}
          <CheckboxField id={`${id}-oplegger`} label="Mijn oplegger" checked={oplegger} onChange={setOplegger} />
          <CheckboxField id={`${id}-programma`} label="Het LOB-programma van mijn school en wat ik al heb afgerond" checked={programma} onChange={setProgramma} />
        </Fieldset>
        <FormFeedback state={state} failureHeading="Er is geen link gemaakt" />
        <Button type="submit" appearance="primary-action-button" disabled={state.busy}>
          {state.busy ? 'Bezig…' : 'Link maken'}
        </Button>
      </form>
      {gemaakt ? <NieuweLink key={gemaakt.deellink.id} ontvanger={gemaakt.deellink.ontvanger} adres={deelAdres(gemaakt.token)} /> : null}
      <Heading level={3} ref={linksKop} tabIndex={-1} className="doorlopend-lob-links-kop">
        Je links
      </Heading>
      <div role="status" className="doorlopend-form__status">
        {ingetrokken ? (
          <Alert type="ok" role="none">
            <Paragraph>{ingetrokken}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {links.length === 0 ? (
        <Paragraph>Je hebt nog geen links gemaakt.</Paragraph>
      ) : (
        <Table caption="Je deellinks" captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Voor</TableHeaderCell>
              <TableHeaderCell scope="col">Werkt tot en met</TableHeaderCell>
              <TableHeaderCell scope="col">Status</TableHeaderCell>
              <TableHeaderCell scope="col">Geopend</TableHeaderCell>
              <TableHeaderCell scope="col">
                <VisuallyHidden>Actie</VisuallyHidden>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {links.map((l) => (
              <TableRow key={l.id}>
                <TableCell>{l.ontvanger}</TableCell>
                <TableCell>{datumTekst(l.verlooptOp)}</TableCell>
                <TableCell>{l.status === 'actief' ? 'Werkt' : l.status === 'verlopen' ? 'Verlopen' : 'Ingetrokken'}</TableCell>
                <TableCell>{l.keerGeopend === 1 ? '1 keer' : `${l.keerGeopend} keer`}</TableCell>
                <TableCell>
                  {l.status === 'actief' ? (
                    <ConfirmAction
                      label="Intrekken"
                      accessibleLabel={`Link voor ${l.ontvanger} intrekken`}
                      question={`Wil je de link voor ${l.ontvanger} intrekken? Daarna werkt hij niet meer.`}
                      confirmLabel="Ja, intrekken"
                      failureHeading="Intrekken is niet gelukt"
                      onConfirm={async () => {
                        await lobApi.trekIn(l.id);
                        // The address just made goes away with its message only when that link is the one revoked.
                        if (gemaakt?.deellink.id === l.id) {
                          setGemaakt(null);
                          state.reset();
                        }
                        // The button goes with the link's row: say what happened and keep the keyboard at the list.
                        setIngetrokken(`De link voor ${l.ontvanger} is ingetrokken. Wie hem opent, ziet je dossier niet meer.`);
                        linksKop.current?.focus();
                        herlaad();
                      }}
                    />
                  ) : (
                    <span className="doorlopend-lob-muted">{l.status === 'verlopen' ? 'Verlopen: werkt niet meer' : 'Ingetrokken: werkt niet meer'}</span>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

function Programma({ dossier }: { dossier: LobDossier }) {
  return (
    <section aria-labelledby="lob-programma-kop" className="doorlopend-section">
      <Heading level={2} id="lob-programma-kop">
        Het LOB-programma van je school
      </Heading>
      {dossier.programma.length === 0 ? (
        <Paragraph>Je school heeft nog geen LOB-onderdelen gepland.</Paragraph>
      ) : (
        <Table caption="De LOB-onderdelen van je school en of je ze hebt afgerond" captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Onderdeel</TableHeaderCell>
              <TableHeaderCell scope="col">Leerjaar</TableHeaderCell>
              <TableHeaderCell scope="col">Periode</TableHeaderCell>
              <TableHeaderCell scope="col">Afgerond</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {dossier.programma.map((p) => (
              <TableRow key={p.id}>
                <TableCell>{p.titel}</TableCell>
                <TableCell>{p.leerjaar}</TableCell>
                <TableCell>{p.periode || '-'}</TableCell>
                <TableCell>{p.afgerond ? `Ja, ${datumTekst(p.afgerond.op)}` : 'Nog niet'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Paragraph>LOB krijgt geen cijfer. Je decaan of mentor zet een onderdeel op afgerond als je het hebt gedaan.</Paragraph>
    </section>
  );
}

function DossierContent() {
  const [teller, setTeller] = useState(0);
  const { data, error } = useApi(`lob-mijn-dossier-${teller}`, (signal) => lobApi.mijnDossier(signal));
  const [dossier, setDossier] = useState<LobDossier | undefined>(undefined);
  useEffect(() => setDossier(data), [data]);
  useSessionExpiry(error);
  useDocumentTitle('Mijn loopbaandossier');
  if (error) return <LoadError error={error} />;
  if (!dossier) return <Loading />;
  const herlaad = () => setTeller((t) => t + 1);
  const zet: Zet = setDossier;
  return (
    <>
      <PageHeading>Mijn loopbaandossier</PageHeading>
      <Paragraph appearance="lead">
        Hier houd je bij wat je doet om een opleiding en beroep te kiezen (LOB). Dit dossier is van jou: jij schrijft erin en jij bepaalt wie
        het krijgt.
      </Paragraph>
      <Paragraph>
        <Link to="/leerling/wie-ziet-mijn-gegevens">Wie ziet mijn gegevens?</Link>
      </Paragraph>
      <div className="doorlopend-lob-knoppen">
        <DocumentLink href={lobUrls.download('pdf')}>Download je dossier (PDF)</DocumentLink>
        <DocumentLink href={lobUrls.download('json')}>Download je dossier als gegevensbestand (JSON, voor een ander programma)</DocumentLink>
      </div>

      <section aria-labelledby="lob-activiteiten-kop" className="doorlopend-section">
        <Heading level={2} id="lob-activiteiten-kop">
          Mijn activiteiten ({dossier.activiteiten.length})
        </Heading>
        {dossier.activiteiten.length === 0 ? <Paragraph>Je hebt nog geen activiteiten opgeschreven.</Paragraph> : null}
        {dossier.activiteiten.map((a) => (
          <EigenActiviteit key={a.id} a={a} dossier={dossier} herlaad={herlaad} />
        ))}
      </section>
      <section className="doorlopend-section">
        {/* Not keyed by the number of activities: the form empties itself after a save and keeps its message ("Je activiteit
            staat in je dossier.") and the focus on its button. */}
        <ActiviteitForm dossier={dossier} klaar={herlaad} />
      </section>
      <OpleggerForm key={`oplegger-${dossier.activiteiten.length}`} dossier={dossier} zet={(o) => zet({ ...dossier, oplegger: o })} />
      <Programma dossier={dossier} />
      <Delen key={dossier.oplegger ? 'met-oplegger' : 'zonder-oplegger'} dossier={dossier} herlaad={herlaad} />
    </>
  );
}

export function MijnDossierPage() {
  return (
    <SignedInOnly>
      <DossierContent />
    </SignedInOnly>
  );
}
