/**
 * Data access for platform beheer of organisations: the organisations that have no beheerder. Not scoped to the
 * user's memberships (the platform right is checked first, in the use case); it reads only public facts of the
 * organisation and counts, never names or addresses of members.
 */
import type { Kysely, Transaction } from 'kysely';
import type { OrganisationKind } from '../../shared/roles.js';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface OrganisationWithoutBeheerderRow {
  id: string;
  naam: string;
  soort: OrganisationKind;
  brin: string | null;
  memberCount: number;
  /** Expiry of the latest open invitation with the role beheerder; null when there is none. */
  openBeheerderInvitationUntil: Date | null;
}

/** Every organisation without a beheerder, by name; `now` decides which invitations are still open. */
export async function organisationsWithoutBeheerder(db: Db, now: Date): Promise<OrganisationWithoutBeheerderRow[]> {
  const rows = await db
    .selectFrom('organisation as o')
    .select((eb) => [
      'o.id',
      'o.naam',
      'o.soort',
      'o.brin',
      eb.selectFrom('membership as m').select((m) => m.fn.count<string>('m.user_id').distinct().as('n')).whereRef('m.organisation_id', '=', 'o.id').as('member_count'),
      eb
        .selectFrom('invitation as i')
        .select((i) => i.fn.max('i.expires_at').as('until'))
        .whereRef('i.organisation_id', '=', 'o.id')
        .where('i.rol', '=', 'beheerder')
        .where('i.accepted_at', 'is', null)
        .where('i.expires_at', '>', now)
        .as('open_until'),
    ])
    .where((eb) => eb.not(eb.exists(eb.selectFrom('membership as b').select('b.rol').whereRef('b.organisation_id', '=', 'o.id').where('b.rol', '=', 'beheerder'))))
    .orderBy('o.naam')
    .orderBy('o.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    naam: r.naam,
    soort: r.soort,
    brin: r.brin,
    memberCount: Number(r.member_count ?? 0),
    openBeheerderInvitationUntil: r.open_until ? new Date(r.open_until) : null,
  }));
}
