/**
 * The provider's enrolment list of a menukaart module (issue 15): the pupils with an approved choice, per schooljaar
 * and period, with the places used and left; as a page and as CSV or XLSX. Only the roles that need the names see it
 * (src/domain/menukaart/inschrijving.ts); every read and every export is in the audit log.
 */
import { decideInschrijvingen, inschrijvingCsv, plaatsenPerPeriode, sorteerInschrijvingen, type InschrijvingRij } from '../../../domain/menukaart/inschrijving.js';
import { schooljaarVan } from '../../../domain/menukaart/keuze.js';
import type { ModuleInschrijvingen } from '../../../shared/menukaart-api.js';
import type { UseCaseContext } from '../../access/context.js';
import { forbidden, notFound } from '../../errors.js';
import { moduleInschrijvingXlsx } from '../../exports/module-inschrijving-xlsx.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as keuzes from '../../repositories/keuze-repository.js';
import type { ExportFile } from '../inventory/export-inventory.js';
import { CONTENT_TYPES } from '../leerroute-export/export-leerroute.js';
import { MODULE_NOT_FOUND, openModule, type ModuleAccess } from './access.js';
import { vandaag } from './present.js';

export const ALLEEN_AANBIEDER = 'De inschrijvingslijst is voor de aanbieder van de module (beheerder, decaan, examinator of beoordelaar) en de beheerder van de regio.';

/** Opens the module as for reading, then the enrolment rule: 404 outside the region, 403 without a role that needs it. */
async function openInschrijvingen(opts: UseCaseContext & { moduleId: string }): Promise<ModuleAccess> {
  const a = await openModule({ ...opts, actie: 'lezen' });
  // As when reading the module: another school's proposal does not exist for a school until it is published.
  const regioStaf = a.auth.memberships.some((x) => x.organisationId === a.regio.id && x.rol !== 'leerling');
  if (!regioStaf && a.module.status !== 'gepubliceerd' && !a.auth.memberships.some((x) => x.organisationId === a.module.aanbiederId)) throw notFound(MODULE_NOT_FOUND);
  const d = decideInschrijvingen(a.auth.actor, a.scope, a.module);
  if (d === 'not_found') throw notFound(MODULE_NOT_FOUND);
  if (d === 'forbidden') throw forbidden(ALLEEN_AANBIEDER);
  return a;
}

const naamVan = (r: keuzes.InschrijvingRow) => (r.roepnaam && r.achternaam ? [r.roepnaam, r.tussenvoegsel, r.achternaam].filter(Boolean).join(' ') : r.accountNaam);

async function lijst(opts: UseCaseContext & { moduleId: string; schooljaar?: string; peildatum?: string }) {
  const a = await openInschrijvingen(opts);
  const m = a.module;
  const rows = await keuzes.goedgekeurdeInschrijvingen(opts.db, m.id, opts.schooljaar);
  const rijen: InschrijvingRij[] = sorteerInschrijvingen(
    rows.map((r) => ({ naam: naamVan(r), school: r.schoolNaam, leerweg: r.leerweg, leerjaar: r.cohortLeerjaar ?? m.leerjaar, schooljaar: r.schooljaar, periode: r.periode })),
  );
  const huidig = schooljaarVan(opts.peildatum ?? vandaag());
  const tellingen = await keuzes.keuzeTellingen(opts.db, m.id);
  const alle = plaatsenPerPeriode(m.capaciteit, m.periode, tellingen, [huidig]);
  const plaatsen = opts.schooljaar ? plaatsenPerPeriode(m.capaciteit, m.periode, tellingen.filter((t) => t.schooljaar === opts.schooljaar), [opts.schooljaar]) : alle;
  // The audit entry is written for the organisation the reader acts for: the provider, else the region.
  const namens = a.auth.memberships.some((x) => x.organisationId === m.aanbiederId && x.rol !== 'leerling') ? m.aanbiederId : a.regio.id;
  return { a, rijen, plaatsen, schooljaren: [...new Set(alle.map((p) => p.schooljaar))].sort(), namens };
}

export async function getInschrijvingen(opts: UseCaseContext & { moduleId: string; schooljaar?: string; peildatum?: string }): Promise<ModuleInschrijvingen> {
  const { a, rijen, plaatsen, schooljaren, namens } = await lijst(opts);
  const m = a.module;
  await appendAudit(opts.db, {
    actorUserId: a.auth.user.id,
    organisationId: namens,
    action: 'menukaart.inschrijvingen_bekeken',
    subjectType: 'menukaart_module',
    subjectId: m.id,
    details: { titel: m.titel, schooljaar: opts.schooljaar ?? null, aantal: rijen.length },
  });
  return {
    module: { id: m.id, titel: m.titel, status: m.status, aanbieder: { id: m.aanbiederId, naam: m.aanbiederNaam }, periode: m.periode, leerjaar: m.leerjaar, capaciteit: m.capaciteit },
    regio: { id: a.regio.id, naam: a.regio.naam },
    schooljaar: opts.schooljaar ?? null,
    schooljaren,
    plaatsen,
    leerlingen: rijen,
  };
}

const bestandsdeel = (s: string) => s.normalize('NFKD').replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).toLowerCase() || 'module';

export async function exportInschrijvingen(opts: UseCaseContext & { moduleId: string; schooljaar?: string; formaat: 'csv' | 'xlsx'; peildatum?: string }): Promise<ExportFile> {
  const { a, rijen, plaatsen, namens } = await lijst(opts);
  const m = a.module;
  const naam = `inschrijvingen-${bestandsdeel(m.titel)}${opts.schooljaar ? `-${opts.schooljaar}` : ''}`;
  const file: ExportFile =
    opts.formaat === 'csv'
      ? { fileName: `${naam}.csv`, contentType: 'text/csv; charset=utf-8', body: inschrijvingCsv(rijen) }
      : { fileName: `${naam}.xlsx`, contentType: CONTENT_TYPES.xlsx, body: await moduleInschrijvingXlsx({ titel: `Inschrijvingen ${m.titel}`, rijen, plaatsen }) };
  await appendAudit(opts.db, {
    actorUserId: a.auth.user.id,
    organisationId: namens,
    action: 'menukaart.inschrijvingen_geexporteerd',
    subjectType: 'menukaart_module',
    subjectId: m.id,
    details: { titel: m.titel, schooljaar: opts.schooljaar ?? null, aantal: rijen.length, formaat: opts.formaat },
  });
  return file;
}
