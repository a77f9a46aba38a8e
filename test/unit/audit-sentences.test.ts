/**
 * The audit log as Dutch sentences (src/domain/audit/sentences.ts): every action the code writes has its sentence,
 * names are used where known, a deleted account reads as "een verwijderd account", and no id or code is shown.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ZINNEN, auditZin, benodigdeNamen, historieZin, type AuditFeit, type AuditNamen } from '../../src/domain/audit/sentences.js';
import { KoppelingBeoordelen } from '../../src/shared/inventory-api.js';

const ROOT = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Every audit action written in src/server: the string literals in the `action:` of the files that append audit
 * entries (appendAudit or auditPartnership), leaving out authorization actions (`authorize…({ … action: … })`, `openRoute({ … action: … })`).
 * A template such as `crosswalk.${actie}` is expanded with the values the code can give it.
 */
function actionsInCode(): Map<string, string> {
  const found = new Map<string, string>();
  const crosswalk = readFileSync(join(ROOT, 'src/server/use-cases/inventory/review-crosswalk.ts'), 'utf8');
  const unlinkActions = [...crosswalk.matchAll(/const actie = [^?]+\?\s*'([a-z-]+)'\s*:\s*'([a-z-]+)'/g)].flatMap((m) => [m[1]!, m[2]!]);
  for (const file of sourceFiles(join(ROOT, 'src/server'))) {
    const text = readFileSync(file, 'utf8');
    if (!/\b(appendAudit|auditPartnership)\(/.test(text) || file.endsWith('audit-repository.ts')) continue;
    for (const line of text.split('\n')) {
      // Authorization actions (authorizePartnership, openRoute …) are not audit actions.
      if (/authoriz|open\w*\(\{/i.test(line)) continue;
      const m = /\baction:\s*([^,}]+)/.exec(line);
      if (!m) continue;
      const expr = m[1]!;
      for (const lit of expr.matchAll(/'([a-z_]+(?:\.[a-z_-]+)+)'/g)) found.set(lit[1]!, relative(ROOT, file));
      if (expr.includes('`crosswalk.${')) {
        for (const actie of [...KoppelingBeoordelen.shape.actie.options, ...unlinkActions]) found.set(`crosswalk.${actie}`, relative(ROOT, file));
      }
    }
  }
  return found;
}

const DAAN = '11111111-1111-4111-8111-111111111111';
const ANNE = '22222222-2222-4222-8222-222222222222';
const GONE = '33333333-3333-4333-8333-333333333333';
const ORG = '44444444-4444-4444-8444-444444444444';
const SAMEN = '55555555-5555-4555-8555-555555555555';
const ROUTE = '66666666-6666-4666-8666-666666666666';

const namen: AuditNamen = {
  personen: new Map([
    [DAAN, 'Daan Docent'],
    [ANNE, 'Anne Beheer'],
  ]),
  organisaties: new Map([[ORG, 'Demo vmbo']]),
  samenwerkingen: new Map([[SAMEN, 'Demo Techniek']]),
  leerroutes: new Map([[ROUTE, 'Route techniek']]),
};

const feit = (action: string, over: Partial<AuditFeit> = {}): AuditFeit => ({
  action,
  actorUserId: DAAN,
  organisationId: ORG,
  subjectType: 'user',
  subjectId: ANNE,
  details: {},
  ...over,
});

/** A realistic entry for each action, with the details the code writes. */
const EXAMPLES: Record<string, AuditFeit> = {
  'account.deleted': feit('account.deleted', { actorUserId: GONE, subjectId: GONE, details: { rollen: ['ontwikkelaar'] } }),
  'auth.login': feit('auth.login', { organisationId: null, subjectId: DAAN }),
  'auth.login_failed': feit('auth.login_failed', { actorUserId: null, organisationId: null, subjectId: DAAN }),
  'auth.password_reset': feit('auth.password_reset', { organisationId: null, subjectId: DAAN, details: { sessiesBeeindigd: 2 } }),
  'auth.password_reset_requested': feit('auth.password_reset_requested', { actorUserId: null, organisationId: null, subjectId: DAAN }),
  'catalog.import': feit('catalog.import', { organisationId: null, subjectType: 'source_release', subjectId: '7', details: { bron: 'sbb-tabel', bestand: 'kwalificaties.csv', release: '2026-1' } }),
  'crosswalk.bevestigen': feit('crosswalk.bevestigen', { subjectType: 'partnership', subjectId: SAMEN, details: { eindterm: 'BWI/K/1', werkproces: '25282:B1-K1-W1', relatie: 'gelijk' } }),
  'crosswalk.afwijzen': feit('crosswalk.afwijzen', { subjectType: 'partnership', subjectId: SAMEN, details: { eindterm: 'BWI/K/1', werkproces: '25282:B1-K1-W1', relatie: null } }),
  'zoekmonitor.stem': feit('zoekmonitor.stem', { subjectType: 'keuzevak', subjectId: 'K/PIE/16', details: { vraag: 'K/PIE/16', resultaatSoort: 'kwalificatie', resultaat: '23427', waarde: -1 } }),
  'zoekmonitor.stem.ingetrokken': feit('zoekmonitor.stem.ingetrokken', { subjectType: 'keuzevak', subjectId: 'K/PIE/16', details: { vraag: 'K/PIE/16', resultaatSoort: 'keuzedeel', resultaat: 'K0072' } }),
  'crosswalk.toevoegen': feit('crosswalk.toevoegen', { subjectType: 'partnership', subjectId: SAMEN, details: { eindterm: 'BWI/K/1', werkproces: 'keuzedeel:K0123', relatie: 'deels' } }),
  'inventaris.selectie.opgeslagen': feit('inventaris.selectie.opgeslagen', { subjectType: 'partnership', subjectId: SAMEN, details: { selectie: ROUTE } }),
  'inventaris.selectie.hernoemd': feit('inventaris.selectie.hernoemd', { subjectType: 'partnership', subjectId: SAMEN, details: { selectie: ROUTE, versie: 2 } }),
  'inventaris.selectie.gewijzigd': feit('inventaris.selectie.gewijzigd', { subjectType: 'partnership', subjectId: SAMEN, details: { selectie: ROUTE, versie: 3 } }),
  'inventaris.selectie.verwijderd': feit('inventaris.selectie.verwijderd', { subjectType: 'partnership', subjectId: SAMEN, details: { selectie: ROUTE } }),
  'lob.activiteit.toegevoegd': feit('lob.activiteit.toegevoegd', { actorUserId: ANNE, subjectId: ANNE }),
  'lob.activiteit.gewijzigd': feit('lob.activiteit.gewijzigd', { actorUserId: ANNE, subjectId: ANNE }),
  'lob.activiteit.verwijderd': feit('lob.activiteit.verwijderd', { actorUserId: ANNE, subjectId: ANNE }),
  'lob.oplegger.opgeslagen': feit('lob.oplegger.opgeslagen', { actorUserId: ANNE, subjectId: ANNE }),
  'lob.deellink.gemaakt': feit('lob.deellink.gemaakt', { actorUserId: ANNE, subjectId: ANNE, details: { ontvanger: 'Intake ROC', verlooptOp: '2027-03-31' } }),
  'lob.deellink.ingetrokken': feit('lob.deellink.ingetrokken', { actorUserId: ANNE, subjectId: ANNE, details: { ontvanger: 'Intake ROC' } }),
  'lob.deellink.geopend': feit('lob.deellink.geopend', { actorUserId: null, subjectId: ANNE, details: { ontvanger: 'Intake ROC' } }),
  'lob.dossier.gedownload': feit('lob.dossier.gedownload', { actorUserId: ANNE, subjectId: ANNE, details: { formaat: 'pdf' } }),
  'lob.dossier.gelezen': feit('lob.dossier.gelezen', { subjectId: ANNE }),
  'lob.leerlingen.bekeken': feit('lob.leerlingen.bekeken', { subjectType: 'organisation', subjectId: ORG, details: { aantal: 12 } }),
  'lob.onderdeel.toegevoegd': feit('lob.onderdeel.toegevoegd', { subjectType: 'lob_onderdeel', subjectId: ROUTE, details: { titel: 'Beroepenmarkt', leerjaar: 3 } }),
  'lob.onderdeel.gewijzigd': feit('lob.onderdeel.gewijzigd', { subjectType: 'lob_onderdeel', subjectId: ROUTE, details: { titel: 'Beroepenmarkt', leerjaar: 3, vervallen: false } }),
  'lob.onderdeel.afgerond': feit('lob.onderdeel.afgerond', { subjectId: ANNE, details: { titel: 'Beroepenmarkt' } }),
  'lob.onderdeel.heropend': feit('lob.onderdeel.heropend', { subjectId: ANNE, details: { titel: 'Beroepenmarkt' } }),
  'lob.doorsturen.geweigerd': feit('lob.doorsturen.geweigerd', { subjectId: ANNE }),
  'keuze.gemaakt': feit('keuze.gemaakt', { actorUserId: ANNE, subjectType: 'menukaart_keuze', subjectId: ROUTE, details: { module: 'Robotica', schooljaar: '2026-2027', periode: 'P3' } }),
  'keuze.ingetrokken': feit('keuze.ingetrokken', { actorUserId: ANNE, subjectType: 'menukaart_keuze', subjectId: ROUTE, details: { module: 'Robotica' } }),
  'keuze.goedgekeurd': feit('keuze.goedgekeurd', { subjectId: ANNE, details: { module: 'Robotica', cohort: 'Techniek 2026-2027' } }),
  'keuze.teruggestuurd': feit('keuze.teruggestuurd', { subjectId: ANNE, details: { module: 'Robotica' } }),
  'keuze.leerlingen.bekeken': feit('keuze.leerlingen.bekeken', { subjectType: 'organisation', subjectId: ORG, details: { aantal: 4 } }),
  'keuze.instellingen.gewijzigd': feit('keuze.instellingen.gewijzigd', { subjectType: 'organisation', subjectId: ORG, details: { modulesPerPeriode: 2 } }),
  'toelatingseis.opgeslagen': feit('toelatingseis.opgeslagen', { subjectType: 'organisation', subjectId: ORG, details: { crebo: '25282' } }),
  'toelatingseis.verwijderd': feit('toelatingseis.verwijderd', { subjectType: 'organisation', subjectId: ORG, details: { crebo: '25282' } }),
  'regels.docentinzet.toegevoegd': feit('regels.docentinzet.toegevoegd', { subjectType: 'partnership', subjectId: SAMEN, details: { docentinzet: ROUTE, schooljaar: '2026-2027', bevoegdheid: 'gastdocent', uren: 40 } }),
  'regels.docentinzet.gewijzigd': feit('regels.docentinzet.gewijzigd', { subjectType: 'partnership', subjectId: SAMEN, details: { docentinzet: ROUTE, versie: 2, schooljaar: '2026-2027', bevoegdheid: 'tweedegraads', uren: 80 } }),
  'regels.docentinzet.verwijderd': feit('regels.docentinzet.verwijderd', { subjectType: 'partnership', subjectId: SAMEN, details: { docentinzet: ROUTE, schooljaar: '2026-2027' } }),
  'regels.markering.gezet': feit('regels.markering.gezet', { subjectType: 'leerroute', subjectId: ROUTE, details: { regel: 'gastdocent-160-uur', reden: 'geen gastdocenten in deze route', samenwerking: SAMEN } }),
  'regels.markering.verwijderd': feit('regels.markering.verwijderd', { subjectType: 'leerroute', subjectId: ROUTE, details: { regel: 'gastdocent-160-uur', vorigeReden: 'geen gastdocenten', samenwerking: SAMEN } }),
  'vrijstelling.aangevraagd': feit('vrijstelling.aangevraagd', { subjectType: 'vrijstelling_verzoek', subjectId: ROUTE, details: { keuzedeel: 'K0072', opleiding: 'Monteur mechatronica', crebo: '25282' } }),
  'vrijstelling.verzoeken_bekeken': feit('vrijstelling.verzoeken_bekeken', { subjectType: 'organisation', subjectId: ORG, details: { aantal: 3 } }),
  'vrijstelling.verzoek_bekeken': feit('vrijstelling.verzoek_bekeken', { subjectType: 'vrijstelling_verzoek', subjectId: ROUTE, details: { keuzedeel: 'K0072', opleiding: 'Monteur mechatronica' } }),
  'vrijstelling.besloten': feit('vrijstelling.besloten', { subjectType: 'vrijstelling_verzoek', subjectId: ROUTE, details: { besluit: 'afgewezen', keuzedeel: 'K0072', opleiding: 'Monteur mechatronica', reden: 'andere inhoud' } }),
  'menukaart.module_voorgesteld': feit('menukaart.module_voorgesteld', { subjectType: 'menukaart_module', subjectId: ROUTE, details: { titel: 'Lassen voor beginners', regio: 'Demo Regio Techniek', regioId: ORG } }),
  'menukaart.module_gewijzigd': feit('menukaart.module_gewijzigd', { subjectType: 'menukaart_module', subjectId: ROUTE, details: { titel: 'Lassen voor beginners', regio: 'Demo Regio Techniek', regioId: ORG, opnieuwVoorgesteld: true } }),
  'menukaart.module_gepubliceerd': feit('menukaart.module_gepubliceerd', { subjectType: 'menukaart_module', subjectId: ROUTE, details: { titel: 'Lassen voor beginners', regio: 'Demo Regio Techniek', aanbiederId: ORG } }),
  'menukaart.module_teruggestuurd': feit('menukaart.module_teruggestuurd', { subjectType: 'menukaart_module', subjectId: ROUTE, details: { titel: 'Lassen voor beginners', regio: 'Demo Regio Techniek', aanbiederId: ORG, reden: 'noem de veiligheidsinstructie' } }),
  'menukaart.module_ingetrokken': feit('menukaart.module_ingetrokken', { subjectType: 'menukaart_module', subjectId: ROUTE, details: { titel: 'Lassen voor beginners', regio: 'Demo Regio Techniek', aanbiederId: ORG } }),
  'menukaart.levenscyclus_gewijzigd': feit('menukaart.levenscyclus_gewijzigd', { subjectType: 'menukaart_module', subjectId: ROUTE, details: { titel: 'Lassen voor beginners', laatsteReview: '2026-03-01', herzieningDeadline: '2027-02-01' } }),
  'menukaart.voorstel_ingetrokken': feit('menukaart.voorstel_ingetrokken', { subjectType: 'menukaart_module', subjectId: ROUTE, details: { titel: 'Lassen voor beginners', regio: 'Demo Regio Techniek', aanbiederId: ORG } }),
  'menukaart.inschrijvingen_bekeken': feit('menukaart.inschrijvingen_bekeken', { subjectType: 'menukaart_module', subjectId: ROUTE, details: { titel: 'Lassen voor beginners', schooljaar: '2026-2027', aantal: 12 } }),
  'menukaart.inschrijvingen_geexporteerd': feit('menukaart.inschrijvingen_geexporteerd', { subjectType: 'menukaart_module', subjectId: ROUTE, details: { titel: 'Lassen voor beginners', schooljaar: null, aantal: 1, formaat: 'xlsx' } }),
  'menukaart.examens_vastgelegd': feit('menukaart.examens_vastgelegd', { subjectType: 'menukaart_module', subjectId: ROUTE, details: { titel: 'Lassen voor beginners', schooljaar: '2025-2026', school: 'Demo Vmbo College', aantal: 12 } }),
  'crosswalk.herstellen': feit('crosswalk.herstellen', { subjectType: 'partnership', subjectId: SAMEN, details: { eindterm: 'BWI/K/1', werkproces: '25282:B1-K1-W1', relatie: null } }),
  'crosswalk.niet-koppelen': feit('crosswalk.niet-koppelen', { subjectType: 'partnership', subjectId: SAMEN, details: { item: 'BWI/K/2' } }),
  'crosswalk.wel-koppelen': feit('crosswalk.wel-koppelen', { subjectType: 'partnership', subjectId: SAMEN, details: { item: 'BWI/K/2' } }),
  'crosswalk.importeren': feit('crosswalk.importeren', { subjectType: 'partnership', subjectId: SAMEN, details: { bron: 'case', bestand: 'crosswalk-a.json', voorstellen: 3, onbekend: 1 } }),
  'impact.verplaatst': feit('impact.verplaatst', { subjectType: 'partnership', subjectId: SAMEN, details: { aantal: 3, items: ['kwalificatie:25119'] } }),
  'impact.behouden': feit('impact.behouden', { subjectType: 'partnership', subjectId: SAMEN, details: { aantal: 1, items: ['keuzedeel:K0008'], reden: 'De nieuwe tekst past nog.' } }),
  'impact.verwijderd': feit('impact.verwijderd', { subjectType: 'partnership', subjectId: SAMEN, details: { aantal: 2, items: ['keuzedeel:K0008'] } }),
  'demo.account_retired': feit('demo.account_retired', { actorUserId: null, organisationId: null, subjectId: DAAN, details: { reden: 'openbaar demowachtwoord in een database met echte catalogusgegevens', platformBeheerderIngetrokken: true, sessiesBeeindigd: 1 } }),
  'demo.seeded': feit('demo.seeded', { actorUserId: null, organisationId: null, subjectType: 'system', subjectId: null }),
  'invitation.accepted': feit('invitation.accepted', { actorUserId: ANNE, subjectType: 'invitation', subjectId: GONE, details: { rol: 'ontwikkelaar', uitgenodigdDoor: DAAN } }),
  'invitation.sent': feit('invitation.sent', { subjectType: 'invitation', subjectId: GONE, details: { rol: 'beheerder', via: 'platformbeheer' } }),
  'leerroute.created': feit('leerroute.created', { subjectType: 'leerroute', subjectId: ROUTE, details: { samenwerking: SAMEN, type: 'doorlopend' } }),
  'leerroute.deleted': feit('leerroute.deleted', { subjectType: 'leerroute', subjectId: ROUTE, details: { samenwerking: SAMEN } }),
  'leerroute.updated': feit('leerroute.updated', { subjectType: 'leerroute', subjectId: ROUTE, details: { velden: ['naam', 'tijdpad'], type: 'Doorlopende leerroute' } }),
  'login.sso': feit('login.sso', { subjectId: DAAN }),
  'membership.added': feit('membership.added', { details: { rol: 'ontwikkelaar', via: 'uitnodiging' } }),
  'membership.beheerder_succeeded': feit('membership.beheerder_succeeded', { actorUserId: GONE, details: { rol: 'beheerder', reden: 'account-verwijderd', vorigeBeheerder: GONE } }),
  'membership.left': feit('membership.left', { subjectId: DAAN, details: { rollen: ['ontwikkelaar', 'decaan'] } }),
  'membership.removed': feit('membership.removed', { details: { rollen: ['ontwikkelaar'] } }),
  'membership.role_removed': feit('membership.role_removed', { details: { rol: 'decaan' } }),
  'organisation.created': feit('organisation.created', { actorUserId: null, subjectType: 'organisation', subjectId: ORG, details: { via: 'cli' } }),
  'organisation.updated': feit('organisation.updated', { subjectType: 'organisation', subjectId: ORG, details: { naam: { van: 'Oud', naar: 'Demo vmbo' } } }),
  'organisation.without_beheerder': feit('organisation.without_beheerder', { actorUserId: DAAN, subjectType: 'organisation', subjectId: ORG, details: { reden: 'lid-vertrokken', vorigeBeheerder: DAAN } }),
  'partnership.created': feit('partnership.created', { subjectType: 'partnership', subjectId: SAMEN, details: { naam: 'Demo Techniek' } }),
  'partnership.partner_accepted': feit('partnership.partner_accepted', { subjectType: 'partnership', subjectId: SAMEN, details: { naam: 'Demo Techniek', organisatie: 'Demo mbo' } }),
  'partnership.partner_declined': feit('partnership.partner_declined', { subjectType: 'partnership', subjectId: SAMEN, details: { naam: 'Demo Techniek', organisatie: 'Demo mbo' } }),
  'partnership.partner_left': feit('partnership.partner_left', { subjectType: 'partnership', subjectId: SAMEN, details: { naam: 'Demo Techniek', organisatie: 'Demo mbo', voorstellenIngetrokken: 1 } }),
  'partnership.partner_proposed': feit('partnership.partner_proposed', { subjectType: 'partnership', subjectId: SAMEN, details: { naam: 'Demo Techniek', organisatie: 'Demo mbo', voorgesteldDoor: 'Demo vmbo' } }),
  'partnership.renamed': feit('partnership.renamed', { subjectType: 'partnership', subjectId: SAMEN, details: { van: 'Oud', naar: 'Demo Techniek' } }),
  'platform.beheerder_granted': feit('platform.beheerder_granted', { actorUserId: null, organisationId: null, details: { via: 'cli' } }),
  'regio.school_toegevoegd': feit('regio.school_toegevoegd', { subjectType: 'organisation', subjectId: ORG, details: { school: 'Demo vmbo', regio: 'Demo Regio Techniek' } }),
  'regio.school_verwijderd': feit('regio.school_verwijderd', { subjectType: 'organisation', subjectId: ORG, details: { school: 'Demo vmbo', regio: 'Demo Regio Techniek', voorstellenIngetrokken: 2 } }),
  'regio.verlaten': feit('regio.verlaten', { subjectType: 'organisation', subjectId: ORG, details: { school: 'Demo vmbo', regio: 'Demo Regio Techniek', voorstellenIngetrokken: 0 } }),
  'sso.configured': feit('sso.configured', { subjectType: 'organisation', subjectId: ORG, details: { issuer: 'https://login.example.nl', clientId: 'x', enabled: true, clientSecretGewijzigd: false } }),
  'beoordeling.lijst_bekeken': feit('beoordeling.lijst_bekeken', { subjectType: 'examen', subjectId: GONE, details: { examen: GONE, keuzedeel: 'K0072', aantal: 24 } }),
  'beoordeling.bekeken': feit('beoordeling.bekeken', { subjectType: 'beoordeling', subjectId: GONE, details: { examen: GONE, keuzedeel: 'K0072', poging: 2 } }),
  'beoordeling.opgeslagen': feit('beoordeling.opgeslagen', { subjectType: 'beoordeling', subjectId: GONE, details: { examen: GONE, keuzedeel: 'K0072', kant: 'tweede', wijzigingen: 3 } }),
  'beoordeling.herkansing': feit('beoordeling.herkansing', { subjectType: 'beoordeling', subjectId: GONE, details: { examen: GONE, keuzedeel: 'K0072', poging: 2 } }),
  'beoordeling.resultaten_vastgesteld': feit('beoordeling.resultaten_vastgesteld', { subjectType: 'examen', subjectId: GONE, details: { examen: GONE, keuzedeel: 'K0072', aantal: 24 } }),
  'beoordeling.gecorrigeerd': feit('beoordeling.gecorrigeerd', { subjectType: 'beoordeling', subjectId: GONE, details: { examen: GONE, keuzedeel: 'K0072', reden: 'Rekenfout hersteld', wijzigingen: 1 } }),
  'beoordeling.geexporteerd': feit('beoordeling.geexporteerd', { subjectType: 'examen', subjectId: GONE, details: { examen: GONE, keuzedeel: 'K0072', soort: 'se-cijfers', aantal: 24 } }),
  'user.created': feit('user.created', { actorUserId: null, details: { via: 'cli' } }),
  'vestiging.added': feit('vestiging.added', { subjectType: 'vestiging', subjectId: GONE, details: { naam: 'Locatie Noord', brinVestiging: '12AB01' } }),
  'vestiging.removed': feit('vestiging.removed', { subjectType: 'vestiging', subjectId: GONE, details: { naam: 'Locatie Noord', brinVestiging: null } }),
  'examen.aangemaakt': feit('examen.aangemaakt', { subjectType: 'examen', subjectId: GONE, details: { leerrouteId: ROUTE, keuzedeel: 'K0072', keuzevak: 'K/PIE/16', grondslag: 'extraneus', cohort: '3 BB 2026' } }),
  'examenplan.opgeslagen': feit('examenplan.opgeslagen', { subjectType: 'examen', subjectId: GONE, details: { versienummer: 1, keuzedeel: 'K0072', gedekt: 8, totaal: 10 } }),
  'examenplan.ingediend': feit('examenplan.ingediend', { subjectType: 'examen', subjectId: GONE, details: { versienummer: 1, keuzedeel: 'K0072', gaten: 0 } }),
  'examenplan.dekking-geaccepteerd': feit('examenplan.dekking-geaccepteerd', { subjectType: 'examen', subjectId: GONE, details: { versienummer: 1, keuzedeel: 'K0072', reden: 'Apart getoetst in het PTA', gaten: ['K/PIE/16.1'] } }),
  'examenplan.teruggestuurd': feit('examenplan.teruggestuurd', { subjectType: 'examen', subjectId: GONE, details: { versienummer: 1, keuzedeel: 'K0072', reden: 'Cesuur te laag' } }),
  'examenplan.vastgesteld': feit('examenplan.vastgesteld', { subjectType: 'examen', subjectId: GONE, details: { versienummer: 1, keuzedeel: 'K0072', naam: 'Eva Examencommissie' } }),
  'examenplan.nieuwe-versie': feit('examenplan.nieuwe-versie', { subjectType: 'examen', subjectId: GONE, details: { versienummer: 2, keuzedeel: 'K0072', van: 1 } }),
  'examen.inschrijvingen-bekeken': feit('examen.inschrijvingen-bekeken', { subjectType: 'examen', subjectId: GONE, details: { keuzedeel: 'K0072', aantal: 24 } }),
  'examen.inschrijvingen-geexporteerd': feit('examen.inschrijvingen-geexporteerd', { subjectType: 'examen', subjectId: GONE, details: { keuzedeel: 'K0072', aantal: 24, formaat: 'xlsx' } }),
  'examen.leerlingen-aangemeld': feit('examen.leerlingen-aangemeld', { subjectType: 'examen', subjectId: GONE, details: { keuzedeel: 'K0072', aantal: 24 } }),
  'examen.leerlingen-ingeschreven': feit('examen.leerlingen-ingeschreven', { subjectType: 'examen', subjectId: GONE, details: { keuzedeel: 'K0072', aantal: 20 } }),
  'cohort.aangemaakt': feit('cohort.aangemaakt', { subjectType: 'cohort', subjectId: GONE, details: { cohort: '3 BB 2026', schooljaar: '2026-2027', leerjaar: 3, leerroute: ROUTE } }),
  'cohort.gewijzigd': feit('cohort.gewijzigd', { subjectType: 'cohort', subjectId: GONE, details: { cohort: '3 BB 2026', velden: ['einddatum', 'bewaartermijnMaanden'] } }),
  'cohort.opgeschoond': feit('cohort.opgeschoond', { actorUserId: null, subjectType: 'cohort', subjectId: GONE, details: { cohort: '3 BB 2026', leerlingen: 24, inschrijvingen: 24, beoordelingen: 24, behaald: 20, peildatum: '2029-08-01', via: 'taak' } }),
  'leerling.account_gekoppeld': feit('leerling.account_gekoppeld', { subjectType: 'cohort', subjectId: GONE, details: { cohort: '3 BB 2026', leerling: GONE } }),
  'leerling.gewijzigd': feit('leerling.gewijzigd', { subjectType: 'cohort', subjectId: GONE, details: { cohort: '3 BB 2026', leerling: GONE, velden: ['klas'] } }),
  'leerling.toegevoegd': feit('leerling.toegevoegd', { subjectType: 'cohort', subjectId: GONE, details: { cohort: '3 BB 2026', leerling: GONE } }),
  'leerling.uitgenodigd': feit('leerling.uitgenodigd', { subjectType: 'cohort', subjectId: GONE, details: { cohort: '3 BB 2026', leerling: GONE } }),
  'leerling.verwijderd': feit('leerling.verwijderd', { subjectType: 'cohort', subjectId: GONE, details: { cohort: '3 BB 2026', leerling: GONE } }),
  'leerlingen.bekeken': feit('leerlingen.bekeken', { subjectType: 'cohort', subjectId: GONE, details: { cohort: '3 BB 2026', aantal: 24 } }),
  'leerlingen.geexporteerd': feit('leerlingen.geexporteerd', { subjectType: 'cohort', subjectId: GONE, details: { cohort: '3 BB 2026', aantal: 24 } }),
  'leerlingen.geimporteerd': feit('leerlingen.geimporteerd', { subjectType: 'cohort', subjectId: GONE, details: { cohort: '3 BB 2026', bestand: 'magister.csv', toegevoegd: 20, gewijzigd: 4, ongewijzigd: 0, nietGelezen: ['BSN'] } }),
  'vestiging.updated': feit('vestiging.updated', { subjectType: 'vestiging', subjectId: GONE, details: { van: { naam: 'Noord', brinVestiging: null }, naar: { naam: 'Locatie Noord', brinVestiging: null } } }),
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;

describe('audit sentences', () => {
  const inCode = actionsInCode();

  it('finds the actions the code writes (the scan works)', () => {
    expect(inCode.size).toBeGreaterThan(25);
    for (const a of ['membership.added', 'crosswalk.bevestigen', 'crosswalk.niet-koppelen', 'partnership.partner_accepted', 'leerroute.created']) expect(inCode.has(a), a).toBe(true);
    expect(inCode.has('partnership.read')).toBe(false);
  });

  it('has a sentence and an example for every action the code writes', () => {
    const missing = [...inCode].filter(([a]) => !(a in AUDIT_ZINNEN)).map(([a, file]) => `${a} (${file})`);
    expect(missing, 'actions without a sentence in src/domain/audit/sentences.ts').toEqual([]);
    const noExample = [...inCode.keys()].filter((a) => !(a in EXAMPLES));
    expect(noExample, 'actions without an example in this test').toEqual([]);
  });

  it.each(Object.entries(EXAMPLES))('%s reads as a Dutch sentence without ids', (action, f) => {
    expect(action in AUDIT_ZINNEN).toBe(true);
    const zin = auditZin(f, namen);
    expect(zin).toMatch(/^[A-Z‘].*\.$/u);
    expect(zin).not.toMatch(UUID);
    expect(zin).not.toContain(action);
    expect(zin).not.toMatch(/undefined|null|\[object/);
    expect(zin).not.toMatch(/ {2}| \./);
  });

  it('names people, the samenwerking and the leerroute', () => {
    expect(auditZin(EXAMPLES['crosswalk.bevestigen']!, namen)).toBe(
      'Daan Docent bevestigde de koppeling van eindterm BWI/K/1 met werkproces B1-K1-W1 (crebo 25282) (relatie: gelijk) in samenwerking ‘Demo Techniek’.',
    );
    expect(auditZin(EXAMPLES['crosswalk.afwijzen']!, namen)).toBe(
      'Daan Docent wees de koppeling van eindterm BWI/K/1 met werkproces B1-K1-W1 (crebo 25282) af in samenwerking ‘Demo Techniek’.',
    );
    expect(auditZin(EXAMPLES['membership.added']!, namen)).toBe('Anne Beheer kreeg de rol ontwikkelaar na een uitnodiging.');
    expect(auditZin(EXAMPLES['invitation.accepted']!, namen)).toBe('Anne Beheer nam de uitnodiging van Daan Docent aan als ontwikkelaar.');
    expect(auditZin(EXAMPLES['leerroute.created']!, namen)).toBe(
      'Daan Docent maakte leerroute ‘Route techniek’ (Doorlopende leerroute) aan in samenwerking ‘Demo Techniek’.',
    );
    expect(auditZin(EXAMPLES['organisation.updated']!, namen)).toBe('Daan Docent wijzigde de naam van Oud naar Demo vmbo.');
  });

  it('reads a deleted account as "een verwijderd account", a missing samenwerking as deleted', () => {
    expect(auditZin(EXAMPLES['membership.beheerder_succeeded']!, namen)).toBe(
      'Anne Beheer werd beheerder, omdat de laatste beheerder (een verwijderd account) het account verwijderde.',
    );
    expect(auditZin({ ...EXAMPLES['membership.role_removed']!, actorUserId: GONE }, namen)).toBe('Een verwijderd account nam Anne Beheer de rol decaan af.');
    expect(auditZin({ ...EXAMPLES['crosswalk.niet-koppelen']!, subjectId: GONE }, namen)).toBe('Daan Docent markeerde BWI/K/2 als bewust niet gekoppeld in een verwijderde samenwerking.');
  });

  it('names the group of a linked pupil account when the entry has it, and never prints a placeholder', () => {
    const zonder = auditZin(feit('leerling.account_gekoppeld', { subjectType: 'cohort', subjectId: GONE, details: { leerling: GONE } }), namen);
    expect(zonder).toMatch(/koppelde het eigen account aan de leerling in een groep\.$/);
    expect(zonder).not.toContain('?');
  });

  it('an unknown action still gives a sentence (the scan above is what fails)', () => {
    expect(auditZin(feit('iets.nieuws'), namen)).toBe('Daan Docent: iets.nieuws.');
  });

  it('tells a line of a leerroute\'s history with the name and the school, or "een verwijderd account"', () => {
    expect(historieZin({ gebruiker: 'Daan Docent', organisatie: 'Demo Vmbo College', omschrijving: 'Plande K/PIE/16 in leerjaar 3, periode 1.' })).toBe(
      'Daan Docent (Demo Vmbo College) plande K/PIE/16 in leerjaar 3, periode 1.',
    );
    expect(historieZin({ gebruiker: null, organisatie: null, omschrijving: 'Verwijderde de leerroute ‘X’' })).toBe('Een verwijderd account verwijderde de leerroute ‘X’.');
  });

  it('asks for the names it needs', () => {
    const nodig = benodigdeNamen(Object.values(EXAMPLES));
    expect([...nodig.personen].sort()).toEqual([DAAN, ANNE, GONE].sort());
    expect([...nodig.samenwerkingen]).toEqual([SAMEN]);
    expect([...nodig.leerroutes]).toEqual([ROUTE]);
    expect([...nodig.organisaties]).toEqual([ORG]);
  });
});
