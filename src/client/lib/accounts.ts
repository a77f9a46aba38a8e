/** Dutch labels for roles, organisation kinds and audit actions. */
import type { z } from 'zod';
import { Rol } from '../../shared/auth-api.js';
import type { OrganisatieSoort } from '../../shared/auth-api.js';

type Role = z.infer<typeof Rol>;
type OrganisationKind = z.infer<typeof OrganisatieSoort>;

export const ROL_LABELS: Record<Role, string> = {
  beheerder: 'beheerder',
  ontwikkelaar: 'ontwikkelaar/docent',
  examinator: 'examinator',
  beoordelaar: 'beoordelaar (mbo)',
  examencommissie: 'examencommissie',
  decaan: 'decaan/LOB',
  leerling: 'leerling/student',
};

export const ROL_OPTIONS = Rol.options.map((rol) => ({ value: rol, label: ROL_LABELS[rol] }));

export function rolLabel(rol: string): string {
  return (ROL_LABELS as Record<string, string>)[rol] ?? rol;
}

export function rollenLabel(rollen: readonly string[]): string {
  return rollen.map(rolLabel).join(', ');
}

export const SOORT_LABELS: Record<OrganisationKind, string> = {
  'vmbo-school': 'vmbo-school',
  'mbo-instelling': 'mbo-instelling',
  regio: 'regio/samenwerkingsverband',
};

const AUDIT_ACTIONS: Record<string, string> = {
  'membership.added': 'Lid toegevoegd',
  'examen.aangemaakt': 'Gezamenlijk examen aangemaakt',
  'examenplan.opgeslagen': 'Examenplan gewijzigd',
  'examenplan.ingediend': 'Examenplan ingediend',
  'examenplan.dekking-geaccepteerd': 'Open dekking van examenplan geaccepteerd',
  'examenplan.teruggestuurd': 'Examenplan teruggestuurd',
  'examenplan.vastgesteld': 'Examenplan vastgesteld',
  'examenplan.nieuwe-versie': 'Nieuwe versie van examenplan',
  'examen.inschrijvingen-bekeken': 'Inschrijvingslijst bekeken',
  'examen.inschrijvingen-geexporteerd': 'Inschrijvingslijst gedownload',
  'examen.leerlingen-aangemeld': 'Leerlingen aangemeld voor examen',
  'examen.leerlingen-ingeschreven': 'Leerlingen ingeschreven voor examen',
  'membership.removed': 'Lid verwijderd',
  'membership.left': 'Organisatie verlaten',
  'membership.beheerder_succeeded': 'Beheerder geworden (de laatste beheerder ging weg)',
  'organisation.without_beheerder': 'Geen beheerder meer (niemand om het over te nemen)',
  'auth.login': 'Ingelogd',
  'auth.login_failed': 'Mislukte inlogpoging',
  'auth.logout': 'Uitgelogd',
  'auth.password_reset': 'Wachtwoord hersteld',
  'auth.password_reset_requested': 'Nieuw wachtwoord aangevraagd',
  'invitation.sent': 'Uitnodiging verstuurd',
  'invitation.accepted': 'Uitnodiging aangenomen',
  'user.created': 'Account aangemaakt',
  'account.deleted': 'Account verwijderd',
  'sso.configured': 'Inloggen via de school ingesteld',
  'login.sso': 'Ingelogd via de school',
  'catalog.import': 'Catalogustabel geïmporteerd',
  'beoordeling.lijst_bekeken': 'Beoordelingsformulieren bekeken',
  'beoordeling.bekeken': 'Beoordelingsformulier bekeken',
  'beoordeling.opgeslagen': 'Beoordeling opgeslagen',
  'beoordeling.herkansing': 'Herkansing klaargezet',
  'beoordeling.resultaten_vastgesteld': 'Examenresultaten vastgesteld',
  'beoordeling.gecorrigeerd': 'Vastgesteld resultaat gecorrigeerd',
  'beoordeling.geexporteerd': 'Examenresultaten geëxporteerd',
  'lob.activiteit.toegevoegd': 'LOB-activiteit toegevoegd',
  'lob.activiteit.gewijzigd': 'LOB-activiteit gewijzigd',
  'lob.activiteit.verwijderd': 'LOB-activiteit verwijderd',
  'lob.oplegger.opgeslagen': 'Oplegger bijgewerkt',
  'lob.deellink.gemaakt': 'Loopbaandossier gedeeld (link)',
  'lob.deellink.ingetrokken': 'Deellink ingetrokken',
  'lob.deellink.geopend': 'Deellink geopend',
  'lob.dossier.gedownload': 'Loopbaandossier gedownload',
  'lob.dossier.gelezen': 'Loopbaandossier gelezen',
  'keuze.gemaakt': 'Module gekozen',
  'keuze.ingetrokken': 'Modulekeuze ingetrokken',
  'keuze.goedgekeurd': 'Modulekeuze goedgekeurd',
  'keuze.teruggestuurd': 'Modulekeuze teruggestuurd',
  'keuze.leerlingen.bekeken': 'Modulekeuzes van leerlingen bekeken',
  'keuze.instellingen.gewijzigd': 'Instellingen voor kiezen gewijzigd',
  'toelatingseis.opgeslagen': 'Toelatingseisen vastgelegd',
  'toelatingseis.verwijderd': 'Toelatingseisen verwijderd',
  'lob.leerlingen.bekeken': 'LOB-stand van leerlingen bekeken',
  'lob.onderdeel.toegevoegd': 'LOB-onderdeel toegevoegd',
  'lob.onderdeel.gewijzigd': 'LOB-onderdeel gewijzigd',
  'lob.onderdeel.afgerond': 'LOB-onderdeel afgerond',
  'lob.onderdeel.heropend': 'LOB-onderdeel niet meer afgerond',
  'lob.doorsturen.geweigerd': 'Doorsturen van een loopbaandossier geweigerd',
  'vrijstelling.aangevraagd': 'Vrijstelling aangevraagd',
  'vrijstelling.besloten': 'Besluit over vrijstelling',
  'vrijstelling.verzoeken_bekeken': 'Vrijstellingsverzoeken bekeken',
  'vrijstelling.verzoek_bekeken': 'Vrijstellingsverzoek bekeken',
  'menukaart.module_voorgesteld': 'Module voorgesteld voor de menukaart',
  'menukaart.module_gewijzigd': 'Module van de menukaart gewijzigd',
  'menukaart.module_gepubliceerd': 'Module gepubliceerd op de menukaart',
  'menukaart.module_teruggestuurd': 'Module teruggestuurd naar de school',
  'menukaart.voorstel_ingetrokken': 'Modulevoorstel ingetrokken',
  'menukaart.inschrijvingen_bekeken': 'Inschrijvingslijst van een module bekeken',
  'menukaart.inschrijvingen_geexporteerd': 'Inschrijvingslijst van een module gedownload',
  'menukaart.module_ingetrokken': 'Module van de menukaart gehaald',
  'menukaart.levenscyclus_gewijzigd': 'Review of herziening van een module vastgelegd',
  'menukaart.examens_vastgelegd': 'Examens in een module vastgelegd',
  // Pupils and groups (issue 14).
  'cohort.aangemaakt': 'Groep leerlingen aangemaakt',
  'cohort.gewijzigd': 'Groep leerlingen gewijzigd',
  'cohort.opgeschoond': 'Groep leerlingen opgeschoond (bewaartermijn verstreken)',
  'leerling.toegevoegd': 'Leerling toegevoegd',
  'leerling.gewijzigd': 'Leerling gewijzigd',
  'leerling.verwijderd': 'Leerling verwijderd',
  'leerling.uitgenodigd': 'Leerling uitgenodigd voor een account',
  'leerling.account_gekoppeld': 'Account van leerling gekoppeld',
  'leerlingen.bekeken': 'Leerlingen van een groep bekeken',
  'leerlingen.geexporteerd': 'Leerlingen van een groep gedownload',
  'leerlingen.geimporteerd': 'Leerlingen geïmporteerd',
  // Leerroutes, crosswalks, rules and the zoekmonitor.
  'leerroute.created': 'Leerroute aangemaakt',
  'leerroute.aangemaakt': 'Leerroute aangemaakt',
  'leerroute.updated': 'Leerroute gewijzigd',
  'leerroute.gewijzigd': 'Leerroute gewijzigd',
  'leerroute.deleted': 'Leerroute verwijderd',
  'leerroute.verwijderd': 'Leerroute verwijderd',
  'leerroute.landelijke-wijziging': 'Leerroute bijgewerkt na een landelijke wijziging',
  'planning.landelijke-wijziging': 'Planning bijgewerkt na een landelijke wijziging',
  'impact.verplaatst': 'Landelijke wijziging: overgezet naar de opvolger',
  'impact.behouden': 'Landelijke wijziging: bewust behouden',
  'impact.verwijderd': 'Landelijke wijziging: verwijderd',
  'crosswalk.bevestigen': 'Koppeling bevestigd',
  'crosswalk.afwijzen': 'Koppeling afgewezen',
  'crosswalk.toevoegen': 'Koppeling toegevoegd',
  'crosswalk.herstellen': 'Beoordeling van een koppeling teruggezet',
  'crosswalk.wel-koppelen': 'Onderdeel gemarkeerd als te koppelen',
  'crosswalk.niet-koppelen': 'Onderdeel gemarkeerd als bewust niet gekoppeld',
  'crosswalk.importeren': 'Koppelingen geïmporteerd',
  'inventaris.selectie.opgeslagen': 'Selectie van de overlapinventaris opgeslagen',
  'inventaris.selectie.gewijzigd': 'Selectie van de overlapinventaris gewijzigd',
  'inventaris.selectie.hernoemd': 'Selectie van de overlapinventaris hernoemd',
  'inventaris.selectie.verwijderd': 'Selectie van de overlapinventaris verwijderd',
  'regels.docentinzet.toegevoegd': 'Docentinzet toegevoegd',
  'regels.docentinzet.gewijzigd': 'Docentinzet gewijzigd',
  'regels.docentinzet.verwijderd': 'Docentinzet verwijderd',
  'regels.markering.gezet': 'Regel gemarkeerd als niet van toepassing',
  'regels.markering.verwijderd': 'Markering van een regel weggehaald',
  'zoekmonitor.stem': 'Zoekmonitor: resultaat beoordeeld',
  'zoekmonitor.stem.ingetrokken': 'Zoekmonitor: beoordeling ingetrokken',
  'platform.beheerder_granted': 'Platformbeheerder geworden',
  'demo.seeded': 'Demogegevens aangemaakt',
  'demo.account_retired': 'Demo-account uitgeschakeld',
};

export const hasAuditActionLabel = (action: string): boolean => Object.hasOwn(AUDIT_ACTIONS, action);

/** The Dutch label of an audit action; an action without one reads as words ("leerling.iets_nieuws" → "Leerling iets
 * nieuws"), never as a code. */
export function auditActionLabel(action: string): string {
  const label = AUDIT_ACTIONS[action];
  if (label) return label;
  const words = action.replace(/[._-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function organisationPath(id: string): string {
  return `/organisaties/${encodeURIComponent(id)}`;
}
