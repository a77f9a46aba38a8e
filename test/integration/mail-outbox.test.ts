/**
 * The mail outbox in the database (issue 11, migration 0017): a mail survives a stop of the app before it is sent, every
 * instance on one database sends and none sends a mail twice, a failing transport is tried again with backoff and
 * given up after the last attempt, and the content (with its one-time link) leaves the database once sent.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp, mailQueueOf } from '../../src/server/http/app.js';
import { MAIL_MAX_ATTEMPTS, MAIL_RETENTION_MS, MailQueue, type MailFailure, type Mailer, type OutgoingMail } from '../../src/server/mail/mailer.js';
import { OutboxMailer, readOutbox } from '../../src/server/mail/outbox-mailer.js';
import { insertUser } from '../../src/server/repositories/account-repository.js';
import { createTestDatabase, databaseAvailable, TEST_DB, type TestDatabase } from '../support/db.js';

const mail = (n: number | string): OutgoingMail => ({ to: `ontvanger-${n}@school.nl`, subject: `Onderwerp ${n}`, text: `Tekst ${n} met een link #token=geheim-${n}` });

/** A clock the test moves. */
function testClock(start = new Date()) {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

/** A transport that records what it sent, and fails the first `failures` sends. */
function recordingMailer(failures = 0): Mailer & { sent: OutgoingMail[]; calls: number } {
  const m = {
    kind: 'smtp' as const,
    sent: [] as OutgoingMail[],
    calls: 0,
    async send(x: OutgoingMail) {
      m.calls += 1;
      if (m.calls <= failures) throw Object.assign(new Error(`421 try later ${x.to}`), { code: 'ECONNECTION' });
      m.sent.push(x);
    },
  };
  return m;
}

describe.skipIf(!databaseAvailable)(`mail outbox (${TEST_DB})`, () => {
  let database: TestDatabase | undefined;
  const apps: FastifyInstance[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await database?.destroy();
    database = undefined;
    for (const d of dirs.splice(0)) await fs.rm(d, { recursive: true, force: true });
  });

  async function appOn(db: TestDatabase['db'], opts: { sending?: boolean; clock?: () => Date } = {}) {
    const outboxDir = await fs.mkdtemp(path.join(os.tmpdir(), 'doorlopend-outbox-'));
    dirs.push(outboxDir);
    const app = await buildApp({ db, mailer: new OutboxMailer(outboxDir), mailSending: opts.sending, mailClock: opts.clock, publicUrl: 'https://doorlopend.test' });
    apps.push(app);
    await app.ready();
    return { app, outbox: () => readOutbox(outboxDir) };
  }

  const rows = (db: TestDatabase['db']) => db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();

  it('returns at once, stores the mail, sends it in the background; sent, its content leaves the database', async () => {
    database = await createTestDatabase();
    const mailer = recordingMailer();
    const queue = new MailQueue({ db: database.db, mailer });
    queue.enqueue(mail(1));
    expect(mailer.sent).toEqual([]);
    await queue.idle();
    expect(mailer.sent).toEqual([mail(1)]);
    const [row] = await rows(database.db);
    expect(row).toMatchObject({ kind: 'mail', subject: null, body: null, attempts: 1, claimed_by: null });
    expect(row!.sent_at).toBeInstanceOf(Date);
    await queue.close();
  });

  it('a mail and a reset request survive a stop before sending: the next app sends each once', async () => {
    database = await createTestDatabase();
    await insertUser(database.db, { email: 'bekend@school.nl', naam: 'Bekend', passwordHash: null });
    // App A stores but never sends (as if it stopped right after answering).
    const a = await appOn(database.db, { sending: false });
    mailQueueOf(a.app).enqueue(mail('a'));
    const res = await a.app.inject({ method: 'POST', url: '/api/auth/wachtwoord-vergeten', payload: { email: 'bekend@school.nl' } });
    expect(res.statusCode).toBe(202);
    await mailQueueOf(a.app).idle();
    await a.app.close();
    expect(await a.outbox()).toEqual([]);
    // The reset request is stored as the address and the time only: no account looked up, no token yet.
    const stored = await rows(database.db);
    expect(stored.map((r) => [r.kind, r.composer, r.recipient, r.subject, r.body])).toEqual([
      ['mail', null, 'ontvanger-a@school.nl', 'Onderwerp a', mail('a').text],
      ['compose', 'password-reset', 'bekend@school.nl', null, null],
    ]);
    expect(await database.db.selectFrom('password_reset').select('user_id').execute()).toEqual([]);

    // App B starts on the same database; A's rows are taken over once they have waited (B's clock is a minute on).
    const clock = testClock();
    clock.advance(60_000);
    const b = await appOn(database.db, { clock: clock.now });
    await mailQueueOf(b.app).idle();
    const sent = await b.outbox();
    expect(sent.map((m) => [m.to, m.subject]).sort()).toEqual([
      ['bekend@school.nl', 'Nieuw wachtwoord kiezen voor Doorlopend'],
      ['ontvanger-a@school.nl', 'Onderwerp a'],
    ]);
    expect(sent.find((m) => m.to === 'bekend@school.nl')!.text).toMatch(/https:\/\/doorlopend\.test\/wachtwoord-herstellen#token=/);
    expect(await database.db.selectFrom('password_reset').select('user_id').execute()).toHaveLength(1);
    // A third app sends nothing again.
    const c = await appOn(database.db, { clock: clock.now });
    await mailQueueOf(c.app).idle();
    await mailQueueOf(b.app).idle();
    expect(await c.outbox()).toEqual([]);
    expect(await b.outbox()).toHaveLength(2);
  });

  it('two apps on one database send every mail once, also the mails of a stopped instance both take over', async () => {
    database = await createTestDatabase();
    const stopped = new MailQueue({ db: database.db, mailer: recordingMailer(), sending: false });
    for (let i = 0; i < 15; i += 1) stopped.enqueue(mail(`gestopt-${i}`));
    await stopped.idle();
    const clock = testClock();
    clock.advance(60_000);
    const a = await appOn(database.db, { clock: clock.now });
    const b = await appOn(database.db, { clock: clock.now });
    for (let i = 0; i < 15; i += 1) {
      mailQueueOf(a.app).enqueue(mail(`a-${i}`));
      mailQueueOf(b.app).enqueue(mail(`b-${i}`));
    }
    await Promise.all([mailQueueOf(a.app).idle(), mailQueueOf(b.app).idle()]);
    const fromA = await a.outbox();
    const fromB = await b.outbox();
    const subjects = [...fromA, ...fromB].map((m) => m.subject);
    expect(subjects).toHaveLength(45);
    expect(new Set(subjects).size).toBe(45);
    // Each sends its own mails itself (at once, no waiting for a sweep).
    expect(fromA.filter((m) => m.subject.startsWith('Onderwerp b-'))).toEqual([]);
    expect(fromB.filter((m) => m.subject.startsWith('Onderwerp a-'))).toEqual([]);
    expect((await rows(database.db)).every((r) => r.sent_at !== null && r.body === null)).toBe(true);
  });

  it('tries a failing transport again with backoff, reports each failure without content, and sends once it works', async () => {
    database = await createTestDatabase();
    const clock = testClock();
    const mailer = recordingMailer(2);
    const failures: Array<{ error: string; failure: MailFailure }> = [];
    const queue = new MailQueue({ db: database.db, mailer, now: clock.now, onError: (err, failure) => failures.push({ error: (err as Error).name, failure }) });
    queue.enqueue(mail(1));
    await queue.idle();
    expect(mailer.sent).toEqual([]);
    expect(failures).toEqual([{ error: 'Error', failure: { attempt: 1, maxAttempts: MAIL_MAX_ATTEMPTS, givenUp: false } }]);
    let [row] = await rows(database.db);
    expect(row).toMatchObject({ attempts: 1, last_error: 'Error (ECONNECTION)', sent_at: null, body: mail(1).text });
    // Not before its time.
    clock.advance(20_000);
    await queue.idle();
    expect(mailer.calls).toBe(1);
    clock.advance(11_000);
    await queue.idle();
    expect(mailer.calls).toBe(2);
    clock.advance(2 * 60_000 + 1_000);
    await queue.idle();
    expect(mailer.sent).toEqual([mail(1)]);
    expect(failures.map((f) => f.failure.attempt)).toEqual([1, 2]);
    [row] = await rows(database.db);
    expect(row).toMatchObject({ attempts: 3, sent_at: expect.any(Date), body: null });
    await queue.close();
  });

  it('gives up after the last attempt (content removed) and deletes finished rows after the retention', async () => {
    database = await createTestDatabase();
    const clock = testClock();
    const failures: MailFailure[] = [];
    const queue = new MailQueue({ db: database.db, mailer: recordingMailer(99), now: clock.now, maxAttempts: 2, onError: (_err, f) => failures.push(f) });
    queue.enqueue(mail(1));
    await queue.idle();
    clock.advance(31_000);
    await queue.idle();
    expect(failures.map((f) => f.givenUp)).toEqual([false, true]);
    const [row] = await rows(database.db);
    expect(row).toMatchObject({ attempts: 2, given_up_at: expect.any(Date), subject: null, body: null, sent_at: null });
    clock.advance(60 * 60_000);
    await queue.idle();
    expect(failures).toHaveLength(2);
    await queue.close();
    // A day later, a queue's sweep deletes it.
    clock.advance(MAIL_RETENTION_MS);
    const later = new MailQueue({ db: database.db, mailer: recordingMailer(), now: clock.now });
    await later.idle();
    expect(await rows(database.db)).toEqual([]);
  });

  it('a mail claimed by an instance that died is sent by another once the claim has expired', async () => {
    database = await createTestDatabase();
    const clock = testClock();
    const dead = new MailQueue({ db: database.db, mailer: recordingMailer(), sending: false, now: clock.now });
    dead.enqueue(mail(1));
    await dead.idle();
    await database.db.updateTable('mail_outbox').set({ claimed_by: 'dood', claimed_until: new Date(clock.now().getTime() + 15 * 60_000), attempts: 1 }).execute();
    const mailer = recordingMailer();
    const other = new MailQueue({ db: database.db, mailer, now: clock.now });
    clock.advance(60_000);
    await other.idle();
    expect(mailer.sent).toEqual([]);
    clock.advance(15 * 60_000);
    await other.idle();
    expect(mailer.sent).toEqual([mail(1)]);
    await other.close();
  });
});
