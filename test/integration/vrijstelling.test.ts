/**
 * Issue 14, vrijstelling, on a real database: a pupil sees only their own pupil records, exams and vastgesteld
 * results (with the grondslag); downloads the result statement (PDF opened: it carries the verification code and the
 * check address); the public check shows only the allowed facts, normalises the code, answers 404 for an unknown or
 * malformed one and limits guessing per address (429, Retry-After); a vrijstelling is requested only by the pupil and
 * only on a passed vastgesteld result (409 for a second open request at the same instelling); the receiving
 * examencommissie decides (others 403/404; reason required when afgewezen; stale versie and a second decision 409);
 * both steps are audited; the pupil sees the decision and gets a mail; the own-data download holds it all.
 *
 * Most results are written directly in the database (test/support/vrijstelling-factory.ts); the last test takes a
 * result through the real chain (test/support/beoordeling-factory.ts: both assessors and the vaststelling by API).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MijnResultaten, MijnVrijstellingen } from '../../src/shared/mijn-api.js';
import { MijnGegevens } from '../../src/shared/account-api.js';
import { Verificatie, VrijstellingDetail, VrijstellingLijst } from '../../src/shared/vrijstelling-api.js';
import { databaseAvailable, TEST_DB } from '../support/db.js';
import { startExamenWorld, type ExamenWorld } from '../support/examen-world.js';
import { readPdf } from '../support/export-files.js';
import { assessAll, createAssessableExam, vaststellen } from '../support/beoordeling-factory.js';
import { vastgesteldResultaat, type ResultaatFixture } from '../support/vrijstelling-factory.js';

describe.skipIf(!databaseAvailable)(`vrijstelling (${TEST_DB})`, () => {
  let w: ExamenWorld;
  let eigen: ResultaatFixture;
  let nietBehaald: ResultaatFixture;
  let open: ResultaatFixture;
  let ander: ResultaatFixture;
  let verzoekId: string;

  beforeAll(async () => {
    w = await startExamenWorld();
    eigen = await vastgesteldResultaat(w, { pupil: 'leerling', grondslag: 'extraneus', keuzedeelCijfer: 7.5 });
    nietBehaald = await vastgesteldResultaat(w, { pupil: 'leerling', resultaat: 'niet-behaald', grondslag: 'gezamenlijk-pta-oer' });
    open = await vastgesteldResultaat(w, { pupil: 'leerling', status: 'open' });
    ander = await vastgesteldResultaat(w, { pupil: 'andere-leerling', roepnaam: 'Anna', tussenvoegsel: '', achternaam: 'Anders' });
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  it('shows a pupil only their own records, exams and vastgesteld results, with the grondslag', async () => {
    const mijn = MijnResultaten.parse((await w.call('leerling', 'GET', '/api/mijn/resultaten', undefined, 200)).body);
    const leerlingIds = mijn.leerlingen.map((l) => l.id).sort();
    expect(leerlingIds).toEqual([eigen.leerlingId, nietBehaald.leerlingId, open.leerlingId].sort());
    expect(leerlingIds).not.toContain(ander.leerlingId);
    expect(mijn.leerlingen[0]!.naam).toBe('Lotte van der Berg');
    const resultaten = mijn.examens.flatMap((e) => e.resultaten.map((r) => ({ ...r, grondslag: e.grondslag, keuzedeel: e.keuzedeel.code })));
    expect(resultaten.map((r) => r.beoordelingId).sort()).toEqual([eigen.beoordelingId, nietBehaald.beoordelingId].sort());
    const r = resultaten.find((x) => x.beoordelingId === eigen.beoordelingId)!;
    expect(r).toMatchObject({ keuzedeel: 'K0072', grondslag: 'extraneus', keuzedeelResultaat: 'behaald', keuzedeelCijfer: 7.5, keuzevakCijfer: 7.4, afgenomenOp: '2027-03-12', verificatiecode: eigen.verificatiecode, kanVrijstellingAanvragen: true });
    expect(resultaten.find((x) => x.beoordelingId === nietBehaald.beoordelingId)).toMatchObject({ grondslag: 'gezamenlijk-pta-oer', kanVrijstellingAanvragen: false });
    // The exam whose assessment is still open is listed, without a result.
    expect(mijn.examens.find((e) => e.examenId === open.examenId)).toMatchObject({ inschrijving: 'ingeschreven', resultaten: [] });

    const anders = MijnResultaten.parse((await w.call('andere-leerling', 'GET', '/api/mijn/resultaten', undefined, 200)).body);
    expect(anders.leerlingen.map((l) => l.id)).toEqual([ander.leerlingId]);
    // Staff have no pupil records of their own.
    const staff = MijnResultaten.parse((await w.call('vmbo-examinator', 'GET', '/api/mijn/resultaten', undefined, 200)).body);
    expect(staff).toEqual({ leerlingen: [], examens: [] });
    await w.call('anonymous', 'GET', '/api/mijn/resultaten', undefined, 401);
  });

  it('gives the pupil the result statement as an accessible PDF with the code and the check address; nobody else', async () => {
    const res = await w.app.inject({ method: 'GET', url: `/api/mijn/resultaten/${eigen.beoordelingId}/resultaatverklaring.pdf`, headers: w.as('leerling') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('resultaatverklaring-K0072.pdf');
    const pdf = await readPdf(res.rawPayload);
    expect(pdf.text).toContain(eigen.verificatiecode!);
    expect(pdf.text).toMatch(/https?:\/\/[^ ]+\/verificatie/);
    expect(pdf.text).toContain('Lotte van der Berg');
    expect(pdf.text).toContain('behaald');
    expect(pdf.text).toContain('Demo ROC');
    expect(pdf.structRoles).toContain('H1');
    // Another pupil's result, a result not vastgesteld, staff of both schools: 404.
    await w.call('andere-leerling', 'GET', `/api/mijn/resultaten/${eigen.beoordelingId}/resultaatverklaring.pdf`, undefined, 404);
    await w.call('leerling', 'GET', `/api/mijn/resultaten/${open.beoordelingId}/resultaatverklaring.pdf`, undefined, 404);
    await w.call('mbo-examencommissie', 'GET', `/api/mijn/resultaten/${eigen.beoordelingId}/resultaatverklaring.pdf`, undefined, 404);
  });

  it('verifies a code publicly with only the allowed facts, whatever its case, spaces or dashes', async () => {
    const code = eigen.verificatiecode!;
    const v = Verificatie.parse((await w.call('anonymous', 'GET', `/api/verificatie/${code}`, undefined, 200)).body);
    expect(v).toEqual({ verificatiecode: code, keuzedeel: { code: 'K0072', titel: expect.any(String) }, resultaat: 'behaald', datum: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), examencommissie: 'Demo ROC', initialen: 'L. v.d. B.' });
    expect(Object.keys(v).sort()).toEqual(['datum', 'examencommissie', 'initialen', 'keuzedeel', 'resultaat', 'verificatiecode']);
    const body = JSON.stringify(v);
    for (const secret of ['Lotte', 'Berg', 'Demo Vmbo College', '7,4', '7.4', eigen.leerlingId, eigen.beoordelingId]) expect(body).not.toContain(secret);
    const slordig = encodeURIComponent(` ${code.toLowerCase().replace(/-/g, ' ')} `);
    expect((await w.call('anonymous', 'GET', `/api/verificatie/${slordig}`, undefined, 200)).body).toEqual(v);
    expect((await w.call('anonymous', 'GET', `/api/verificatie/${code.replace(/-/g, '')}`, undefined, 200)).body).toEqual(v);
  });

  it('answers 404 that reveals nothing for an unknown or malformed code', async () => {
    const unknown = await w.call('anonymous', 'GET', '/api/verificatie/AAAA-BBBB-CCCC', undefined, 404);
    const malformed = await w.call('anonymous', 'GET', '/api/verificatie/hallo', undefined, 404);
    expect(unknown.body.detail).toBe(malformed.body.detail);
    expect(JSON.stringify(unknown.body)).not.toMatch(/K0072|Demo ROC|Lotte/);
  });

  it('limits guessing per client address: 429 with Retry-After, other addresses go on', async () => {
    const ask = (code: string, ip: string) => w.app.inject({ method: 'GET', url: `/api/verificatie/${code}`, remoteAddress: ip });
    for (let i = 0; i < 20; i++) expect((await ask(`ZZZZ-ZZZZ-${String(i).padStart(4, '2')}`, '10.1.2.3')).statusCode).toBe(404);
    const blocked = await ask('ZZZZ-ZZZZ-ZZZZ', '10.1.2.3');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Even a genuine code is refused from that address for now; another address checks it.
    expect((await ask(eigen.verificatiecode!, '10.1.2.3')).statusCode).toBe(429);
    expect((await ask(eigen.verificatiecode!, '10.9.9.9')).statusCode).toBe(200);
  });

  it('lets only the pupil request a vrijstelling, only on a passed vastgesteld result, one open request per instelling', async () => {
    const instellingen = (await w.call('leerling', 'GET', '/api/mijn/mbo-instellingen', undefined, 200)).body.instellingen as Array<{ id: string; naam: string }>;
    expect(instellingen.map((i) => i.id)).toContain(w.org.mbo);
    expect(instellingen.map((i) => i.id)).not.toContain(w.org.vmbo);
    const verzoek = { beoordelingId: eigen.beoordelingId, organisatieId: w.org.mbo, opleiding: 'Monteur mechatronica', crebo: '25282', toelichting: 'Ik begin in september.' };
    // Staff cannot send it for the pupil; another pupil cannot send it on this result.
    for (const actor of ['vmbo-examinator', 'mbo-examencommissie', 'vmbo-beheerder', 'andere-leerling', 'foreign'] as const) await w.call(actor, 'POST', '/api/mijn/vrijstellingen', verzoek, 404);
    await w.call('anonymous', 'POST', '/api/mijn/vrijstellingen', verzoek, 401);
    // Not passed, not vastgesteld, not an mbo instelling, bad crebo.
    await w.call('leerling', 'POST', '/api/mijn/vrijstellingen', { ...verzoek, beoordelingId: nietBehaald.beoordelingId }, 400);
    await w.call('leerling', 'POST', '/api/mijn/vrijstellingen', { ...verzoek, beoordelingId: open.beoordelingId }, 404);
    await w.call('leerling', 'POST', '/api/mijn/vrijstellingen', { ...verzoek, organisatieId: w.org.vmbo }, 400);
    await w.call('leerling', 'POST', '/api/mijn/vrijstellingen', { ...verzoek, crebo: '123' }, 400);
    expect(await w.t.database.db.selectFrom('vrijstelling_verzoek').select('id').execute()).toEqual([]);

    const made = await w.call('leerling', 'POST', '/api/mijn/vrijstellingen', verzoek, 201);
    expect(made.body).toMatchObject({ status: 'ingediend', versie: 1, instelling: { id: w.org.mbo, naam: 'Demo ROC' }, opleiding: 'Monteur mechatronica', crebo: '25282' });
    verzoekId = made.body.id;
    const dubbel = await w.call('leerling', 'POST', '/api/mijn/vrijstellingen', verzoek, 409);
    expect(dubbel.body.detail).toContain('Demo ROC');
    const audit = await w.t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'vrijstelling.aangevraagd').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_user_id: w.userId.leerling, organisation_id: w.org.mbo, subject_id: verzoekId });
    const mijn = MijnVrijstellingen.parse((await w.call('leerling', 'GET', '/api/mijn/vrijstellingen', undefined, 200)).body);
    expect(mijn.verzoeken).toHaveLength(1);
    expect(mijn.verzoeken[0]).toMatchObject({ id: verzoekId, status: 'ingediend', keuzedeel: { code: 'K0072' } });
    expect(MijnVrijstellingen.parse((await w.call('andere-leerling', 'GET', '/api/mijn/vrijstellingen', undefined, 200)).body).verzoeken).toEqual([]);
  });

  it('lets only the receiving examencommissie see and decide, with the verified result; reason required when afgewezen; stale or decided 409', async () => {
    const lijst = VrijstellingLijst.parse((await w.call('mbo-examencommissie', 'GET', `/api/organisaties/${w.org.mbo}/vrijstellingen`, undefined, 200)).body);
    expect(lijst.verzoeken.map((v) => v.id)).toEqual([verzoekId]);
    await w.call('mbo-examencommissie', 'GET', `/api/vrijstellingen/${verzoekId}`, undefined, 200);
    // Both reads show a pupil's name, school and grades: audited staff reads.
    const gelezen = await w.t.database.db.selectFrom('audit_log').select(['action', 'actor_user_id', 'organisation_id', 'subject_id']).where('action', 'in', ['vrijstelling.verzoeken_bekeken', 'vrijstelling.verzoek_bekeken']).orderBy('id').execute();
    expect(gelezen).toEqual([
      { action: 'vrijstelling.verzoeken_bekeken', actor_user_id: w.userId['mbo-examencommissie'], organisation_id: w.org.mbo, subject_id: w.org.mbo },
      { action: 'vrijstelling.verzoek_bekeken', actor_user_id: w.userId['mbo-examencommissie'], organisation_id: w.org.mbo, subject_id: verzoekId },
    ]);
    expect(lijst.verzoeken[0]!.resultaat).toMatchObject({ leerling: 'Lotte van der Berg', school: 'Demo Vmbo College', keuzedeelResultaat: 'behaald', grondslag: 'extraneus', verificatiecode: eigen.verificatiecode, examencommissie: 'Demo ROC' });
    for (const actor of ['mbo-beheerder', 'mbo-beoordelaar', 'mbo-ontwikkelaar'] as const) {
      await w.call(actor, 'GET', `/api/organisaties/${w.org.mbo}/vrijstellingen`, undefined, 403);
      await w.call(actor, 'POST', `/api/vrijstellingen/${verzoekId}/besluit`, { besluit: 'toegekend', versie: 1 }, 403);
    }
    for (const actor of ['vmbo-examencommissie', 'leerling', 'foreign'] as const) {
      await w.call(actor, 'GET', `/api/vrijstellingen/${verzoekId}`, undefined, 404);
      await w.call(actor, 'POST', `/api/vrijstellingen/${verzoekId}/besluit`, { besluit: 'toegekend', versie: 1 }, 404);
    }
    const reden = await w.call('mbo-examencommissie', 'POST', `/api/vrijstellingen/${verzoekId}/besluit`, { besluit: 'afgewezen', versie: 1 }, 400);
    expect(reden.body.errors[0].path).toMatch(/reden$/);
    await w.call('mbo-examencommissie', 'POST', `/api/vrijstellingen/${verzoekId}/besluit`, { besluit: 'toegekend', versie: 7 }, 409);
    const besluit = VrijstellingDetail.parse((await w.call('mbo-examencommissie', 'POST', `/api/vrijstellingen/${verzoekId}/besluit`, { besluit: 'toegekend', versie: 1 }, 200)).body);
    expect(besluit).toMatchObject({ status: 'toegekend', versie: 2, beslotenDoor: expect.any(String) });
    const tweede = await w.call('mbo-examencommissie', 'POST', `/api/vrijstellingen/${verzoekId}/besluit`, { besluit: 'afgewezen', reden: 'toch niet', versie: 2 }, 409);
    expect(tweede.body.detail).toContain('al besloten');
    const audit = await w.t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'vrijstelling.besloten').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_user_id: w.userId['mbo-examencommissie'], organisation_id: w.org.mbo, subject_id: verzoekId });
    const log = (await w.call('mbo-beheerder', 'GET', `/api/organisaties/${w.org.mbo}/auditlog`)).body;
    if (Array.isArray(log?.items ?? log)) expect(JSON.stringify(log)).toContain('vrijstelling');
  });

  it('shows the pupil the decision, mails it, and a new request at the same instelling is possible again', async () => {
    const mijn = MijnVrijstellingen.parse((await w.call('leerling', 'GET', '/api/mijn/vrijstellingen', undefined, 200)).body);
    expect(mijn.verzoeken[0]).toMatchObject({ id: verzoekId, status: 'toegekend', beslotenOp: expect.any(String) });
    const mails = await w.t.outbox();
    const mail = mails.find((m) => m.to === 'leerling@vmbo.demo' && m.subject.includes('vrijstelling'));
    expect(mail?.subject).toContain('toegekend');
    expect(mail?.text).toContain('Monteur mechatronica');
    // Decided: not open any more, so a new request is not a duplicate; it can be rejected with a reason.
    const nieuw = await w.call('leerling', 'POST', '/api/mijn/vrijstellingen', { beoordelingId: eigen.beoordelingId, organisatieId: w.org.mbo, opleiding: 'Technicus engineering' }, 201);
    const af = VrijstellingDetail.parse((await w.call('mbo-examencommissie', 'POST', `/api/vrijstellingen/${nieuw.body.id}/besluit`, { besluit: 'afgewezen', reden: 'Dit keuzedeel hoort niet bij deze opleiding.', versie: 1 }, 200)).body);
    expect(af).toMatchObject({ status: 'afgewezen', besluitReden: 'Dit keuzedeel hoort niet bij deze opleiding.' });
  });

  it('puts the pupil records, registrations, results and requests in the own-data download', async () => {
    const data = MijnGegevens.parse((await w.call('leerling', 'GET', '/api/account/gegevens', undefined, 200)).body);
    expect(data.leerling.leerlingen.map((l) => l.id).sort()).toEqual([eigen.leerlingId, nietBehaald.leerlingId, open.leerlingId].sort());
    expect(data.leerling.inschrijvingen).toHaveLength(3);
    expect(data.leerling.resultaten.find((r) => r.verificatiecode === eigen.verificatiecode)).toMatchObject({ keuzedeelCode: 'K0072', status: 'vastgesteld', keuzedeelResultaat: 'behaald', keuzevakCijfer: 7.4 });
    expect(data.leerling.resultaten.find((r) => r.status === 'open')).toBeDefined();
    expect(data.leerling.vrijstellingVerzoeken.map((v) => v.status).sort()).toEqual(['afgewezen', 'toegekend']);
    expect(JSON.stringify(data)).not.toContain('Anders');
    const staff = MijnGegevens.parse((await w.call('vmbo-examinator', 'GET', '/api/account/gegevens', undefined, 200)).body);
    expect(staff.leerling).toEqual({ leerlingen: [], inschrijvingen: [], resultaten: [], vrijstellingVerzoeken: [] });
  });

  it('works on a result that went through the real chain: assessed by both sides and vastgesteld by the examencommissie', async () => {
    const exam = await createAssessableExam(w, { pupils: 2, prefix: 'VZ' });
    await assessAll(w, exam.examenId);
    await vaststellen(w, exam.examenId);
    const mijn = MijnResultaten.parse((await w.call('leerling', 'GET', '/api/mijn/resultaten', undefined, 200)).body);
    const examen = mijn.examens.find((e) => e.examenId === exam.examenId);
    expect(examen?.resultaten).toHaveLength(1);
    const r = examen!.resultaten[0]!;
    expect(r).toMatchObject({ keuzedeelResultaat: 'behaald', kanVrijstellingAanvragen: true, verificatiecode: expect.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/) });
    const v = Verificatie.parse((await w.call('anonymous', 'GET', `/api/verificatie/${r.verificatiecode!.toLowerCase()}`, undefined, 200)).body);
    expect(v).toMatchObject({ keuzedeel: { code: 'K0072' }, resultaat: 'behaald', examencommissie: 'Demo ROC' });
    const pdf = await w.app.inject({ method: 'GET', url: `/api/mijn/resultaten/${r.beoordelingId}/resultaatverklaring.pdf`, headers: w.as('leerling') });
    expect((await readPdf(pdf.rawPayload)).text).toContain(r.verificatiecode!);
    await w.call('leerling', 'POST', '/api/mijn/vrijstellingen', { beoordelingId: r.beoordelingId, organisatieId: w.org.mbo, opleiding: 'Monteur mechatronica' }, 201);
    // The other pupil of that exam sees their own result, not this one.
    const anders = MijnResultaten.parse((await w.call('andere-leerling', 'GET', '/api/mijn/resultaten', undefined, 200)).body);
    expect(JSON.stringify(anders)).not.toContain(r.beoordelingId);
  });
});
