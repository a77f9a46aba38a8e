/**
 * A small pool of worker threads for CPU-heavy work of a request (issue 10): parsing an uploaded table, building
 * XLSX, PDF and DOCX exports. The event loop stays free for other requests (the health check answers while exports
 * are built). Workers start on first use, are kept idle for reuse, and never keep the process alive when idle.
 *
 * The worker entry is the sibling of this module: `worker.js` when running compiled from dist/, `worker.ts` when the
 * TypeScript sources run directly (tests through vitest, `tsx watch`), then started with tsx's loader.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MboImportError } from '../../domain/mbo/errors.js';
import { TableLimitError } from '../../domain/mbo/xlsx.js';
import { AppError } from '../errors.js';
import type { TaskInput, TaskName, TaskOutput } from './tasks.js';

/** Default number of worker threads (the pool is shared by all requests of the process). */
export const DEFAULT_WORKER_THREADS = 2;

/**
 * How to start a worker for this module's own URL: compiled (.js), the sibling `worker.js`; from the TypeScript
 * sources (.ts, under vitest or tsx), `worker.ts` through tsx's ESM loader, registered inside the new thread with
 * tsx's `register()` before the entry is imported (on Node 20 a worker ignores `--import` in its execArgv).
 */
export function workerEntry(moduleUrl: string = import.meta.url): { script: URL | string; eval: boolean } {
  if (/\.[cm]?ts$/.test(new URL(moduleUrl).pathname)) {
    let api: URL;
    try {
      api = new URL('./dist/esm/api/index.mjs', pathToFileURL(createRequire(moduleUrl).resolve('tsx/package.json')));
      if (!fs.existsSync(api)) throw new Error('tsx zonder ESM-api');
    } catch {
      throw new Error('De worker-threads draaien vanuit de TypeScript-bronnen en hebben daarvoor tsx nodig (npm install), of start de gebouwde versie (npm run build, dan dist/).');
    }
    const entry = new URL('./worker.ts', moduleUrl).href;
    return { script: `import(${JSON.stringify(api.href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`, eval: true };
  }
  return { script: new URL('./worker.js', moduleUrl), eval: false };
}

/** An error as the worker posts it: its class, message and own fields. */
export interface SerializedError {
  kind: 'TableLimitError' | 'MboImportError' | 'AppError' | 'Error';
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { kind: 'Error', message: String(error), fields: {} };
  const kind = error instanceof TableLimitError ? 'TableLimitError' : error instanceof MboImportError ? 'MboImportError' : error instanceof AppError ? 'AppError' : 'Error';
  return { kind, message: error.message, ...(error.stack ? { stack: error.stack } : {}), fields: { ...error } };
}

const CLASSES = { TableLimitError, MboImportError, AppError, Error } as const;

/** The same error again in this thread, of the same class (so `instanceof` and the error mapping work as before). */
export function reviveError(e: SerializedError): Error {
  const error = Object.create(CLASSES[e.kind].prototype) as Error;
  Object.defineProperty(error, 'message', { value: e.message, writable: true, configurable: true });
  if (e.stack) Object.defineProperty(error, 'stack', { value: e.stack, writable: true, configurable: true });
  return Object.assign(error, e.fields);
}

interface Job {
  name: TaskName;
  input: unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

type Reply = { ok: true; value: unknown } | { ok: false; error: SerializedError };

/** A Uint8Array that came back through postMessage is a Buffer again (the renderers return Buffers). */
const asBuffer = (value: unknown) => (value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value);

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly workers = new Set<Worker>();
  private readonly queue: Job[] = [];
  private closed = false;
  private done = 0;

  constructor(readonly size: number = DEFAULT_WORKER_THREADS) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`ongeldig aantal worker-threads: ${size}`);
  }

  /** Runs a task in a worker; waits for a free one when all are busy. Errors come back as the same class. */
  run<K extends TaskName>(name: K, input: TaskInput<K>): Promise<TaskOutput<K>> {
    if (this.closed) return Promise.reject(new Error('de worker-pool is gesloten'));
    return new Promise<TaskOutput<K>>((resolve, reject) => {
      this.queue.push({ name, input, resolve: resolve as (v: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Tasks waiting for a free worker, tasks being run, and tasks run so far (succeeded or failed). */
  get stats(): { waiting: number; running: number; completed: number } {
    return { waiting: this.queue.length, running: this.workers.size - this.idle.length, completed: this.done };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('de worker-pool is gesloten'));
    await Promise.all([...this.workers].map((w) => w.terminate()));
    this.workers.clear();
    this.idle.length = 0;
  }

  private dispatch(): void {
    while (this.queue.length > 0 && (this.idle.length > 0 || this.workers.size < this.size)) {
      const worker = this.idle.pop() ?? this.spawn();
      this.execute(worker, this.queue.shift()!);
    }
  }

  private spawn(): Worker {
    const entry = workerEntry();
    const worker = new Worker(entry.script, { eval: entry.eval });
    worker.unref();
    this.workers.add(worker);
    return worker;
  }

  private execute(worker: Worker, job: Job): void {
    // Busy workers keep the process alive (a CLI import waits for its parse); idle ones do not.
    worker.ref();
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (reply: Reply) => {
      done();
      this.done++;
      worker.unref();
      this.idle.push(worker);
      if (reply.ok) job.resolve(asBuffer(reply.value));
      else job.reject(reviveError(reply.error));
      this.dispatch();
    };
    const lost = (error: Error) => {
      done();
      this.workers.delete(worker);
      job.reject(error);
      this.dispatch();
    };
    const onError = (error: Error) => {
      lost(error);
      void worker.terminate();
    };
    const onExit = (code: number) => lost(new Error(`worker-thread stopte onverwacht (code ${code})`));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ name: job.name, input: job.input });
  }
}

let shared: WorkerPool | null = null;
let sharedSize = DEFAULT_WORKER_THREADS;

/** The process's pool (created on first use). */
export function workerPool(): WorkerPool {
  shared ??= new WorkerPool(sharedSize);
  return shared;
}

/** Sets the size of the process's pool (config WORKER_THREADS); call at start-up, before the first task. */
export function configureWorkerPool(size: number): void {
  if (shared && shared.size !== size) {
    void shared.close();
    shared = null;
  }
  sharedSize = size;
}

/** Runs one task in the process's pool. */
export function runInWorker<K extends TaskName>(name: K, input: TaskInput<K>): Promise<TaskOutput<K>> {
  return workerPool().run(name, input);
}
