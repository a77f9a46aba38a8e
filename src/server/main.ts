/** Starts Doorlopend: configuration, database (+ migrations), demo data in demo mode, HTTP server. */
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { seedDemoCatalogue } from './demo/seed-demo.js';
import { demoAccountsRetiredWarning } from './demo/demo-accounts.js';
import { retireDemoAccountsAtStart, seedDemoOrganisations } from './demo/seed-demo-organisations.js';
import { buildApp } from './http/app.js';
import { AppError } from './errors.js';
import { snapshotOf } from './read-models/catalogue-snapshot.js';
import { createMailer } from './mail/index.js';
import { warmMatchIndex } from './use-cases/matching/match.js';
import { configureWorkerPool } from './workers/pool.js';

/** Printed at every start in demo mode: demo accounts have a public password, so this must never hold real work. */
const DEMO_BANNER = [
  '',
  '='.repeat(78),
  '  DEMOMODUS (DOORLOPEND_MODE=demo)',
  '  Demo-accounts hebben een openbaar wachtwoord: niet voor echte gegevens of leerlingen.',
  '  Voor echt gebruik: DOORLOPEND_MODE=production.',
  '='.repeat(78),
  '',
].join('\n');

/** How long requests in progress may take to finish after SIGTERM (below the usual 30 s an orchestrator waits). */
const SHUTDOWN_GRACE_MS = 20_000;

async function main() {
  const started = performance.now();
  const config = loadConfig();
  configureWorkerPool(config.workerThreads);
  const database = await openDatabase(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir });
  if (config.mode === 'demo') {
    const seeded = await seedDemoCatalogue(database.db);
    if (seeded.vmbo || seeded.mbo) console.log(`Demodata geladen (${[seeded.vmbo && 'vmbo', seeded.mbo && 'mbo'].filter(Boolean).join(' en ')}).`);
    try {
      if (await seedDemoOrganisations(database.db)) console.log('Demo-organisaties en demogebruikers aangemaakt (zie README, "Demo users").');
    } catch (err) {
      // A database with real data: start without demo accounts, and say why.
      if (!(err instanceof AppError)) throw err;
      console.warn(`Let op: ${err.message}`);
    }
  }
  // Demo accounts have a public password: on a database with real data (or in production mode) the ones that still
  // have it lose their sign-in and platform right, at every start, loudly.
  const retired = await retireDemoAccountsAtStart(database.db, config.mode);
  if (retired.length > 0) console.warn(demoAccountsRetiredWarning(retired));
  // Load the catalogue and build its search index before answering, so the first request is as fast as any.
  await snapshotOf(database.db);
  // And the zoekmonitor's match index (issue 5; its rankings follow in the background; after an import it is rebuilt
  // at the first match request).
  await warmMatchIndex(database.db);
  const mailer = createMailer(config.mail);
  if (mailer.kind === 'outbox' && config.mode === 'production') {
    console.warn(`Let op: e-mail wordt niet verzonden maar in ${config.mail.outboxDir} geschreven. Stel SMTP_URL in.`);
  }
  const app = await buildApp({
    db: database.db,
    clientDir: config.clientDir,
    logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel,
    mailer,
    publicUrl: config.publicUrl,
    mode: config.mode,
    apiDocs: config.apiDocs,
    siteOrigin: config.siteOrigin,
    trustProxy: config.trustProxy,
    exportLimits: config.exportLimits,
    bewaartermijnJob: true,
  });
  let closing = false;
  // Graceful shutdown: stop listening, close idle keep-alive connections, let requests in progress finish (new requests
  // on connections still open get 503, as does /api/ready), send the queued mails, then close the database. A request
  // still running after SHUTDOWN_GRACE_MS has its connection closed, so the process always ends.
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal} ontvangen: Doorlopend stopt (lopende verzoeken worden afgemaakt).`);
    const grace = setTimeout(() => {
      console.warn(`Na ${SHUTDOWN_GRACE_MS / 1000} s liepen er nog verzoeken: hun verbindingen worden gesloten.`);
      app.server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    grace.unref();
    try {
      await app.close();
      clearTimeout(grace);
      await database.close();
      process.exit(0);
    } catch (err) {
      console.error(err);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  if (config.mode === 'demo') console.warn(DEMO_BANNER);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(
    `Doorlopend draait op http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port} ` +
      `(${database.description}, modus ${config.mode}; gestart in ${Math.round(performance.now() - started)} ms)`,
  );
}

main().catch((err: Error) => {
  console.error(`Doorlopend kon niet starten: ${err.message}`);
  process.exit(1);
});
