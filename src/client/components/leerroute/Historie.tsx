/** "Wijzigingen": who (and for which school) changed what in the route, and when, as one sentence; newest first. */
import { formatDateTime } from '../../lib/format.js';
import { leerrouteApi, leerrouteUrls } from '../../lib/leerroute-api.js';
import { useApi } from '../../lib/useApi.js';
import { InlineError, Loading } from '../PageStates.js';
import { Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/index.js';
import { useLeerroute } from './context.js';

export function Historie() {
  const { route } = useLeerroute();
  // The key changes with every change of the route, so the list is fresh after each edit.
  const key = `${leerrouteUrls.historie(route.id)}#${route.gewijzigd.op}|${route.planning.length}|${route.toetsen.length}|${route.activiteiten.length}|${route.materialen.length}`;
  const { data, error } = useApi(key, (signal) => leerrouteApi.historie(route.id, signal));
  if (error) return <InlineError error={error} />;
  if (!data) return <Loading />;
  if (data.regels.length === 0) return <Paragraph>Nog geen wijzigingen.</Paragraph>;
  return (
    <Table caption="Wijzigingen, nieuwste eerst" captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Wanneer</TableHeaderCell>
          <TableHeaderCell scope="col">Wat er gebeurde</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {data.regels.map((r) => (
          <TableRow key={r.id}>
            <TableCell>
              <time dateTime={r.op}>{formatDateTime(r.op)}</time>
            </TableCell>
            <TableCell>{r.zin}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
