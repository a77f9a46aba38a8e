/** Step 1, inventarisatie: the overlap inventory (issue 5) of the route's selections, with the samenwerking's reviews. */
import type { Inventaris } from '../../../shared/inventory-api.js';
import type { UseCaseContext } from '../../access/context.js';
import { getInventory } from '../inventory/get-inventory.js';
import { openRoute } from '../../access/leerroute.js';

export async function getRouteInventory(opts: UseCaseContext & { routeId: string }): Promise<Inventaris> {
  const { route } = await openRoute({ ...opts, action: 'partnership.read' });
  // Only the chosen keuzevakken and profielmodulen (not every keuzevak of the profiel): the doelen of the route.
  return getInventory({
    db: opts.db,
    auth: opts.auth,
    partnershipId: route.partnershipId,
    query: {
      keuzevakken: route.vmbo.keuzevakken,
      profielmodulen: route.vmbo.profielmodulen,
      leerweg: route.vmbo.leerweg ?? undefined,
      kwalificatie: route.mbo.kwalificatie ?? undefined,
      keuzedelen: route.mbo.keuzedelen,
    },
  });
}
