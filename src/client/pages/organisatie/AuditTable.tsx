import type { AuditRegel, Lid } from '../../../shared/auth-api.js';
import { formatDateTime } from '../../lib/format.js';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/index.js';
import { actionLabel, auditDetails, subjectOf } from './audit-labels.js';

/**
 * The organisation's audit log, newest first: what happened as a Dutch sentence with names (`zin`, made by the server;
 * a deleted account reads "een verwijderd account"), then the kind of action and its details.
 */
export function AuditTable({ regels, members }: { regels: readonly AuditRegel[]; members: readonly Lid[] }) {
  return (
    <Table caption="Auditlog" captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Tijdstip</TableHeaderCell>
          <TableHeaderCell scope="col">Wat er gebeurde</TableHeaderCell>
          <TableHeaderCell scope="col">Actie</TableHeaderCell>
          <TableHeaderCell scope="col">Betreft</TableHeaderCell>
          <TableHeaderCell scope="col">Details</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {regels.map((regel) => (
          <TableRow key={regel.id}>
            <TableCell>
              <time dateTime={regel.at}>{formatDateTime(regel.at)}</time>
            </TableCell>
            <TableCell>{regel.zin}</TableCell>
            <TableCell>{actionLabel(regel.action)}</TableCell>
            <TableCell>{subjectOf(regel, members)}</TableCell>
            <TableCell>{auditDetails(regel, members)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
