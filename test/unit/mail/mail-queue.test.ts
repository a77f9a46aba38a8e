import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeError, MAIL_CLAIM_LEASE_MS, MAIL_MAX_ATTEMPTS, MAIL_TAKEOVER_AFTER_MS, mailRetryDelayMs } from '../../../src/server/mail/mailer.js';
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

// The queue itself keeps its mails in the database: test/integration/mail-outbox.test.ts.
describe('mail retries', () => {
  it('waits longer after every failed attempt, at most an hour, and gives up after the sixth attempt', () => {
    expect([1, 2, 3, 4, 5, 6].map(mailRetryDelayMs)).toEqual([30_000, 120_000, 480_000, 1_920_000, 3_600_000, 3_600_000]);
    expect(MAIL_MAX_ATTEMPTS).toBe(6);
    // Every retry is well within the lease a claimed mail has, so a slow send is never taken over while it runs.
    expect(MAIL_CLAIM_LEASE_MS).toBeGreaterThan(MAIL_TAKEOVER_AFTER_MS);
  });
});

describe('describeError', () => {
  it('names the error and its code, never its message (an SMTP answer may quote addresses)', () => {
    expect(describeError(Object.assign(new Error('550 rejected geheim@example.nl'), { code: 'EENVELOPE' }))).toBe('Error (EENVELOPE)');
    expect(describeError(new TypeError('geheim@example.nl'))).toBe('TypeError');
    expect(describeError('geheim@example.nl')).toBe('onbekende fout');
  });
});
