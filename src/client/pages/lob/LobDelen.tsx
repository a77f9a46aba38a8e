/**
 * Building blocks of the LOB pages (issue 15): a labelled text area, an activity as a definition list (used by the
 * pupil, the decaan and the receiver of a share link), and the oplegger in the same form.
 */
import type { ReactNode } from 'react';
import { ACTIVITEIT_SOORT_NAMEN, COMPETENTIE_NAMEN, LOOPBAANCOMPETENTIES, type LobActiviteit, type Oplegger } from '../../../shared/lob-api.js';
import { Heading } from '../../ui/index.js';
import { datumTekst } from './lob-api.js';
import './lob.css';

export function Tekstvak({ id, label, value, onChange, beschrijving, maxLength, rows = 4 }: { id: string; label: string; value: string; onChange: (v: string) => void; beschrijving?: string; maxLength: number; rows?: number }) {
  return (
    <div className="doorlopend-lob-tekstvak">
      <label htmlFor={id}>{label}</label>
      {beschrijving ? (
        <p id={`${id}-beschrijving`} className="doorlopend-lob-muted">
          {beschrijving}
        </p>
      ) : null}
      <textarea id={id} value={value} rows={rows} maxLength={maxLength} aria-describedby={beschrijving ? `${id}-beschrijving` : undefined} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function Rij({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function ActiviteitWeergave({ a, kopNiveau = 3, children }: { a: Omit<LobActiviteit, 'versie' | 'onderdeelId'>; kopNiveau?: 2 | 3 | 4; children?: ReactNode }) {
  return (
    <article className="doorlopend-lob-kaart" aria-labelledby={`activiteit-${a.id}`}>
      <Heading level={kopNiveau} id={`activiteit-${a.id}`}>
        {a.titel}
      </Heading>
      <p className="doorlopend-lob-muted">
        {ACTIVITEIT_SOORT_NAMEN[a.soort]}, {datumTekst(a.datum)}
      </p>
      <dl className="doorlopend-lob-dl">
        {a.doel ? <Rij term="Doel">{a.doel}</Rij> : null}
        {LOOPBAANCOMPETENTIES.filter((c) => a.reflecties[c]).map((c) => (
          <Rij key={c} term={COMPETENTIE_NAMEN[c]}>
            {a.reflecties[c]}
          </Rij>
        ))}
        {a.conclusie ? <Rij term="Conclusie">{a.conclusie}</Rij> : null}
        {a.vervolgstap ? <Rij term="Volgende stap">{a.vervolgstap}</Rij> : null}
      </dl>
      {children}
    </article>
  );
}

export function OpleggerWeergave({ o }: { o: Omit<Oplegger, 'versie'> }) {
  const i = o.inhoud;
  return (
    <dl className="doorlopend-lob-dl">
      <Rij term="Opleiding">
        {i.opleiding || '(nog niet gekozen)'}
        {i.crebo ? ` (crebo ${i.crebo})` : ''}
      </Rij>
      <Rij term="Mbo-school">{i.instelling || '(nog niet gekozen)'}</Rij>
      <Rij term="Start">augustus {i.startjaar}</Rij>
      <Rij term="Aanmelden vóór">{datumTekst(o.datums.aanmeldenVoor)}</Rij>
      <Rij term="Extra toelatingseisen bekend vóór">{datumTekst(o.datums.aanvullendeEisenBekendVoor)}</Rij>
      <Rij term="Aangemeld op">{i.aangemeldOp ? datumTekst(i.aangemeldOp) : 'nog niet'}</Rij>
      <Rij term="Waarom deze opleiding">{i.motivatie || '-'}</Rij>
      <Rij term="Waar ik goed in ben">{i.sterkePunten || '-'}</Rij>
      <Rij term="Wat ik nodig heb">{i.ondersteuning || '-'}</Rij>
    </dl>
  );
}
