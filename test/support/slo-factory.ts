/**
 * Builds SLO datasets in memory, in SLO's published shape, for unit tests of
 * the parser: one profiel with keuzevakken, deeltaken and eindtermen.
 */
import { randomUUID } from 'node:crypto';
import type { SloFiles } from '../../src/domain/vmbo/slo-dataset.js';

export const NIVEAU = { BB: randomUUID(), KB: randomUUID(), GL: randomUUID() };

export interface KeuzevakSpec {
  code: string;
  title?: string;
  id?: string;
  deeltaken?: Array<{ eindtermen: Array<Array<keyof typeof NIVEAU>> }>;
  taakNiveaus?: Array<keyof typeof NIVEAU>;
  replaces?: string[];
}

export function sloFiles(keuzevakken: KeuzevakSpec[], profiel = 'PIE'): SloFiles {
  const files = {
    profiel: [] as unknown[], kern: [] as unknown[], kerndeel: [] as unknown[], module: [] as unknown[], moduletaak: [] as unknown[],
    keuzevak: [] as unknown[], keuzevaktaak: [] as unknown[], deeltaak: [] as unknown[], globale_eindterm: [] as unknown[],
    niveaus: [
      { id: NIVEAU.BB, title: 'bb vmbo bb', prefix: '3501' },
      { id: NIVEAU.KB, title: 'bb vmbo kb', prefix: '3502' },
      { id: NIVEAU.GL, title: 'bb vmbo gl', prefix: '3503' },
    ] as unknown[],
  };
  const kvIds = keuzevakken.map((k) => {
    const id = k.id ?? randomUUID();
    const taakId = randomUUID();
    files.keuzevaktaak.push({ id: taakId, prefix: `${k.code}/KT`, title: 'taak', niveau_id: (k.taakNiveaus ?? []).map((n) => NIVEAU[n]) });
    const deeltaakIds = (k.deeltaken ?? [{ eindtermen: [['BB', 'KB']] }]).map((d, di) => {
      const dId = randomUUID();
      const code = `${k.code}/0${di + 1}`;
      const eIds = d.eindtermen.map((lws, ei) => {
        const eId = randomUUID();
        files.globale_eindterm.push({ id: eId, prefix: `${code}-0${ei + 1}`, title: `Eindterm ${ei + 1} van ${code}`, niveau_id: lws.map((n) => NIVEAU[n]) });
        return eId;
      });
      files.deeltaak.push({ id: dId, prefix: code, title: `Deeltaak ${code}`, examenprogramma_bg_globale_eindterm_id: eIds });
      return dId;
    });
    files.keuzevak.push({ id, prefix: k.code, title: k.title ?? `Keuzevak ${k.code}`, examenprogramma_bg_deeltaak_id: deeltaakIds, examenprogramma_bg_keuzevaktaak_id: [taakId], ...(k.replaces ? { replaces: k.replaces } : {}) });
    return id;
  });
  files.profiel.push({ id: randomUUID(), prefix: profiel, title: `Examenprogramma beroepsgericht ${profiel}`, examenprogramma_bg_kern_id: [], examenprogramma_bg_module_id: [], examenprogramma_bg_keuzevak_id: kvIds });
  return files as SloFiles;
}
