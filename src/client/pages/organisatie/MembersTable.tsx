import type { Lid, Organisatie } from '../../../shared/auth-api.js';
import { ConfirmAction } from '../../components/ConfirmAction.js';
import { rolLabel, rollenLabel } from '../../lib/accounts.js';
import { organisationApi } from '../../lib/partnership-api.js';
import { ListItem, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList } from '../../ui/index.js';

/** Remove a role (when the member has more than one) or the member, each after a confirmation. */
function MemberActions({ organisation, member, onChanged }: { organisation: Organisatie; member: Lid; onChanged: () => void }) {
  return (
    <UnorderedList>
      {member.rollen.length > 1
        ? member.rollen.map((rol) => (
            <ListItem key={rol}>
              <ConfirmAction
                label={`Rol ${rolLabel(rol)} intrekken`}
                accessibleLabel={`Rol ${rolLabel(rol)} van ${member.naam} intrekken`}
                question={`Weet u zeker dat u de rol ${rolLabel(rol)} van ${member.naam} wilt intrekken?`}
                confirmLabel="Ja, rol intrekken"
                failureHeading="Intrekken is niet gelukt"
                onConfirm={async () => {
                  await organisationApi.removeRole(organisation.id, member.gebruikerId, rol);
                  onChanged();
                }}
              />
            </ListItem>
          ))
        : null}
      <ListItem>
        <ConfirmAction
          label="Uit de organisatie verwijderen"
          accessibleLabel={`${member.naam} uit de organisatie verwijderen`}
          question={`Weet u zeker dat u ${member.naam} uit ${organisation.naam} wilt verwijderen? ${member.naam} verliest dan alle rollen in ${organisation.naam}.`}
          confirmLabel="Ja, verwijderen"
          failureHeading="Verwijderen is niet gelukt"
          onConfirm={async () => {
            await organisationApi.removeMember(organisation.id, member.gebruikerId);
            onChanged();
          }}
        />
      </ListItem>
    </UnorderedList>
  );
}

export function MembersTable({ organisation, members, onChanged }: { organisation: Organisatie; members: readonly Lid[]; onChanged: () => void }) {
  return (
    <Table caption="Leden" captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Naam</TableHeaderCell>
          <TableHeaderCell scope="col">E-mailadres</TableHeaderCell>
          <TableHeaderCell scope="col">Rollen</TableHeaderCell>
          <TableHeaderCell scope="col">Beheer</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.map((m) => (
          <TableRow key={m.gebruikerId}>
            <TableHeaderCell scope="row">{m.naam}</TableHeaderCell>
            <TableCell>{m.email}</TableCell>
            <TableCell>{rollenLabel(m.rollen)}</TableCell>
            <TableCell>
              <MemberActions organisation={organisation} member={m} onChanged={onChanged} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
