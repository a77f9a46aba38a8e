/**
 * Docentinzet of a samenwerking for one schooljaar (issue 13): the table of who teaches (name or role, partner,
 * bevoegdheid, pupils, hours), a form to add or change a row, and the outcome of the docentinzet rules right above it
 * (gastdocent at most 160 hours on the vmbo; an mbo teacher without tweedegraads bevoegdheid only under an agreement).
 * A stale versie answers 409: the message is shown and the list loads again.
 */
import { useState } from 'react';
import { BEVOEGDHEDEN, BEVOEGDHEID_NAMEN, type Bevoegdheid, type Docentinzet, type DocentinzetLijst, type OnderwijsAan } from '../../../shared/regels-api.js';
import { ApiError } from '../../api.js';
import { formatNumber } from '../../lib/format.js';
import { regelsApi } from '../../lib/regels-api.js';
import { Alert, Button, Heading, Paragraph, SelectField, StatusBadge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, TextField } from '../../ui/index.js';

export interface PartnerKeuze {
  id: string;
  naam: string;
}

interface Props {
  partnershipId: string;
  schooljaar: string;
  partners: readonly PartnerKeuze[];
  lijst: DocentinzetLijst;
  onChanged: (melding: string) => void;
}

interface Waarden {
  naamOfRol: string;
  organisatieId: string;
  bevoegdheid: Bevoegdheid;
  onderwijsAan: OnderwijsAan;
  uren: string;
}

function InzetForm({ partnershipId, schooljaar, partners, bewerk, onDone, onCancel }: { partnershipId: string; schooljaar: string; partners: readonly PartnerKeuze[]; bewerk: Docentinzet | null; onDone: (m: string) => void; onCancel?: () => void }) {
  const [w, setW] = useState<Waarden>(
    bewerk
      ? { naamOfRol: bewerk.naamOfRol, organisatieId: bewerk.organisatie.id, bevoegdheid: bewerk.bevoegdheid, onderwijsAan: bewerk.onderwijsAan, uren: String(bewerk.uren) }
      : { naamOfRol: '', organisatieId: partners[0]?.id ?? '', bevoegdheid: 'tweedegraads', onderwijsAan: 'vmbo', uren: '' },
  );
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const prefix = bewerk ? `inzet-${bewerk.id}` : 'inzet-nieuw';
  const set = <K extends keyof Waarden>(k: K) => (v: string) => setW((x) => ({ ...x, [k]: v }));
  return (
    <form
      className="doorlopend-section"
      aria-labelledby={`${prefix}-kop`}
      onSubmit={async (e) => {
        e.preventDefault();
        setBezig(true);
        setFouten({});
        setAlgemeen(null);
        const uren = w.uren.trim() === '' ? Number.NaN : Number(w.uren.replace(',', '.'));
        if (!Number.isFinite(uren)) {
          setFouten({ uren: 'Vul het aantal uren in als getal, bijvoorbeeld 40.' });
          setBezig(false);
          return;
        }
        const body = { schooljaar, naamOfRol: w.naamOfRol, organisatieId: w.organisatieId, bevoegdheid: w.bevoegdheid, onderwijsAan: w.onderwijsAan, uren };
        try {
          if (bewerk) await regelsApi.inzetWijzigen(partnershipId, bewerk.id, { ...body, versie: bewerk.versie });
          else await regelsApi.inzetToevoegen(partnershipId, body);
          if (!bewerk) setW((x) => ({ ...x, naamOfRol: '', uren: '' }));
          onDone(bewerk ? `De docentinzet van ${w.naamOfRol} is gewijzigd.` : `${w.naamOfRol} is toegevoegd aan de docentinzet.`);
        } catch (err) {
          if (err instanceof ApiError && err.problem?.errors?.length) {
            setFouten(Object.fromEntries(err.problem.errors.map((x) => [x.path.replace(/^body\.?/, ''), x.message])));
          }
          setAlgemeen(err instanceof ApiError ? err.message : 'Opslaan is niet gelukt. Probeer het opnieuw.');
          if (err instanceof ApiError && err.status === 409) onDone(err.message);
        } finally {
          setBezig(false);
        }
      }}
    >
      <Heading level={3} id={`${prefix}-kop`}>
        {bewerk ? `${bewerk.naamOfRol} wijzigen` : 'Docent toevoegen'}
      </Heading>
      {algemeen ? (
        <Alert type="error" role="alert">
          <Paragraph>{algemeen}</Paragraph>
        </Alert>
      ) : null}
      <TextField id={`${prefix}-naam`} label="Naam of rol" value={w.naamOfRol} onChange={set('naamOfRol')} required invalidMessage={fouten.naamOfRol} description="Bijvoorbeeld Gastdocent lassen of de naam van de docent." />
      <SelectField id={`${prefix}-organisatie`} label="Van organisatie" value={w.organisatieId} onChange={set('organisatieId')} options={partners.map((p) => ({ value: p.id, label: p.naam }))} invalidMessage={fouten.organisatieId} />
      <SelectField id={`${prefix}-bevoegdheid`} label="Bevoegdheid" value={w.bevoegdheid} onChange={set('bevoegdheid')} options={BEVOEGDHEDEN.map((b) => ({ value: b, label: BEVOEGDHEID_NAMEN[b] }))} invalidMessage={fouten.bevoegdheid} />
      <SelectField id={`${prefix}-aan`} label="Geeft les aan" value={w.onderwijsAan} onChange={set('onderwijsAan')} options={[{ value: 'vmbo', label: 'Vmbo-leerlingen' }, { value: 'mbo', label: 'Mbo-studenten' }]} invalidMessage={fouten.onderwijsAan} />
      <TextField id={`${prefix}-uren`} label={`Uren in schooljaar ${schooljaar}`} value={w.uren} onChange={set('uren')} required maxLength={7} invalidMessage={fouten.uren} />
      <p>
        <Button type="submit" disabled={bezig}>
          {bezig ? 'Bezig met opslaan…' : bewerk ? 'Wijziging opslaan' : 'Toevoegen'}
        </Button>{' '}
        {onCancel ? (
          <Button appearance="secondary-action-button" onClick={onCancel}>
            Annuleren
          </Button>
        ) : null}
      </p>
    </form>
  );
}

export function DocentinzetSectie({ partnershipId, schooljaar, partners, lijst, onChanged }: Props) {
  const [bewerk, setBewerk] = useState<Docentinzet | null>(null);
  const wijzigen = lijst.mijnRechten.wijzigen;
  return (
    <>
      <section aria-labelledby="inzet-regels-kop" className="doorlopend-section">
        <Heading level={2} id="inzet-regels-kop">
          Regels op de docentinzet
        </Heading>
        {lijst.uitkomsten.length === 0 ? (
          <Paragraph>Voor deze docentinzet gelden nog geen regels (geen gastdocenten, geen mbo-docenten voor vmbo-leerlingen, geen vmbo-docenten in het mbo).</Paragraph>
        ) : (
          <ul className="doorlopend-regels__lijst" aria-label="Regels op de docentinzet">
            {lijst.uitkomsten.map((u) => (
              <li key={u.regel.id} className="doorlopend-regels__regel">
                <p className="doorlopend-regels__kop">
                  <StatusBadge status={u.status === 'voldaan' ? 'safe' : u.regel.niveau === 'advies' ? 'warning' : 'danger'}>{u.status === 'voldaan' ? 'Voldaan' : u.regel.niveau === 'advies' ? 'Advies' : 'Moet'}</StatusBadge>{' '}
                  <strong>{u.regel.titel}</strong>
                </p>
                <p>{u.melding}</p>
                {u.status !== 'voldaan' ? <p>{u.regel.oplossing}</p> : null}
                <p className="doorlopend-regels__bron">
                  Bron: {u.regel.bron.document}, {u.regel.bron.sectie}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="inzet-tabel-kop" className="doorlopend-section">
        <Heading level={2} id="inzet-tabel-kop">
          Docentinzet {schooljaar}
        </Heading>
        {lijst.inzet.length === 0 ? (
          <Paragraph>Er is nog geen docentinzet voor {schooljaar}.</Paragraph>
        ) : (
          <div className="doorlopend-table-container">
            <Table caption={`Docentinzet ${schooljaar}`} captionHidden>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Naam of rol</TableHeaderCell>
                  <TableHeaderCell scope="col">Organisatie</TableHeaderCell>
                  <TableHeaderCell scope="col">Bevoegdheid</TableHeaderCell>
                  <TableHeaderCell scope="col">Les aan</TableHeaderCell>
                  <TableHeaderCell scope="col">Uren</TableHeaderCell>
                  {wijzigen ? <TableHeaderCell scope="col">Acties</TableHeaderCell> : null}
                </TableRow>
              </TableHeader>
              <TableBody>
                {lijst.inzet.map((i) => (
                  <TableRow key={i.id}>
                    <TableCell>{i.naamOfRol}</TableCell>
                    <TableCell>{i.organisatie.naam}</TableCell>
                    <TableCell>{BEVOEGDHEID_NAMEN[i.bevoegdheid]}</TableCell>
                    <TableCell>{i.onderwijsAan}</TableCell>
                    <TableCell>{formatNumber(i.uren)}</TableCell>
                    {wijzigen ? (
                      <TableCell>
                        <Button appearance="subtle-button" onClick={() => setBewerk(i)} aria-label={`${i.naamOfRol} wijzigen`}>
                          Wijzigen
                        </Button>{' '}
                        <Button
                          appearance="subtle-button"
                          aria-label={`${i.naamOfRol} verwijderen`}
                          onClick={async () => {
                            try {
                              await regelsApi.inzetVerwijderen(partnershipId, i.id, i.versie);
                              onChanged(`${i.naamOfRol} is verwijderd uit de docentinzet.`);
                            } catch (err) {
                              onChanged(err instanceof ApiError ? err.message : 'Verwijderen is niet gelukt.');
                            }
                          }}
                        >
                          Verwijderen
                        </Button>
                      </TableCell>
                    ) : null}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
      {wijzigen ? (
        bewerk ? (
          <InzetForm
            key={bewerk.id}
            partnershipId={partnershipId}
            schooljaar={schooljaar}
            partners={partners}
            bewerk={bewerk}
            onCancel={() => setBewerk(null)}
            onDone={(m) => {
              setBewerk(null);
              onChanged(m);
            }}
          />
        ) : (
          <InzetForm key={`nieuw-${schooljaar}`} partnershipId={partnershipId} schooljaar={schooljaar} partners={partners} bewerk={null} onDone={onChanged} />
        )
      ) : (
        <Paragraph>Wijzigen doen beheerders en ontwikkelaars van de partners.</Paragraph>
      )}
    </>
  );
}
