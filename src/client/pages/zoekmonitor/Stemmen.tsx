/**
 * Issue 17: a thumbs up or down on each result, for signed-in staff when the question is one keuzevak or profielmodule.
 * One vote per person per result; pressing the pressed thumb again takes the vote back. After a vote the answer is
 * asked again, so the ranking and the uitleg show what teachers said. Who voted is never shown: the results carry counts.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { MijnStemmen } from '../../../shared/match-api.js';
import { apiUrl, getJson, sendJson, type ApiError } from '../../api.js';
import { InlineError } from '../../components/PageStates.js';
import { useSession } from '../../lib/session.js';
import { useApi } from '../../lib/useApi.js';
import { Button } from '../../ui/index.js';
/** The vmbo side of a zoekmonitor question (also used by Resultaten.tsx, which imports it from here: no cycle). */
export type VmboVraag = { kind: 'keuzevak' | 'profielmodule'; code: string; title: string };

interface StemmenContext {
  vmbo: VmboVraag;
  mijn: Map<string, 1 | -1>;
  stem(soort: 'kwalificatie' | 'keuzedeel', code: string, waarde: 1 | -1 | null): Promise<void>;
}
const Ctx = createContext<StemmenContext | null>(null);

const STAFF = new Set(['beheerder', 'ontwikkelaar', 'examinator', 'beoordelaar', 'examencommissie', 'decaan']);

/** Gives the results below it thumbs when the user is staff and the question is a single keuzevak or profielmodule. */
export function StemmenProvider({ vmbo, onChanged, children }: { vmbo: VmboVraag | null; onChanged: () => void; children: ReactNode }) {
  const { session } = useSession();
  const staff = session.status === 'signed-in' && session.me.lidmaatschappen.some((l) => STAFF.has(l.rol));
  const [versie, setVersie] = useState(0);
  const url = staff && vmbo ? apiUrl('/api/match/stemmen', { soort: vmbo.kind, code: vmbo.code }) : null;
  const { data } = useApi(url ? `${url}#${versie}` : null, (signal) => getJson(url!, MijnStemmen, signal));
  if (!staff || !vmbo) return <>{children}</>;
  const mijn = new Map((data?.stemmen ?? []).map((s) => [`${s.resultaatSoort}|${s.resultaatCode}`, s.waarde]));
  const stem: StemmenContext['stem'] = async (soort, code, waarde) => {
    const body = { vraag: { soort: vmbo.kind, code: vmbo.code }, resultaat: { soort, code }, ...(waarde ? { waarde } : {}) };
    await sendJson(waarde ? 'PUT' : 'DELETE', apiUrl('/api/match/stemmen'), body, MijnStemmen);
    setVersie((v) => v + 1);
    onChanged();
  };
  return <Ctx.Provider value={{ vmbo, mijn, stem }}>{children}</Ctx.Provider>;
}

/** The two thumbs of one result (nothing for visitors, pupils and questions that are not one vmbo unit). */
export function Duimen({ soort, code, title }: { soort: 'kwalificatie' | 'keuzedeel'; code: string; title: string }) {
  const ctx = useContext(Ctx);
  const [bezig, setBezig] = useState(false);
  const [fout, setFout] = useState<ApiError | null>(null);
  const [melding, setMelding] = useState('');
  if (!ctx) return null;
  const huidig = ctx.mijn.get(`${soort}|${code}`) ?? null;
  const klik = async (waarde: 1 | -1) => {
    setBezig(true);
    setFout(null);
    try {
      const nieuw = huidig === waarde ? null : waarde;
      await ctx.stem(soort, code, nieuw);
      setMelding(nieuw === null ? 'Uw stem is ingetrokken.' : nieuw === 1 ? 'U vond dit passend; dat telt mee in de rangschikking.' : 'U vond dit niet passend; dat telt mee in de rangschikking.');
    } catch (e) {
      setFout(e as ApiError);
    } finally {
      setBezig(false);
    }
  };
  return (
    <div className="doorlopend-zm-duimen" role="group" aria-label={`Uw oordeel over ${title} bij ${ctx.vmbo.code}`}>
      <Button appearance="secondary-action-button" aria-pressed={huidig === 1} disabled={bezig} onClick={() => void klik(1)}>
        Past
      </Button>
      <Button appearance="secondary-action-button" aria-pressed={huidig === -1} disabled={bezig} onClick={() => void klik(-1)}>
        Past niet
      </Button>
      <span role="status" className="doorlopend-meta">
        {melding}
      </span>
      {fout ? <InlineError error={fout} /> : null}
    </div>
  );
}
