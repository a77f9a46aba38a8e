/**
 * Reads the SLO dataset from a local folder or an HTTP(S) base URL, in the
 * layout SLO publishes: <root>/examenprogramma-bg/<collection>.json and
 * <root>/basis/niveaus.json. A folder that holds the collections directly
 * (with niveaus.json beside them or in ../basis) is accepted too.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { SLO_COLLECTIONS, sloFileName, type SloCollection, type SloFiles } from '../../domain/vmbo/slo-dataset.js';
import { AppError } from '../errors.js';

export interface SloSource {
  files: SloFiles;
  /** sha256 over all files, in a fixed order. */
  checksum: string;
  location: string;
}

const ALL: Array<SloCollection | 'niveaus'> = [...SLO_COLLECTIONS, 'niveaus'];

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new AppError('import_invalid', `${file}: geen geldige JSON (${(err as Error).message}).`, { file });
  }
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}

async function folderPaths(root: string): Promise<Record<SloCollection | 'niveaus', string>> {
  if (!(await exists(root))) throw new AppError('source_unavailable', `Map ${root} bestaat niet.`, { file: root });
  const nested = await exists(path.join(root, 'examenprogramma-bg'));
  const paths = {} as Record<SloCollection | 'niveaus', string>;
  for (const c of ALL) {
    if (nested) paths[c] = path.join(root, sloFileName(c));
    else if (c === 'niveaus') {
      const beside = path.join(root, 'niveaus.json');
      paths[c] = (await exists(beside)) ? beside : path.join(root, '..', 'basis', 'niveaus.json');
    } else paths[c] = path.join(root, `${c}.json`);
  }
  return paths;
}

async function fetchText(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  } catch (err) {
    throw new AppError('source_unavailable', `${url}: niet bereikbaar (${(err as Error).message}).`, { file: url });
  }
  if (response.status === 404) throw new AppError('import_invalid', `${url}: bestand ontbreekt (HTTP 404).`, { file: url });
  if (!response.ok) throw new AppError('source_unavailable', `${url}: HTTP ${response.status}.`, { file: url });
  return response.text();
}

export async function readSloSource(location: string): Promise<SloSource> {
  const isUrl = /^https?:\/\//i.test(location);
  const texts = {} as Record<SloCollection | 'niveaus', string>;
  const names = {} as Record<SloCollection | 'niveaus', string>;
  if (isUrl) {
    const base = location.endsWith('/') ? location : `${location}/`;
    await Promise.all(
      ALL.map(async (c) => {
        names[c] = new URL(sloFileName(c), base).toString();
        texts[c] = await fetchText(names[c]);
      }),
    );
  } else {
    const root = path.resolve(location);
    const paths = await folderPaths(root);
    await Promise.all(
      ALL.map(async (c) => {
        names[c] = paths[c];
        texts[c] = await fs.readFile(paths[c], 'utf8').catch(() => {
          throw new AppError('import_invalid', `Bestand ontbreekt: ${paths[c]} (verwacht ${sloFileName(c)}).`, { file: paths[c] });
        });
      }),
    );
  }
  const hash = createHash('sha256');
  const files = {} as SloFiles;
  for (const c of ALL) {
    hash.update(`${c}\n`).update(texts[c]!);
    files[c] = parseJson(texts[c]!, names[c]!);
  }
  return { files, checksum: hash.digest('hex'), location: isUrl ? location : path.resolve(location) };
}
