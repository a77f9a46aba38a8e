/**
 * Entry of a worker thread of the pool (pool.ts): runs one task per message and posts the result or the error.
 */
import { parentPort } from 'node:worker_threads';
import { serializeError } from './pool.js';
import { TASKS, type TaskName } from './tasks.js';

const port = parentPort;
if (!port) throw new Error('worker.ts is de ingang van een worker-thread, geen programma');

port.on('message', async (message: { name: TaskName; input: never }) => {
  try {
    const task = TASKS[message.name] as (input: unknown) => Promise<unknown>;
    port.postMessage({ ok: true, value: await task(message.input) });
  } catch (error) {
    port.postMessage({ ok: false, error: serializeError(error) });
  }
});
