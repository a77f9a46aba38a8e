/**
 * The rules panel (issue 13), next to the coverage panel on every page of a route: the rules of "wat moet en wat mag"
 * checked on this route, violations first, each with its source and a link to where it is fixed. A partner may mark a
 * rule "niet van toepassing" for this route with a reason; the mark is shown with who and when (never silent) and
 * can be removed again. Loaded again after every change of the route.
 */
import { useEffect, useState } from 'react';
import type { RegelUitkomst, RegelUitkomsten } from '../../../shared/regels-api.js';
import { REGEL_NIVEAU_NAMEN } from '../../../shared/regels-api.js';
import { ApiError } from '../../api.js';
import { count, formatDateTime } from '../../lib/format.js';
import { plekLink, regelsApi } from '../../lib/regels-api.js';
import { Alert, Button, Heading, Link, Paragraph, StatusBadge, TextField } from '../../ui/index.js';
import { useLeerroute } from './context.js';
import './regels.css';

const badge = (u: RegelUitkomst): { status: 'danger' | 'warning' | 'safe' | 'neutral'; tekst: string } => {
  if (u.markering) return { status: 'neutral', tekst: 'Niet van toepassing' };
  if (u.status === 'overtreden') return u.regel.niveau === 'advies' ? { status: 'warning', tekst: 'Advies' } : { status: 'danger', tekst: REGEL_NIVEAU_NAMEN[u.regel.niveau] };
  if (u.status === 'onbekend') return { status: 'warning', tekst: 'Nog niet te controleren' };
  if (u.status === 'voldaan') return { status: 'safe', tekst: 'Voldaan' };
  return { status: 'neutral', tekst: 'Geldt niet' };
};

function Bron({ u }: { u: RegelUitkomst }) {
  const b = u.regel.bron;
  return (
    <p className="doorlopend-regels__bron">
      Bron: {b.document}, {b.sectie}
      {b.wetsartikel ? `; ${b.wetsartikel}` : ''}
    </p>
  );
}

function MarkeerForm({ u, onDone }: { u: RegelUitkomst; onDone: (r: RegelUitkomsten, melding: string) => void }) {
  const { route } = useLeerroute();
  const [reden, setReden] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const id = `markeer-${u.regel.id}`;
  return (
    <details className="doorlopend-regels__markeer">
      <summary>Niet van toepassing voor deze route?</summary>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBezig(true);
          setFout(null);
          try {
            const r = await regelsApi.markeer(route.id, u.regel.id, reden);
            onDone(r, `De regel "${u.regel.titel}" is gemarkeerd als niet van toepassing.`);
          } catch (err) {
            setFout(err instanceof ApiError ? err.message : 'Markeren is niet gelukt. Probeer het opnieuw.');
          } finally {
            setBezig(false);
          }
        }}
      >
        <TextField id={id} label="Reden" value={reden} onChange={setReden} maxLength={1000} required description="Waarom geldt deze regel niet voor deze leerroute? Beide scholen zien de reden en wie hem gaf." invalidMessage={fout ?? undefined} />
        <Button type="submit" appearance="secondary-action-button" disabled={bezig}>
          {bezig ? 'Bezig met opslaan…' : 'Markeren als niet van toepassing'}
        </Button>
      </form>
    </details>
  );
}

function Uitkomst({ u, wijzigen, onChange }: { u: RegelUitkomst; wijzigen: boolean; onChange: (r: RegelUitkomsten, melding: string) => void }) {
  const { route, announce } = useLeerroute();
  const b = badge(u);
  const link = u.plek ? plekLink(u.plek, { routeId: route.id, partnershipId: route.samenwerking.id }) : null;
  const open = u.status === 'overtreden' || u.status === 'onbekend';
  return (
    <li className="doorlopend-regels__regel" data-regel={u.regel.id}>
      <p className="doorlopend-regels__kop">
        <StatusBadge status={b.status}>{b.tekst}</StatusBadge> <strong>{u.regel.titel}</strong>
      </p>
      <p>{u.melding}</p>
      {open && !u.markering ? <p>{u.regel.oplossing}</p> : null}
      <Bron u={u} />
      {link && open && !u.markering ? (
        <p>
          <Link to={link.to}>{link.tekst}</Link>
        </p>
      ) : null}
      {u.markering ? (
        <div className="doorlopend-regels__markering">
          <p>
            Gemarkeerd als niet van toepassing door {u.markering.door.naam}
            {u.markering.organisatie ? ` (${u.markering.organisatie.naam})` : ''}, {formatDateTime(u.markering.op)}. Reden: {u.markering.reden}
          </p>
          {wijzigen ? (
            <Button
              appearance="subtle-button"
              onClick={async () => {
                try {
                  onChange(await regelsApi.ontmarkeer(route.id, u.regel.id), `De markering van "${u.regel.titel}" is weggehaald.`);
                } catch (err) {
                  announce(err instanceof ApiError ? err.message : 'Weghalen is niet gelukt.');
                }
              }}
            >
              Markering weghalen
            </Button>
          ) : null}
        </div>
      ) : open && wijzigen ? (
        <MarkeerForm u={u} onDone={onChange} />
      ) : null}
    </li>
  );
}

export function RegelsPanel() {
  const { route, announce } = useLeerroute();
  const [data, setData] = useState<RegelUitkomsten | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  useEffect(() => {
    // Every change answers with a new route object: check the rules again.
    const ctl = new AbortController();
    regelsApi.route(route.id, ctl.signal).then(
      (r) => {
        setData(r);
        setFout(null);
      },
      (err: unknown) => {
        if (!ctl.signal.aborted) setFout(err instanceof ApiError ? err.message : 'De regels konden niet worden geladen.');
      },
    );
    return () => ctl.abort();
  }, [route]);
  const onChange = (r: RegelUitkomsten, melding: string) => {
    setData(r);
    announce(melding);
  };
  const wijzigen = route.mijnRechten.wijzigen;
  const open = data?.uitkomsten.filter((u) => u.status === 'overtreden' || u.status === 'onbekend' || u.markering) ?? [];
  const voldaan = data?.uitkomsten.filter((u) => u.status === 'voldaan' && !u.markering) ?? [];
  const geldtNiet = data?.uitkomsten.filter((u) => u.status === 'geldt-niet' && !u.markering) ?? [];
  return (
    <aside className="doorlopend-regels" aria-labelledby="regels-kop">
      <Heading level={2} id="regels-kop">
        Regels
      </Heading>
      {fout ? (
        <Alert type="error">
          <Paragraph>{fout}</Paragraph>
        </Alert>
      ) : !data ? (
        <Paragraph>Regels controleren…</Paragraph>
      ) : (
        <>
          <p className="doorlopend-regels__stand">
            {data.totalen.overtreden > 0 ? <StatusBadge status="danger">{count(data.totalen.overtreden, 'regel niet gevolgd', 'regels niet gevolgd')}</StatusBadge> : <StatusBadge status="safe">Geen overtredingen</StatusBadge>}{' '}
            {data.totalen.onbekend > 0 ? `${count(data.totalen.onbekend, 'regel', 'regels')} nog niet te controleren. ` : ''}
            {data.totalen.gemarkeerd > 0 ? `${data.totalen.gemarkeerd} niet van toepassing.` : ''}
          </p>
          <Paragraph className="doorlopend-meta">
            Uit de brochure Wat moet en wat mag: <Link to="/regels">alle regels met hun bron</Link>
          </Paragraph>
          {open.length > 0 ? (
            <ul className="doorlopend-regels__lijst" aria-label="Regels om op te letten">
              {open.map((u) => (
                <Uitkomst key={u.regel.id} u={u} wijzigen={wijzigen} onChange={onChange} />
              ))}
            </ul>
          ) : null}
          {voldaan.length > 0 ? (
            <details className="doorlopend-regels__groep">
              <summary>Voldaan ({voldaan.length})</summary>
              <ul className="doorlopend-regels__lijst">
                {voldaan.map((u) => (
                  <Uitkomst key={u.regel.id} u={u} wijzigen={wijzigen} onChange={onChange} />
                ))}
              </ul>
            </details>
          ) : null}
          {geldtNiet.length > 0 ? (
            <details className="doorlopend-regels__groep">
              <summary>Geldt niet voor deze route ({geldtNiet.length})</summary>
              <ul className="doorlopend-regels__lijst">
                {geldtNiet.map((u) => (
                  <Uitkomst key={u.regel.id} u={u} wijzigen={wijzigen} onChange={onChange} />
                ))}
              </ul>
            </details>
          ) : null}
        </>
      )}
    </aside>
  );
}
