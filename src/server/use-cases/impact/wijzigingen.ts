/**
 * Issue 16, the page "Wijzigingen in de landelijke data" of a samenwerking: what changed that it uses, and the repair
 * (move to the successor, keep as is with a reason, remove). Read for staff of a partner, write for beheerder and
 * ontwikkelaar; outsiders 404. Every action in one transaction with its history (leerroute_historie for routes,
 * crosswalk_review for the crosswalk) and its audit entry; moving never loses the old reference (the route history
 * and the review rows name both).
 */
import type { Transaction } from 'kysely';
import { decide } from '../../../domain/auth/rules.js';
import { beschrijfActie, planningOmschrijving, plekOmschrijving, removeItem, replaceItem, settingCode } from '../../../domain/impact/impact.js';
import { woordVerschil } from '../../../domain/overeenkomst/overeenkomst.js';
import type { OpenWijzigingen, Wijziging, WijzigingActieResultaat, WijzigingenLijst } from '../../../shared/impact-api.js';
import { actingOrganisation } from '../../access/leerroute.js';
import { authorizePartnership } from '../../access/partnership.js';
import { requireAuth } from '../../access/require-auth.js';
import type { UseCaseContext } from '../../access/context.js';
import { validationFailed } from '../../errors.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/impact-repository.js';
import { appendHistory, namesOf } from '../../repositories/leerroute-repository.js';
import type { DB } from '../../db/schema.js';

const VERPLAATSBAAR = new Set(['koppeling', 'markering', 'route', 'planning', 'toets', 'activiteit']);

/** How a catalogue id reads in a sentence (never a bare UUID). */
function label(itemId: string, code: string | null): string {
  const s = settingCode(itemId);
  if (s) return `${s.soort} ${s.code}`;
  const w = /^(\d{5}):(.+)$/.exec(itemId);
  if (w) return `werkproces ${w[2]} (kwalificatie ${w[1]})`;
  return code ? `eindterm ${code}` : 'een eindterm';
}
const opvolgerLabel = (r: repo.WijzigingRow) => (r.opvolger_id ? (r.opvolger_tekst ? `${label(r.opvolger_id, null).split(' ')[0]} ${r.opvolger_tekst}` : label(r.opvolger_id, null)) : null);

/** A finding of planning for the whole samenwerking (one per item; its places are read when asked). */
const isPlanningVanSamenwerking = (r: Pick<repo.WijzigingRow, 'gebruik' | 'gebruik_id' | 'item_id'>) => r.gebruik === 'planning' && r.gebruik_id === r.item_id;

function perItem(plekken: readonly repo.PlanningPlek[]): Map<string, repo.PlanningPlek[]> {
  const out = new Map<string, repo.PlanningPlek[]>();
  for (const p of plekken) out.set(p.itemId, [...(out.get(p.itemId) ?? []), p]);
  return out;
}

export async function listWijzigingen(opts: UseCaseContext & { partnershipId: string }): Promise<WijzigingenLijst> {
  const access = await authorizePartnership({ ...opts, action: 'partnership.read' });
  await repo.uitwerken(opts.db, [opts.partnershipId]);
  const rows = await repo.listWijzigingen(opts.db, opts.partnershipId);
  const { users } = await namesOf(opts.db, [...new Set(rows.map((r) => r.afgehandeld_door).filter((x): x is string => x !== null))], []);
  // The places of the open findings of planning, read now with one join over the samenwerking's routes.
  const openPlanning = rows.filter((r) => r.status === 'open' && isPlanningVanSamenwerking(r)).map((r) => r.item_id);
  const plekken = perItem(await repo.planningPlekken(opts.db, opts.partnershipId, [...new Set(openPlanning)]));
  const wijzigingen: Wijziging[] = rows.map((r) => {
    const planning = isPlanningVanSamenwerking(r);
    const hier = planning && r.status === 'open' ? (plekken.get(r.item_id) ?? []) : [];
    return {
      id: r.id,
      itemId: r.item_id,
      soort: r.soort,
      wijziging: r.wijziging,
      code: r.code,
      oudeTekst: r.oude_tekst,
      nieuweTekst: r.nieuwe_tekst,
      verschil: r.wijziging === 'tekst' && r.oude_tekst !== null && r.nieuwe_tekst !== null ? woordVerschil(r.oude_tekst, r.nieuwe_tekst) : [],
      opvolger: r.opvolger_id && r.opvolger_herkomst ? { id: r.opvolger_id, tekst: r.opvolger_tekst, herkomst: r.opvolger_herkomst } : null,
      release: r.release,
      bron: r.bron,
      gebruik: r.gebruik,
      omschrijving: planning && r.status === 'open' ? planningOmschrijving(hier) : r.omschrijving,
      leerrouteId: r.leerroute_id,
      plekken: hier.map((p) => ({ leerrouteId: p.leerrouteId, omschrijving: plekOmschrijving(p) })),
      status: r.status,
      reden: r.reden,
      afgehandeldDoor: r.afgehandeld_door ? (users.get(r.afgehandeld_door) ?? '(verwijderd account)') : null,
      afgehandeldAt: r.afgehandeld_at ? new Date(r.afgehandeld_at).toISOString() : null,
      verplaatsbaar: VERPLAATSBAAR.has(r.gebruik),
    };
  });
  const magWijzigen = decide(access.auth.actor, 'partnership.write', { type: 'partnership', memberOrganisationIds: access.memberOrganisationIds }) === 'allow';
  return { open: wijzigingen.filter((w) => w.status === 'open').length, magWijzigen, wijzigingen };
}

/** Open rows per samenwerking of the user's organisations (the badge in the menu). */
export async function openWijzigingen(opts: UseCaseContext): Promise<OpenWijzigingen> {
  const auth = requireAuth(opts.auth);
  const staff = auth.memberships.filter((m) => m.rol !== 'leerling').map((m) => m.organisationId);
  const partnerships = await repo.partnershipsOfOrganisations(opts.db, staff);
  await repo.uitwerken(opts.db, partnerships);
  const counts = await repo.openCounts(opts.db, partnerships);
  const names = await repo.partnershipNames(opts.db, [...counts.keys()]);
  const samenwerkingen = [...counts].map(([id, open]) => ({ id, naam: names.get(id) ?? 'Samenwerking', open })).sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
  return { totaal: samenwerkingen.reduce((n, s) => n + s.open, 0), samenwerkingen };
}

export async function handleWijzigingen(
  opts: UseCaseContext & { partnershipId: string; input: { ids: string[]; actie: 'verplaatsen' | 'behouden' | 'verwijderen'; reden?: string | undefined; voorbeeld: boolean } },
): Promise<WijzigingActieResultaat> {
  const access = await authorizePartnership({ ...opts, action: 'partnership.write' });
  const { actie, voorbeeld } = opts.input;
  const reden = opts.input.reden?.trim() || null;
  if (actie === 'behouden' && !reden && !voorbeeld) throw validationFailed('Geef een reden waarom het onderdeel kan blijven staan.', [{ path: 'reden', message: 'verplicht bij laten staan' }]);
  const userId = access.auth.user.id;
  const organisationId = actingOrganisation(access.auth, access.memberOrganisationIds);
  const by = { userId, organisationId };

  return opts.db.transaction().execute(async (trx) => {
    const rows = await repo.findWijzigingen(trx, opts.partnershipId, opts.input.ids);
    const regels: string[] = [];
    let verwerkt = 0;
    const items: string[] = [];
    for (const r of rows) {
      if (r.status !== 'open') {
        regels.push(`${r.omschrijving}: al afgehandeld (${r.status})`);
        continue;
      }
      const van = label(r.item_id, r.code);
      const naar = r.opvolger_id;
      if (actie !== 'behouden' && !VERPLAATSBAAR.has(r.gebruik)) {
        regels.push(`${r.omschrijving}: wijzig dit op de eigen pagina (hier alleen ‘laten staan’)`);
        continue;
      }
      if (actie === 'verplaatsen' && !naar) {
        regels.push(`${r.omschrijving}: ${van} heeft geen opvolger; laat het staan of verwijder het`);
        continue;
      }
      const to = actie === 'verplaatsen' ? naar : null;
      if (isPlanningVanSamenwerking(r)) {
        // Every route of the samenwerking that plans the item: one line per planningsregel in the preview.
        const plekken = await repo.planningPlekken(trx, opts.partnershipId, [r.item_id], { forUpdate: !voorbeeld });
        if (plekken.length === 0) regels.push(`planning: ${van} wordt nergens meer gepland${actie === 'behouden' ? ' (gecontroleerd)' : ''}`);
        for (const p of plekken) regels.push(beschrijfActie(actie, { omschrijving: plekOmschrijving(p) }, van, naar ? opvolgerLabel(r) : null));
        verwerkt += 1;
        items.push(r.item_id);
        if (voorbeeld) continue;
        if (actie !== 'behouden') await applyPlanning(trx, r, plekken, to, by, van, to ? label(to, null) : null);
      } else {
        regels.push(beschrijfActie(actie, r, van, naar ? opvolgerLabel(r) : null));
        verwerkt += 1;
        items.push(r.item_id);
        if (voorbeeld) continue;
        if (actie !== 'behouden') await applyChange(trx, opts.partnershipId, r, to, by, van, to ? label(to, null) : null);
      }
      const status = actie === 'verplaatsen' ? 'verplaatst' : actie === 'behouden' ? 'behouden' : 'verwijderd';
      await repo.closeWijziging(trx, r.id, { status, reden, userId });
      await repo.closeSameUsage(trx, { partnershipId: opts.partnershipId, itemId: r.item_id, gebruik: r.gebruik, gebruikId: r.gebruik_id, status, reden, userId });
    }
    if (!voorbeeld && verwerkt > 0) {
      await appendAudit(trx, {
        actorUserId: userId,
        organisationId,
        action: actie === 'verplaatsen' ? 'impact.verplaatst' : actie === 'behouden' ? 'impact.behouden' : 'impact.verwijderd',
        subjectType: 'partnership',
        subjectId: opts.partnershipId,
        details: { aantal: verwerkt, items: [...new Set(items)].slice(0, 50), ...(reden ? { reden } : {}) },
      });
    }
    return { voorbeeld, regels, verwerkt };
  });
}

type Trx = Transaction<DB>;

/**
 * Moves (`to`) or removes (`to` null) an item in every planningsregel of the samenwerking's routes that names it,
 * each with its route's history (the old and new id in the details: the old reference is never lost).
 */
async function applyPlanning(trx: Trx, r: repo.WijzigingRow, plekken: readonly repo.PlanningPlek[], to: string | null, by: { userId: string; organisationId: string | null }, van: string, naar: string | null): Promise<void> {
  const wat = naar ? `verplaatste ${van} naar ${naar}` : `verwijderde ${van}`;
  const details = { van: r.item_id, naar: to, reden: 'wijziging in de landelijke data', release: r.release };
  for (const p of plekken) {
    const current = await repo.itemList(trx, 'leerroute_planning', p.planningId);
    if (!current) continue;
    const items = to ? replaceItem(current.items, r.item_id, to) : removeItem(current.items, r.item_id);
    await repo.saveItemList(trx, 'leerroute_planning', p.planningId, current.leerrouteId, items, by);
    await appendHistory(trx, {
      routeId: current.leerrouteId, ...by, actie: 'planning.landelijke-wijziging',
      omschrijving: `${wat} in de planning, leerjaar ${p.leerjaar} periode ${p.periode} (wijziging in de landelijke data, release ${r.release})`,
      entiteit: { soort: 'planning', id: p.planningId }, details,
    });
  }
}

/** Moves (`to`) or removes (`to` null) the item in the work the row names, with its history. */
async function applyChange(trx: Trx, partnershipId: string, r: repo.WijzigingRow, to: string | null, by: { userId: string; organisationId: string | null }, van: string, naar: string | null): Promise<void> {
  const wat = naar ? `verplaatste ${van} naar ${naar}` : `verwijderde ${van}`;
  const details = { van: r.item_id, naar: to, reden: 'wijziging in de landelijke data', release: r.release };
  switch (r.gebruik) {
    case 'planning':
    case 'toets':
    case 'activiteit': {
      const table = r.gebruik === 'planning' ? 'leerroute_planning' : r.gebruik === 'toets' ? 'leerroute_toets' : 'leerroute_activiteit';
      const current = await repo.itemList(trx, table, r.gebruik_id);
      if (!current) return;
      const items = to ? replaceItem(current.items, r.item_id, to) : removeItem(current.items, r.item_id);
      await repo.saveItemList(trx, table, r.gebruik_id, current.leerrouteId, items, by);
      await appendHistory(trx, {
        routeId: current.leerrouteId, ...by, actie: `${r.gebruik}.landelijke-wijziging`,
        omschrijving: `${wat} in de ${r.gebruik === 'planning' ? 'planning' : r.gebruik} (wijziging in de landelijke data, release ${r.release})`,
        entiteit: { soort: r.gebruik, id: r.gebruik_id }, details,
      });
      return;
    }
    case 'route': {
      const s = await repo.routeSettings(trx, r.gebruik_id);
      const from = settingCode(r.item_id);
      if (!s || !from) return;
      const toCode = to ? settingCode(to)?.code ?? null : null;
      const vmbo = { ...s.vmbo };
      const mbo = { ...s.mbo };
      const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
      if (from.soort === 'keuzevak') vmbo.keuzevakken = toCode ? replaceItem(list(vmbo.keuzevakken), from.code, toCode) : removeItem(list(vmbo.keuzevakken), from.code);
      if (from.soort === 'keuzedeel') mbo.keuzedelen = toCode ? replaceItem(list(mbo.keuzedelen), from.code, toCode) : removeItem(list(mbo.keuzedelen), from.code);
      if (from.soort === 'kwalificatie' && mbo.kwalificatie === from.code) mbo.kwalificatie = toCode;
      await repo.saveRouteSettings(trx, r.gebruik_id, { vmbo, mbo, ...by });
      await appendHistory(trx, {
        routeId: r.gebruik_id, ...by, actie: 'leerroute.landelijke-wijziging',
        omschrijving: `${wat} in de instellingen van de leerroute (wijziging in de landelijke data, release ${r.release})`,
        entiteit: { soort: 'leerroute', id: r.gebruik_id }, details,
      });
      return;
    }
    case 'koppeling': {
      const [eindtermId, werkprocesId] = r.gebruik_id.split('|') as [string, string];
      const next = to ? { eindtermId: eindtermId === r.item_id ? to : eindtermId, werkprocesId: werkprocesId === r.item_id ? to : werkprocesId } : null;
      if (!(await repo.moveCrosswalkLink(trx, partnershipId, { eindtermId, werkprocesId }, next))) return;
      await repo.appendCrosswalkReview(trx, {
        partnershipId, eindtermId: next?.eindtermId ?? eindtermId, werkprocesId: next?.werkprocesId ?? werkprocesId, itemId: null,
        actie: next ? 'toevoegen' : 'afwijzen', userId: by.userId,
        toelichting: next ? `Verplaatst van ${eindtermId} × ${werkprocesId} na een wijziging in de landelijke data (release ${r.release})` : `Verwijderd: ${van} is vervallen in de landelijke data (release ${r.release})`,
      });
      return;
    }
    case 'markering': {
      await repo.moveUnlinked(trx, partnershipId, r.item_id, to);
      await repo.appendCrosswalkReview(trx, {
        partnershipId, eindtermId: null, werkprocesId: null, itemId: to ?? r.item_id, actie: to ? 'niet-koppelen' : 'wel-koppelen', userId: by.userId,
        toelichting: to ? `Verplaatst van ${r.item_id} na een wijziging in de landelijke data (release ${r.release})` : `Verwijderd: vervallen in de landelijke data (release ${r.release})`,
      });
      return;
    }
    default:
      return;
  }
}
