/** Development and tests: every mail becomes a JSON file in a folder (written atomically, names sort by time). */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Mailer, OutgoingMail } from './mailer.js';

export interface OutboxMail extends OutgoingMail {
  from: string;
  at: string;
}

let sequence = 0;

export class OutboxMailer implements Mailer {
  readonly kind = 'outbox';

  constructor(
    readonly dir: string,
    private readonly from = 'Doorlopend <noreply@doorlopend.localhost>',
  ) {}

  async send(mail: OutgoingMail): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    const at = new Date();
    sequence = (sequence + 1) % 1_000_000;
    const name = `${at.toISOString().replace(/[:.]/g, '-')}-${String(sequence).padStart(6, '0')}-${randomBytes(3).toString('hex')}`;
    const body: OutboxMail = { from: this.from, to: mail.to, subject: mail.subject, text: mail.text, at: at.toISOString() };
    const tmp = path.join(this.dir, `.${name}.tmp`);
    await fs.writeFile(tmp, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
    await fs.rename(tmp, path.join(this.dir, `${name}.json`));
  }
}

/** The mails in an outbox folder, oldest first. */
export async function readOutbox(dir: string): Promise<OutboxMail[]> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return Promise.all(names.map(async (n) => JSON.parse(await fs.readFile(path.join(dir, n), 'utf8')) as OutboxMail));
}
