/**
 * Builds small SLO datasets on disk for importer tests: starts from the
 * built-in demo data and lets a test change, break or remove files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_SLO_DIR } from './shared-data.js';

export interface SloFixture {
  dir: string;
  read(collection: string): Array<Record<string, unknown>>;
  write(collection: string, items: unknown): void;
  writeRaw(collection: string, text: string): void;
  remove(collection: string): void;
  cleanup(): void;
}

function fileOf(dir: string, collection: string) {
  return collection === 'niveaus' ? path.join(dir, 'basis', 'niveaus.json') : path.join(dir, 'examenprogramma-bg', `${collection}.json`);
}

export function makeSloFixture(): SloFixture {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-slo-'));
  fs.cpSync(DEMO_SLO_DIR, dir, { recursive: true });
  return {
    dir,
    read: (c) => JSON.parse(fs.readFileSync(fileOf(dir, c), 'utf8')),
    write: (c, items) => fs.writeFileSync(fileOf(dir, c), JSON.stringify(items, null, 1)),
    writeRaw: (c, text) => fs.writeFileSync(fileOf(dir, c), text),
    remove: (c) => fs.rmSync(fileOf(dir, c)),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
