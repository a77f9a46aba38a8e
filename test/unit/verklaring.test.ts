/** The pure rules of the result statement and the vrijstelling (src/domain/examen/verklaring.ts). */
import { describe, expect, it } from 'vitest';
import { besluitProbleem, initialen, magVrijstellingAanvragen, normaliseVerificatiecode, resultaatverklaringDocument, volledigeNaam } from '../../src/domain/examen/verklaring.js';

describe('verification code', () => {
  it('normalises case, spaces and dashes', () => {
    expect(normaliseVerificatiecode('abcd-efgh-2345')).toBe('ABCD-EFGH-2345');
    expect(normaliseVerificatiecode(' abcd efgh 2345 ')).toBe('ABCD-EFGH-2345');
    expect(normaliseVerificatiecode('ABCDEFGH2345')).toBe('ABCD-EFGH-2345');
    expect(normaliseVerificatiecode('ab–cd—ef gh-23_45')).toBe('ABCD-EFGH-2345');
  });
  it('refuses what cannot be a code', () => {
    for (const bad of ['', 'hallo', 'ABCD-EFGH-234', 'ABCD-EFGH-23456', 'ABCD-EFGH-23%5', "ABCD' OR 1=1"]) expect(normaliseVerificatiecode(bad)).toBeNull();
  });
});

describe('names', () => {
  it('gives initials with the tussenvoegsel in small letters', () => {
    expect(initialen('Lotte', 'van der', 'Berg')).toBe('L. v.d. B.');
    expect(initialen('anna', '', 'anders')).toBe('A. A.');
    expect(volledigeNaam('Lotte', 'van der', 'Berg')).toBe('Lotte van der Berg');
    expect(volledigeNaam('Anna', '', 'Anders')).toBe('Anna Anders');
  });
});

describe('vrijstelling rules', () => {
  it('allows a request only on a vastgesteld, passed result', () => {
    expect(magVrijstellingAanvragen({ status: 'vastgesteld', keuzedeelResultaat: 'behaald' })).toBe(true);
    expect(magVrijstellingAanvragen({ status: 'vastgesteld', keuzedeelResultaat: 'niet-behaald' })).toBe(false);
    expect(magVrijstellingAanvragen({ status: 'open', keuzedeelResultaat: 'behaald' })).toBe(false);
  });
  it('decides only an open request at the versie seen, with a reason when afgewezen', () => {
    const open = { status: 'ingediend' as const, versie: 1 };
    expect(besluitProbleem(open, { besluit: 'toegekend', reden: null, versie: 1 })).toBeNull();
    expect(besluitProbleem(open, { besluit: 'afgewezen', reden: 'past niet', versie: 1 })).toBeNull();
    expect(besluitProbleem(open, { besluit: 'afgewezen', reden: '  ', versie: 1 })).toBe('reden-ontbreekt');
    expect(besluitProbleem(open, { besluit: 'toegekend', reden: null, versie: 2 })).toBe('verouderd');
    expect(besluitProbleem({ status: 'toegekend', versie: 2 }, { besluit: 'toegekend', reden: null, versie: 2 })).toBe('al-besloten');
  });
});

describe('result statement', () => {
  it('holds the result, the grondslag, the code and the check address', () => {
    const doc = resultaatverklaringDocument(
      {
        leerling: { roepnaam: 'Lotte', tussenvoegsel: 'van der', achternaam: 'Berg' },
        school: 'Demo Vmbo College',
        keuzedeel: { code: 'K0072', titel: 'Duurzame techniek' },
        keuzevak: { id: 'K/PIE/16', titel: 'Domotica' },
        keuzedeelResultaat: 'behaald',
        keuzedeelCijfer: null,
        keuzevakCijfer: 7,
        afgenomenOp: '2027-03-12',
        vastgesteldOp: '2027-03-20T10:00:00Z',
        examencommissie: 'Demo ROC',
        grondslag: 'gezamenlijk-pta-oer',
        poging: 1,
        verificatiecode: 'ABCD-EFGH-2345',
        verificatieAdres: 'https://doorlopend.example/verificatie',
      },
      '2027-03-20T10:00:00Z',
    );
    const text = JSON.stringify(doc.blokken);
    for (const s of ['Lotte van der Berg', 'K0072 Duurzame techniek', 'behaald', '7,0', '12 maart 2027', 'ABCD-EFGH-2345', 'https://doorlopend.example/verificatie', 'PTA/OER']) expect(text).toContain(s);
    expect(doc.blokken[0]).toEqual({ soort: 'kop', niveau: 1, tekst: 'Resultaatverklaring keuzedeel' });
  });
});
