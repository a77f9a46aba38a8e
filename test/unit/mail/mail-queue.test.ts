import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeError, MailQueue, type Mailer, type OutgoingMail } from '../../../src/server/mail/mailer.js';
import { OutboxMailer, readOutbox } from '../../../src/server/mail/outbox-mailer.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await fs.rm(d, { recursive: true, force: true });
});

describe('OutboxMailer', () => {
  it('writes each mail as a JSON file, read back oldest first; a missing folder is an empty outbox', async () => {
    const dir = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'outbox-unit-')), 'sub');
    dirs.push(path.dirname(dir));
    expect(await readOutbox(dir)).toEqual([]);
    const mailer = new OutboxMailer(dir, 'Test <t@example.nl>');
    for (const n of [1, 2, 3]) await mailer.send({ to: `a${n}@example.nl`, subject: `s${n}`, text: `t${n}` });
    const mails = await readOutbox(dir);
    expect(mails.map((m) => [m.to, m.subject, m.text, m.from])).toEqual([1, 2, 3].map((n) => [`a${n}@example.nl`, `s${n}`, `t${n}`, 'Test <t@example.nl>']));
    expect((await fs.readdir(dir)).every((n) => n.endsWith('.json'))).toBe(true);
  });
});

describe('MailQueue', () => {
  it('returns at once, sends in the background, and idle() waits for everything handed over', async () => {
    const sent: OutgoingMail[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow: Mailer = { kind: 'outbox', send: async (m) => { await gate; sent.push(m); } };
    const queue = new MailQueue(slow);
    queue.enqueue({ to: 'a@example.nl', subject: 's', text: 't' });
    expect(sent).toEqual([]);
    const idle = queue.idle();
    release();
    await idle;
    expect(sent).toHaveLength(1);
  });

  it('reports a failed send without its content', async () => {
    const errors: string[] = [];
    const failing: Mailer = { kind: 'smtp', send: async () => { throw Object.assign(new Error('550 rejected geheim@example.nl'), { code: 'EENVELOPE' }); } };
    const queue = new MailQueue(failing, (err) => errors.push(describeError(err)));
    queue.enqueue({ to: 'geheim@example.nl', subject: 's', text: 'token' });
    await queue.idle();
    expect(errors).toEqual(['Error (EENVELOPE)']);
  });
});
