/** Where the real national data lives (../shared beside the project); tests skip with a reason when it is absent. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_DIR = path.resolve(process.env.DOORLOPEND_SHARED_DIR ?? path.join(PROJECT_ROOT, '..', 'shared'));
export const SLO_DIR = path.join(SHARED_DIR, 'data', 'slo');
export const MBO_DIR = path.join(SHARED_DIR, 'data', 'mbo', 'catalog');
export const DEMO_SLO_DIR = path.join(PROJECT_ROOT, 'demo-data', 'slo');
export const hasMboData = fs.existsSync(path.join(MBO_DIR, 'kwalificaties.csv'));

export const hasSloData = fs.existsSync(path.join(SLO_DIR, 'examenprogramma-bg', 'keuzevak.json'));
export const SKIP_NO_SLO = `overgeslagen: de landelijke gegevens ontbreken (${SLO_DIR} of ${MBO_DIR} bestaat niet)`;

if (!hasSloData) {
  if (process.env.CI === 'true') throw new Error(`In CI moet ${SLO_DIR} aanwezig zijn.`);
  console.warn(`[tests] ${SKIP_NO_SLO}`);
}
