/**
 * The provider's enrolment list of a menukaart module (issue 15), at /menukaart/modulen/:moduleId/inschrijvingen:
 * the pupils with an approved choice (name, school, leerweg, leerjaar, period; nothing more), the places used and
 * left per period, a filter per schooljaar, and the list as CSV or Excel. Every opening and download is in the audit
 * log; the page says so.
 */
import { useParams, useSearchParams } from 'react-router-dom';
import { PERIODE_NAMEN, type Periode } from '../../../shared/menukaart-api.js';
import { Loading, LoadError } from '../../components/PageStates.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useApi } from '../../lib/useApi.js';
import { DocumentLink, Heading, Link, PageHeading, Paragraph, SelectField, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/index.js';
import { beheerPath, menukaartApi, menukaartUrls, modulePath } from './menukaart-api.js';
import './menukaart.css';

const periodeNaam = (p: string) => PERIODE_NAMEN[p as Periode] ?? p;

export function ModuleInschrijvingenPage() {
  const { moduleId = '' } = useParams();
  const [zoek, setZoek] = useSearchParams();
  const schooljaar = zoek.get('schooljaar') ?? undefined;
  const { data, error } = useApi(menukaartUrls.inschrijvingen(moduleId, schooljaar), (signal) => menukaartApi.inschrijvingen(moduleId, schooljaar, signal));
  useDocumentTitle(data ? `Inschrijvingen ${data.module.titel}` : 'Inschrijvingen');
  if (error && !data) return <LoadError error={error} />;
  if (!data) return <Loading label="Inschrijvingen laden…" />;
  const { module: m } = data;
  const wat = data.schooljaar ? `in ${data.schooljaar}` : 'in alle schooljaren';
  return (
    <>
      <Paragraph>
        <Link to={modulePath(m.id)}>Terug naar de module</Link> · <Link to={beheerPath(data.regio.id)}>Menukaart van {data.regio.naam}</Link>
      </Paragraph>
      <PageHeading>Inschrijvingen: {m.titel}</PageHeading>
      <Paragraph>
        De leerlingen van wie de decaan de keuze voor deze module heeft goedgekeurd, voor de aanbieder {m.aanbieder.naam}. Alleen wat u nodig hebt om de module te plannen: naam, school,
        leerweg, leerjaar en periode. Elke keer dat u deze lijst opent of downloadt, staat in het logboek.
      </Paragraph>
      <form className="doorlopend-mk-filters doorlopend-mk-schooljaar" aria-label="Schooljaar kiezen" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="inschrijvingen-schooljaar"
          label="Schooljaar"
          value={data.schooljaar ?? ''}
          options={[{ value: '', label: 'Alle schooljaren' }, ...data.schooljaren.map((s) => ({ value: s, label: s }))]}
          onChange={(x) => setZoek(x ? { schooljaar: x } : {}, { replace: true })}
        />
      </form>

      <section aria-labelledby="plaatsen">
        <Heading level={2} id="plaatsen">
          Plaatsen per periode
        </Heading>
        <Table caption={`Plaatsen per periode ${wat}`} captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Schooljaar</TableHeaderCell>
              <TableHeaderCell scope="col">Periode</TableHeaderCell>
              <TableHeaderCell scope="col">Plaatsen</TableHeaderCell>
              <TableHeaderCell scope="col">Goedgekeurd</TableHeaderCell>
              <TableHeaderCell scope="col">Wacht op goedkeuring</TableHeaderCell>
              <TableHeaderCell scope="col">Vrij</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.plaatsen.map((p) => (
              <TableRow key={`${p.schooljaar}-${p.periode}`}>
                <TableCell>{p.schooljaar}</TableCell>
                <TableCell>{periodeNaam(p.periode)}</TableCell>
                <TableCell>{p.capaciteit}</TableCell>
                <TableCell>{p.goedgekeurd}</TableCell>
                <TableCell>{p.aangevraagd}</TableCell>
                <TableCell>{p.vrij}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Paragraph appearance="small">Een keuze die op goedkeuring wacht, houdt een plaats vast.</Paragraph>
      </section>

      <section aria-labelledby="leerlingen">
        <Heading level={2} id="leerlingen">
          Leerlingen ({data.leerlingen.length})
        </Heading>
        {data.leerlingen.length === 0 ? (
          <Paragraph>Nog geen goedgekeurde keuzes {wat}.</Paragraph>
        ) : (
          <Table caption={`Leerlingen met een goedgekeurde keuze ${wat}`} captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Leerling</TableHeaderCell>
                <TableHeaderCell scope="col">School</TableHeaderCell>
                <TableHeaderCell scope="col">Leerweg</TableHeaderCell>
                <TableHeaderCell scope="col">Leerjaar</TableHeaderCell>
                <TableHeaderCell scope="col">Periode</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.leerlingen.map((l, i) => (
                <TableRow key={`${l.schooljaar}-${l.naam}-${i}`}>
                  <TableCell>{l.naam}</TableCell>
                  <TableCell>{l.school}</TableCell>
                  <TableCell>{l.leerweg ?? 'onbekend'}</TableCell>
                  <TableCell>{l.leerjaar}</TableCell>
                  <TableCell>
                    {periodeNaam(l.periode)} {l.schooljaar}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <Paragraph>
          Downloaden ({wat}): <DocumentLink href={menukaartUrls.inschrijvingenExport(m.id, 'csv', data.schooljaar ?? undefined)} download>Inschrijvingslijst als CSV</DocumentLink> ·{' '}
          <DocumentLink href={menukaartUrls.inschrijvingenExport(m.id, 'xlsx', data.schooljaar ?? undefined)} download>
            Inschrijvingslijst als Excel-bestand
          </DocumentLink>
        </Paragraph>
      </section>
    </>
  );
}
