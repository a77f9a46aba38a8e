/**
 * Issue 16, two small parts for other pages: the account setting that turns the mails about changed national data
 * off (Mijn account), and the button to watch a catalogue item (the detail pages of a keuzevak, kwalificatie or
 * keuzedeel; only for a signed-in user).
 */
import { useEffect, useState } from 'react';
import type { ApiError } from '../../api.js';
import { InlineError } from '../../components/PageStates.js';
import { useSession } from '../../lib/session.js';
import { useApi } from '../../lib/useApi.js';
import { Button, CheckboxField, Heading, Paragraph } from '../../ui/index.js';
import { impactApi, impactUrls } from './impact-api.js';

export function ImpactMailInstelling() {
  const huidig = useApi(impactUrls.mail(), (signal) => impactApi.mail(signal));
  const [aan, setAan] = useState<boolean | null>(null);
  const [fout, setFout] = useState<ApiError | null>(null);
  useEffect(() => {
    if (huidig.data) setAan(huidig.data.aan);
  }, [huidig.data]);
  if (aan === null) return null;
  const zet = async (v: boolean) => {
    setFout(null);
    setAan(v);
    try {
      setAan((await impactApi.zetMail(v)).aan);
    } catch (e) {
      setAan(!v);
      setFout(e as ApiError);
    }
  };
  return (
    <section aria-labelledby="impact-mail-heading" className="doorlopend-section">
      <Heading level={2} id="impact-mail-heading">
        E-mail bij wijzigingen in de landelijke data
      </Heading>
      <Paragraph>
        Als een nieuwe release van SLO of SBB iets verandert dat uw samenwerkingen gebruiken, of een onderdeel dat u volgt, krijgt u één e-mail per import met de
        aantallen en een link naar de pagina om het na te lopen.
      </Paragraph>
      <CheckboxField id="impact-mail" label="Stuur mij deze e-mails" checked={aan} onChange={(v) => void zet(v)} />
      {fout ? <InlineError error={fout} /> : null}
    </section>
  );
}

/** `item`: `keuzevak:<code>`, `kwalificatie:<crebo>` or `keuzedeel:<code>`. */
export function VolgKnop({ item, wat }: { item: string; wat: string }) {
  const { session } = useSession();
  const signedIn = session.status === 'signed-in';
  const status = useApi(signedIn ? impactUrls.volgen(item) : null, (signal) => impactApi.volgStatus(item, signal));
  const [volgen, setVolgen] = useState<boolean | null>(null);
  const [melding, setMelding] = useState('');
  const [fout, setFout] = useState<ApiError | null>(null);
  useEffect(() => {
    if (status.data) setVolgen(status.data.volgen);
  }, [status.data]);
  if (!signedIn || volgen === null) return null;
  const zet = async () => {
    setFout(null);
    try {
      const r = await impactApi.volgen(item, !volgen);
      setVolgen(r.volgen);
      setMelding(r.volgen ? `U volgt ${wat}: u krijgt een e-mail als het verandert.` : `U volgt ${wat} niet meer.`);
    } catch (e) {
      setFout(e as ApiError);
    }
  };
  return (
    <div className="doorlopend-volg">
      <Button appearance="secondary-action-button" aria-pressed={volgen} onClick={() => void zet()}>
        {volgen ? 'Volgen uitzetten' : 'Volgen: e-mail bij een wijziging'}
      </Button>
      <p aria-live="polite" className="doorlopend-volg__melding">
        {melding}
      </p>
      {fout ? <InlineError error={fout} /> : null}
    </div>
  );
}
