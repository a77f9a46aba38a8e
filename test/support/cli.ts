/** The `doorlopend` command run in-process, its console output captured (the CLI tests). */
import { vi } from 'vitest';
import { runCli } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  /** What it printed with console.log, lines joined. */
  out: string;
  /** What it printed with console.error. */
  err: string;
}

export async function runCliCaptured(args: readonly string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    return { code: await runCli([...args]), out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
