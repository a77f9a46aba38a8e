/**
 * The loopbaandossier as a document (issue 15): the pupil's download, rendered as an accessible PDF with the same
 * document model as the leerroute exports (src/domain/exports/document-model.ts). Pure.
 */
import { datumNl, type Blok, type ExportDocument } from '../exports/document-model.js';
import { ACTIVITEIT_SOORT_NAMEN, COMPETENTIE_NAMEN, LOOPBAANCOMPETENTIES, type LobDossier } from '../../shared/lob-api.js';

export function dossierDocument(d: LobDossier, stand: string): ExportDocument {
  const titel = `Loopbaandossier van ${d.leerling.naam}`;
  const blokken: Blok[] = [
    { soort: 'kop', niveau: 1, tekst: titel },
    { soort: 'alinea', tekst: `Het loopbaandossier van ${d.leerling.naam}, leerling van ${d.school.naam}. Dit dossier is van de leerling: alleen de leerling geeft het door.` },
    { soort: 'kop', niveau: 2, tekst: 'LOB-activiteiten' },
  ];
  if (d.activiteiten.length === 0) blokken.push({ soort: 'alinea', tekst: 'Nog geen activiteiten.' });
  for (const a of d.activiteiten) {
    blokken.push({ soort: 'kop', niveau: 3, tekst: `${a.titel} (${ACTIVITEIT_SOORT_NAMEN[a.soort]}, ${datumNl(a.datum)})` });
    const rijen: Array<[string, string]> = [];
    if (a.doel) rijen.push(['Doel', a.doel]);
    for (const c of LOOPBAANCOMPETENTIES) {
      const t = a.reflecties[c];
      if (t) rijen.push([COMPETENTIE_NAMEN[c], t]);
    }
    if (a.conclusie) rijen.push(['Conclusie', a.conclusie]);
    if (a.vervolgstap) rijen.push(['Volgende stap', a.vervolgstap]);
    blokken.push({ soort: 'gegevens', rijen });
  }
  blokken.push({ soort: 'kop', niveau: 2, tekst: 'Oplegger voor de intake in het mbo' });
  if (!d.oplegger) blokken.push({ soort: 'alinea', tekst: 'De oplegger is nog niet ingevuld.' });
  else {
    const o = d.oplegger.inhoud;
    const gekozen = d.activiteiten.filter((a) => o.activiteitIds.includes(a.id)).map((a) => `${a.titel} (${datumNl(a.datum)})`);
    blokken.push({
      soort: 'gegevens',
      rijen: [
        ['Opleiding', `${o.opleiding || '(nog niet gekozen)'}${o.crebo ? ` (crebo ${o.crebo})` : ''}`],
        ['Mbo-school', o.instelling || '(nog niet gekozen)'],
        ['Start', `augustus ${o.startjaar}`],
        ['Aanmelden vóór', datumNl(d.oplegger.datums.aanmeldenVoor)],
        ['Aanvullende eisen bekend vóór', datumNl(d.oplegger.datums.aanvullendeEisenBekendVoor)],
        ['Aangemeld op', o.aangemeldOp ? datumNl(o.aangemeldOp) : 'nog niet'],
        ['Waarom deze opleiding', o.motivatie || '-'],
        ['Waar ik goed in ben', o.sterkePunten || '-'],
        ['Wat ik nodig heb', o.ondersteuning || '-'],
      ],
    });
    if (gekozen.length > 0) blokken.push({ soort: 'alinea', tekst: 'Activiteiten die ik laat zien:', houdBijVolgende: true }, { soort: 'lijst', items: gekozen });
  }
  blokken.push({ soort: 'kop', niveau: 2, tekst: 'LOB-programma van de school' });
  if (d.programma.length === 0) blokken.push({ soort: 'alinea', tekst: 'De school heeft nog geen LOB-onderdelen gepland.' });
  else
    blokken.push({
      soort: 'tabel',
      kolommen: [
        { kop: 'Onderdeel', breedte: 4 },
        { kop: 'Leerjaar', breedte: 1 },
        { kop: 'Periode', breedte: 2 },
        { kop: 'Afgerond', breedte: 2 },
      ],
      rijen: d.programma.map((p) => [p.titel, String(p.leerjaar), p.periode || '-', p.afgerond ? datumNl(p.afgerond.op) : 'nog niet']),
    });
  return { titel, onderwerp: 'LOB-activiteiten, reflecties, oplegger en LOB-programma', taal: 'nl-NL', orientatie: 'staand', stand, blokken };
}
