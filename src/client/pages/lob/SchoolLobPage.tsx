/**
 * The school's side of LOB (issue 15), for the decaan (or a mentor with that role):
 * /organisaties/:id/lob — the school's LOB programme (planned parts per leerjaar; add, change, let lapse) and the
 * pupils with their LOB counts; /organisaties/:id/lob/leerlingen/:gebruikerId — one pupil's dossier, read only, with
 * the programme's parts to mark done (LOB is not graded). Every read of a dossier is in the audit log; the page says so.
 */
import { useEffect, useId, useState } from 'react';
import { useParams } from 'react-router-dom';
import { COMPETENTIE_NAMEN, LOB_LIMIETEN, LOOPBAANCOMPETENTIES, type LobDossier, type LobOnderdeel, type Loopbaancompetentie } from '../../../shared/lob-api.js';
import { FormFeedback, useAction } from '../../components/ConfirmAction.js';
import { LoadError, Loading } from '../../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../../components/SignedInOnly.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useApi } from '../../lib/useApi.js';
import { Button, CheckboxField, Fieldset, Heading, Link, PageHeading, Paragraph, SelectField, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, TextField, VisuallyHidden } from '../../ui/index.js';
import { ActiviteitWeergave, OpleggerWeergave } from './LobDelen.js';
import { datumTekst, lobApi } from './lob-api.js';

const seg = encodeURIComponent;
export const schoolLobPath = (org: string) => `/organisaties/${seg(org)}/lob`;
const leerlingPath = (org: string, gebruiker: string) => `${schoolLobPath(org)}/leerlingen/${seg(gebruiker)}`;

function OnderdeelForm({ org, onderdeel, klaar }: { org: string; onderdeel?: LobOnderdeel; klaar: () => void }) {
  const id = useId();
  const [v, setV] = useState({ leerjaar: String(onderdeel?.leerjaar ?? 3), titel: onderdeel?.titel ?? '', omschrijving: onderdeel?.omschrijving ?? '', periode: onderdeel?.periode ?? '', vervallen: onderdeel?.vervallen ?? false });
  const [competenties, setCompetenties] = useState<Loopbaancompetentie[]>(onderdeel?.competenties ?? []);
  const state = useAction('Opslaan is niet gelukt.');
  const opslaan = () =>
    state.run(async () => {
      const body = { ...v, leerjaar: Number(v.leerjaar), competenties };
      if (onderdeel) await lobApi.wijzigOnderdeel(org, onderdeel.id, { ...body, versie: onderdeel.versie });
      else await lobApi.voegOnderdeelToe(org, body);
      klaar();
      return onderdeel ? 'Het onderdeel is gewijzigd.' : 'Het onderdeel is toegevoegd.';
    });
  return (
    <form
      aria-label={onderdeel ? `${onderdeel.titel} wijzigen` : 'Een LOB-onderdeel toevoegen'}
      onSubmit={(e) => {
        e.preventDefault();
        void opslaan();
      }}
    >
      <TextField id={`${id}-titel`} label="Titel" value={v.titel} maxLength={LOB_LIMIETEN.titel} onChange={(titel) => setV({ ...v, titel })} />
      <SelectField id={`${id}-leerjaar`} label="Leerjaar" value={v.leerjaar} options={[1, 2, 3, 4].map((j) => ({ value: String(j), label: `Leerjaar ${j}` }))} onChange={(leerjaar) => setV({ ...v, leerjaar })} />
      <TextField id={`${id}-periode`} label="Periode (mag leeg)" value={v.periode} maxLength={LOB_LIMIETEN.periode} onChange={(periode) => setV({ ...v, periode })} />
      <TextField id={`${id}-omschrijving`} label="Omschrijving (mag leeg)" value={v.omschrijving} maxLength={LOB_LIMIETEN.kort} onChange={(omschrijving) => setV({ ...v, omschrijving })} />
      <Fieldset id={`${id}-competenties`} legend="Loopbaancompetenties">
        {LOOPBAANCOMPETENTIES.map((c) => (
          <CheckboxField key={c} id={`${id}-${c}`} label={COMPETENTIE_NAMEN[c]} checked={competenties.includes(c)} onChange={(on) => setCompetenties(on ? [...competenties, c] : competenties.filter((x) => x !== c))} />
        ))}
      </Fieldset>
      {onderdeel ? <CheckboxField id={`${id}-vervallen`} label="Vervallen (niet meer gepland)" checked={v.vervallen} onChange={(vervallen) => setV({ ...v, vervallen })} /> : null}
      <FormFeedback state={state} failureHeading="Het onderdeel is niet opgeslagen" />
      <Button type="submit" disabled={state.busy}>
        {state.busy ? 'Bezig…' : onderdeel ? 'Wijziging opslaan' : 'Onderdeel toevoegen'}
      </Button>
    </form>
  );
}

function SchoolLobContent({ org }: { org: string }) {
  const [teller, setTeller] = useState(0);
  const programma = useApi(`lob-programma-${org}-${teller}`, (signal) => lobApi.programma(org, signal));
  const leerlingen = useApi(`lob-leerlingen-${org}-${teller}`, (signal) => lobApi.leerlingen(org, signal));
  const [bewerk, setBewerk] = useState<string | null>(null);
  useSessionExpiry(programma.error, leerlingen.error);
  useDocumentTitle('LOB-programma en loopbaandossiers');
  const error = programma.error ?? leerlingen.error;
  if (error) return <LoadError error={error} />;
  if (!programma.data || !leerlingen.data) return <Loading />;
  const p = programma.data;
  return (
    <>
      <PageHeading>LOB van {p.school.naam}</PageHeading>
      <Paragraph appearance="lead">
        Het LOB-programma van de school en de loopbaandossiers van de leerlingen. Een dossier is van de leerling: u leest het en zet
        onderdelen op afgerond; alleen de leerling geeft het aan een andere school. LOB krijgt geen cijfer, maar wordt in het PTA verantwoord.
      </Paragraph>
      <section aria-labelledby="lob-prog" className="doorlopend-section">
        <Heading level={2} id="lob-prog">
          LOB-programma
        </Heading>
        {p.onderdelen.length === 0 ? (
          <Paragraph>Nog geen onderdelen.</Paragraph>
        ) : (
          <Table caption="De LOB-onderdelen van de school" captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Onderdeel</TableHeaderCell>
                <TableHeaderCell scope="col">Leerjaar</TableHeaderCell>
                <TableHeaderCell scope="col">Periode</TableHeaderCell>
                <TableHeaderCell scope="col">Competenties</TableHeaderCell>
                <TableHeaderCell scope="col">
                  <VisuallyHidden>Actie</VisuallyHidden>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {p.onderdelen.map((o) => (
                <TableRow key={o.id}>
                  <TableCell>
                    {o.titel}
                    {o.vervallen ? ' (vervallen)' : ''}
                  </TableCell>
                  <TableCell>{o.leerjaar}</TableCell>
                  <TableCell>{o.periode || '-'}</TableCell>
                  <TableCell>{o.competenties.map((c) => COMPETENTIE_NAMEN[c]).join(', ') || '-'}</TableCell>
                  <TableCell>
                    <Button appearance="subtle-button" aria-expanded={bewerk === o.id} onClick={() => setBewerk(bewerk === o.id ? null : o.id)}>
                      Wijzigen<VisuallyHidden> {o.titel}</VisuallyHidden>
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {bewerk && p.onderdelen.find((o) => o.id === bewerk) ? (
          <OnderdeelForm
            key={bewerk}
            org={org}
            onderdeel={p.onderdelen.find((o) => o.id === bewerk)}
            klaar={() => {
              setBewerk(null);
              setTeller((t) => t + 1);
            }}
          />
        ) : null}
        <Heading level={3}>Onderdeel toevoegen</Heading>
        <OnderdeelForm key={`nieuw-${teller}`} org={org} klaar={() => setTeller((t) => t + 1)} />
      </section>
      <section aria-labelledby="lob-ll" className="doorlopend-section">
        <Heading level={2} id="lob-ll">
          Leerlingen
        </Heading>
        {leerlingen.data.leerlingen.length === 0 ? (
          <Paragraph>Er zijn nog geen leerlingen met een account.</Paragraph>
        ) : (
          <Table caption="Leerlingen en hun LOB-stand" captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Leerling</TableHeaderCell>
                <TableHeaderCell scope="col">Activiteiten</TableHeaderCell>
                <TableHeaderCell scope="col">Onderdelen afgerond</TableHeaderCell>
                <TableHeaderCell scope="col">Oplegger</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {leerlingen.data.leerlingen.map((l) => (
                <TableRow key={l.gebruikerId}>
                  <TableCell>
                    <Link to={leerlingPath(org, l.gebruikerId)}>{l.naam}</Link>
                  </TableCell>
                  <TableCell>{l.activiteiten}</TableCell>
                  <TableCell>
                    {l.afgerond} van {l.onderdelen}
                  </TableCell>
                  <TableCell>{l.opleggerIngevuld ? 'Ingevuld' : 'Nog niet'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </>
  );
}

function LeerlingDossierContent({ org, gebruiker }: { org: string; gebruiker: string }) {
  const { data, error } = useApi(`lob-leerling-${org}-${gebruiker}`, (signal) => lobApi.leerling(org, gebruiker, signal));
  const [dossier, setDossier] = useState<LobDossier | undefined>(undefined);
  useEffect(() => setDossier(data), [data]);
  const state = useAction('Opslaan is niet gelukt.');
  useSessionExpiry(error);
  useDocumentTitle(dossier ? `Loopbaandossier van ${dossier.leerling.naam}` : 'Loopbaandossier');
  if (error) return <LoadError error={error} />;
  if (!dossier) return <Loading />;
  const zetAf = (onderdeelId: string, afgerond: boolean, titel: string) =>
    state.run(async () => {
      setDossier(await lobApi.afronding(org, gebruiker, onderdeelId, afgerond));
      return afgerond ? `${titel} staat op afgerond.` : `${titel} staat weer op niet afgerond.`;
    });
  return (
    <>
      <PageHeading>Loopbaandossier van {dossier.leerling.naam}</PageHeading>
      <Paragraph>
        Dit dossier is van de leerling; u kunt het lezen, niet wijzigen of doorsturen. Dat u het hebt geopend, staat in het auditlog van{' '}
        {dossier.school.naam}.
      </Paragraph>
      <Paragraph>
        <Link to={schoolLobPath(org)}>Terug naar LOB van de school</Link>
      </Paragraph>
      <section aria-labelledby="ld-prog" className="doorlopend-section">
        <Heading level={2} id="ld-prog">
          LOB-programma
        </Heading>
        {dossier.programma.length === 0 ? (
          <Paragraph>De school heeft nog geen onderdelen gepland.</Paragraph>
        ) : (
          <Fieldset id="ld-afgerond" legend="Afgerond">
            {dossier.programma.map((p) => (
              <CheckboxField
                key={p.id}
                id={`ld-${p.id}`}
                label={`${p.titel} (leerjaar ${p.leerjaar})`}
                description={p.afgerond ? `Afgerond op ${datumTekst(p.afgerond.op)} door ${p.afgerond.door}` : `${p.activiteiten} ${p.activiteiten === 1 ? 'activiteit' : 'activiteiten'} van de leerling`}
                checked={p.afgerond !== null}
                disabled={state.busy}
                onChange={(on) => void zetAf(p.id, on, p.titel)}
              />
            ))}
          </Fieldset>
        )}
        <FormFeedback state={state} failureHeading="Niet opgeslagen" />
      </section>
      <section aria-labelledby="ld-act" className="doorlopend-section">
        <Heading level={2} id="ld-act">
          Activiteiten ({dossier.activiteiten.length})
        </Heading>
        {dossier.activiteiten.length === 0 ? <Paragraph>Nog geen activiteiten.</Paragraph> : dossier.activiteiten.map((a) => <ActiviteitWeergave key={a.id} a={a} />)}
      </section>
      <section aria-labelledby="ld-opl" className="doorlopend-section">
        <Heading level={2} id="ld-opl">
          Oplegger
        </Heading>
        {dossier.oplegger ? <OpleggerWeergave o={dossier.oplegger} /> : <Paragraph>Nog niet ingevuld.</Paragraph>}
      </section>
    </>
  );
}

export function SchoolLobPage() {
  const { id = '' } = useParams();
  return (
    <SignedInOnly>
      <SchoolLobContent org={id} />
    </SignedInOnly>
  );
}

export function LeerlingDossierPage() {
  const { id = '', gebruikerId = '' } = useParams();
  return (
    <SignedInOnly>
      <LeerlingDossierContent org={id} gebruiker={gebruikerId} />
    </SignedInOnly>
  );
}
