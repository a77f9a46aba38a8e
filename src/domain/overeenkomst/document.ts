/**
 * The samenwerkingsovereenkomst as an export document (issue 13): the same document model as the leerroute exports
 * (src/domain/exports/document-model.ts), rendered to an accessible PDF and a DOCX by src/server/exports. Parties,
 * what the agreement covers, every clause, the medezeggenschap, a signature block per party (filled in once signed)
 * and, in an annex, the source of each clause. No I/O.
 */
import { datumNl, type Blok, type ExportDocument } from '../exports/document-model.js';
import {
  ONDERWERP_NAMEN, ORGAAN_NAMEN, OVEREENKOMST_SOORT_NAMEN, OVEREENKOMST_STATUS_NAMEN, type OvereenkomstDetail,
} from '../../shared/overeenkomst-api.js';

const SOORT_WOORD: Record<string, string> = { 'vmbo-school': 'vmbo-school', 'mbo-instelling': 'mbo-instelling', regio: 'regio' };

/** "15 maart 2027" from "2027-03-15" (a calendar date, no time zone shift). */
function dag(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? datumNl(`${iso}T12:00:00Z`) : datumNl(iso);
}

export function overeenkomstDocument(o: OvereenkomstDetail): ExportDocument {
  const blokken: Blok[] = [];
  blokken.push({ soort: 'kop', niveau: 1, tekst: `Samenwerkingsovereenkomst: ${o.titel}` });
  blokken.push({
    soort: 'gegevens',
    rijen: [
      ['Soort', OVEREENKOMST_SOORT_NAMEN[o.soort]],
      ['Samenwerking', o.samenwerking.naam],
      ['Versie', String(o.documentversie)],
      ['Status', OVEREENKOMST_STATUS_NAMEN[o.status] + (o.ondertekendOp ? ` (ondertekend ${datumNl(o.ondertekendOp)})` : '')],
      ['Stand', datumNl(o.gewijzigd.op)],
    ],
  });

  blokken.push({ soort: 'kop', niveau: 2, tekst: 'Partijen' });
  blokken.push({
    soort: 'tabel',
    kolommen: [{ kop: 'Partij', breedte: 3 }, { kop: 'Soort', breedte: 2 }, { kop: 'BRIN', breedte: 1 }, { kop: 'Vestigingen', breedte: 4 }],
    rijen: o.partijen.map((p) => [p.naam, SOORT_WOORD[p.soort] ?? p.soort, p.brin ?? '', p.vestigingen.map((v) => (v.brin ? `${v.naam} (${v.brin})` : v.naam)).join('\n')]),
  });

  blokken.push({ soort: 'kop', niveau: 2, tekst: 'Wat deze overeenkomst dekt' });
  const dekt = [...o.leerroutes.map((r) => `Leerroute ${r.naam}`), ...o.onderwerpen.map((w) => ONDERWERP_NAMEN[w])];
  if (dekt.length) blokken.push({ soort: 'lijst', items: dekt });
  else blokken.push({ soort: 'alinea', tekst: 'Nog niets gekozen.' });

  blokken.push({ soort: 'kop', niveau: 2, tekst: 'Afspraken' });
  for (const c of o.clausules) {
    blokken.push({ soort: 'kop', niveau: 3, tekst: `${c.titel}${c.verplicht ? '' : ' (aanbevolen)'}` });
    const alineas = c.tekst.split(/\n+/).map((s) => s.trim()).filter(Boolean);
    if (alineas.length === 0) blokken.push({ soort: 'alinea', tekst: c.verplicht ? 'Nog niet ingevuld.' : 'Niet ingevuld.' });
    for (const a of alineas) blokken.push({ soort: 'alinea', tekst: a });
  }

  blokken.push({ soort: 'kop', niveau: 2, tekst: 'Medezeggenschap' });
  if (o.medezeggenschap.length) {
    blokken.push({
      soort: 'tabel',
      kolommen: [{ kop: 'Partij', breedte: 3 }, { kop: 'Orgaan', breedte: 3 }, { kop: 'Uitkomst', breedte: 2 }, { kop: 'Datum', breedte: 2 }, { kop: 'Toelichting', breedte: 4 }],
      rijen: o.medezeggenschap.map((m) => [m.organisatie.naam, ORGAAN_NAMEN[m.orgaan], m.uitkomst === 'instemming' ? 'Instemming' : 'Advies', dag(m.datum), m.toelichting]),
    });
  } else blokken.push({ soort: 'alinea', tekst: 'De instemming of het advies van de medezeggenschap is nog niet vastgelegd.' });

  blokken.push({ soort: 'kop', niveau: 2, tekst: 'Ondertekening' });
  blokken.push({ soort: 'alinea', tekst: 'Aldus overeengekomen door de partijen, elk vertegenwoordigd door haar bevoegd gezag.', houdBijVolgende: true });
  const getekend = new Map(o.ondertekeningen.map((t) => [t.organisatie.id, t]));
  for (const p of o.partijen) {
    const t = getekend.get(p.id);
    if (t) {
      blokken.push({ soort: 'kop', niveau: 3, tekst: `Namens ${p.naam}` });
      blokken.push({ soort: 'gegevens', rijen: [['Naam', t.naam], ['Functie', t.functie], ['Datum', dag(t.datum)], ['Vastgelegd door', t.vastgelegd.gebruiker?.naam ?? '(verwijderd account)']] });
    } else blokken.push({ soort: 'ondertekening', partij: p.naam, velden: ['Naam', 'Functie', 'Datum', 'Handtekening'] });
  }

  blokken.push({ soort: 'kop', niveau: 2, tekst: 'Bijlage: bronnen van de clausules' });
  blokken.push({ soort: 'alinea', tekst: `Clausuleset versie ${o.clausuleset.versie}. ${o.clausuleset.bron}` });
  blokken.push({
    soort: 'tabel',
    kolommen: [{ kop: 'Clausule', breedte: 3 }, { kop: 'Document', breedte: 4 }, { kop: 'Sectie', breedte: 4 }],
    rijen: o.clausules.map((c) => [c.titel, c.bron.document, c.bron.sectie]),
  });

  return {
    titel: `Samenwerkingsovereenkomst: ${o.titel}`,
    onderwerp: `${OVEREENKOMST_SOORT_NAMEN[o.soort]}, versie ${o.documentversie}, samenwerking ${o.samenwerking.naam}`,
    taal: 'nl-NL',
    orientatie: 'staand',
    stand: o.gewijzigd.op,
    blokken,
  };
}
