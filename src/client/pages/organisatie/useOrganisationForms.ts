/**
 * State of the beheerder's forms on an organisation page: the organisation's naam and BRIN number, and adding or
 * changing a vestiging. Checked in the browser first (the field gets the message and the focus), then sent; the
 * server's refusal is shown by FormFeedback.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Organisatie, Vestiging } from '../../../shared/auth-api.js';
import { useAction } from '../../components/ConfirmAction.js';
import { organisationApi } from '../../lib/partnership-api.js';

const BRIN = /^[0-9]{2}[A-Za-z]{2}$/;
const BRIN_VESTIGING = /^[0-9]{2}[A-Za-z]{2}[0-9]{2}$/;

/** The beheerder edits naam and BRIN number. */
export function useOrganisationDataForm(organisation: Organisatie, onSaved: (o: Organisatie) => void) {
  const [naam, setNaam] = useState(organisation.naam);
  const [brin, setBrin] = useState(organisation.brin ?? '');
  const [naamError, setNaamError] = useState<string | null>(null);
  const [brinError, setBrinError] = useState<string | null>(null);
  const state = useAction('Opslaan is niet gelukt.');
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const n = naam.trim();
    const b = brin.trim();
    setNaamError(n ? null : 'Vul de naam van de organisatie in.');
    setBrinError(!b || BRIN.test(b) ? null : 'Een BRIN-nummer is twee cijfers en twee letters, zoals 12AB.');
    if (!n) return document.getElementById('organisatie-naam')?.focus();
    if (b && !BRIN.test(b)) return document.getElementById('organisatie-brin')?.focus();
    await state.run(async () => {
      const saved = await organisationApi.update(organisation.id, { naam: n, brin: b ? b.toUpperCase() : null });
      onSaved(saved);
      setBrin(saved.brin ?? '');
      return 'De gegevens van de organisatie zijn opgeslagen.';
    });
  };
  return { naam, setNaam, brin, setBrin, naamError, brinError, state, onSubmit };
}

/** Add a vestiging, or change one (`vestiging` given); `idPrefix` names its fields. */
export function useVestigingForm(opts: { organisation: Organisatie; vestiging?: Vestiging; idPrefix: string; onSaved: (v: Vestiging, message: string) => void }) {
  const { organisation, vestiging, idPrefix } = opts;
  const [naam, setNaam] = useState(vestiging?.naam ?? '');
  const [nummer, setNummer] = useState(vestiging?.brinVestiging ?? '');
  const [naamError, setNaamError] = useState<string | null>(null);
  const [nummerError, setNummerError] = useState<string | null>(null);
  const state = useAction('Opslaan is niet gelukt.');
  const save = async (body: { naam: string; brinVestiging: string | null }) => {
    const saved = vestiging ? await organisationApi.changeVestiging(organisation.id, vestiging.id, body) : await organisationApi.addVestiging(organisation.id, body);
    if (!vestiging) {
      setNaam('');
      setNummer('');
    }
    opts.onSaved(saved, vestiging ? `Vestiging ${saved.naam} is gewijzigd.` : `Vestiging ${saved.naam} is toegevoegd.`);
    return null;
  };
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const n = naam.trim();
    const b = nummer.trim();
    setNaamError(n ? null : 'Vul de naam van de vestiging in.');
    setNummerError(!b || BRIN_VESTIGING.test(b) ? null : 'Een vestigingsnummer is het BRIN-nummer met twee cijfers, zoals 12AB00.');
    if (!n) return document.getElementById(`${idPrefix}-naam`)?.focus();
    if (b && !BRIN_VESTIGING.test(b)) return document.getElementById(`${idPrefix}-nummer`)?.focus();
    await state.run(() => save({ naam: n, brinVestiging: b ? b.toUpperCase() : null }));
  };
  return { naam, setNaam, nummer, setNummer, naamError, nummerError, state, onSubmit };
}
