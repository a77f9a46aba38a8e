/** Mail to the beheerders of an organisation that was proposed as partner in a samenwerking. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { MailQueue } from '../../mail/mailer.js';
import { beheerderEmailsOf } from '../../repositories/account-repository.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Where mails about proposals go out, and the base of the link in them. */
export interface ProposalNotifier {
  mail: MailQueue;
  publicUrl: string;
}

/**
 * Tells the beheerders of a proposed organisation (in the background, after the change is stored) that it
 * was proposed, with a link to the page where they answer. The answer itself needs a signed-in beheerder.
 */
export async function notifyProposal(
  db: Db,
  notifier: ProposalNotifier | undefined,
  p: { actorNaam: string; proposerNaam: string; partnershipNaam: string; targetId: string; targetNaam: string },
): Promise<() => void> {
  if (!notifier) return () => {};
  const recipients = await beheerderEmailsOf(db, p.targetId);
  return () => {
    for (const to of recipients) {
      notifier.mail.enqueue({
        to,
        subject: `Voorstel: ${p.targetNaam} als partner in ${p.partnershipNaam}`,
        text: [
          'Goedendag,',
          '',
          `${p.actorNaam} van ${p.proposerNaam} stelt ${p.targetNaam} voor als partner in de samenwerking "${p.partnershipNaam}" op Doorlopend.`,
          `Als beheerder van ${p.targetNaam} beslist u of uw organisatie meedoet. Bekijk het voorstel na het inloggen op:`,
          '',
          `${notifier.publicUrl}/samenwerkingen`,
          '',
          `Zolang u het voorstel niet aanneemt, doet ${p.targetNaam} niet mee en ziet niemand van ${p.targetNaam} iets van de samenwerking.`,
        ].join('\n'),
      });
    }
  };
}
