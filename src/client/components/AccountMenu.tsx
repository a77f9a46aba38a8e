import { useEffect, useId, useRef, useState } from 'react';
import type { FocusEvent, KeyboardEvent } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { ApiError } from '../api.js';
import { signInPath, useSession } from '../lib/session.js';
import { Button, Link, ListItem, UnorderedList, VisuallyHidden } from '../ui/index.js';
import { ImpactBadge, ImpactMenuItems } from '../pages/impact/ImpactMenu.js';

/**
 * The account menu in the header. Anonymous: a link "Inloggen" that comes back to this page.
 * Signed in: a disclosure button with the user's name (aria-expanded) that opens a list with
 * "Mijn organisaties", "Mijn account" and "Uitloggen". Escape closes it and returns focus to the button.
 */
export function AccountMenu() {
  const { session, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  // A new page closes the menu.
  useEffect(() => {
    setOpen(false);
    setError(null);
  }, [location.pathname]);

  if (session.status === 'loading') return null;
  if (session.status !== 'signed-in') {
    return (
      <Link to={signInPath(location.pathname + location.search)} className="doorlopend-account__signin">
        Inloggen
      </Link>
    );
  }

  const { gebruiker } = session.me;
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      close(true);
    }
  };
  // Focus leaving the menu (Tab past the last item, a click elsewhere) closes it.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (open && event.relatedTarget instanceof Node && !event.currentTarget.contains(event.relatedTarget)) setOpen(false);
  };
  const onSignOut = async () => {
    setBusy(true);
    setError(null);
    try {
      await signOut(() => navigate('/inloggen?uitgelogd=1'));
    } catch (e) {
      setError((e as ApiError).message ?? 'Uitloggen is niet gelukt.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="doorlopend-account-menu" onKeyDown={onKeyDown} onBlur={onBlur}>
      <Button
        ref={buttonRef}
        appearance="subtle-button"
        aria-expanded={open}
        aria-controls={panelId}
        className="doorlopend-account-menu__button"
        onClick={() => setOpen((o) => !o)}
      >
        <VisuallyHidden>Account: </VisuallyHidden>
        {gebruiker.naam} <ImpactBadge />
        <span aria-hidden="true" className="doorlopend-account-menu__chevron">
          {open ? '▴' : '▾'}
        </span>
      </Button>
      <div id={panelId} hidden={!open} className="doorlopend-account-menu__panel">
        <p className="doorlopend-account-menu__email">{gebruiker.email}</p>
        <UnorderedList className="doorlopend-account-menu__list">
          <ListItem>
            <Link to="/organisaties" onClick={() => setOpen(false)}>
              Mijn organisaties
            </Link>
          </ListItem>
          <ListItem>
            <Link to="/samenwerkingen" onClick={() => setOpen(false)}>
              Mijn samenwerkingen
            </Link>
          </ListItem>
          <ListItem>
            <Link to="/account" onClick={() => setOpen(false)}>
              Mijn account
            </Link>
          </ListItem>
          <ImpactMenuItems onNavigate={() => setOpen(false)} />
          {session.me.lidmaatschappen.some((l) => l.rol !== 'leerling') ? (
            <ListItem>
              <Link to="/menukaart" onClick={() => setOpen(false)}>
                Menukaart van de regio
              </Link>
            </ListItem>
          ) : null}
          {session.me.lidmaatschappen.some((l) => (l.rol === 'examencommissie' && l.soort === 'mbo-instelling') || l.rol === 'examinator' || l.rol === 'beoordelaar') ? (
            <ListItem>
              <Link to="/examens" onClick={() => setOpen(false)}>
                Examenplannen
              </Link>
            </ListItem>
          ) : null}
          {session.me.lidmaatschappen
            .filter((l) => l.rol === 'examencommissie' && l.soort === 'mbo-instelling')
            .map((l) => (
              <ListItem key={`vrijstellingen-${l.organisatieId}`}>
                <Link to={`/organisaties/${encodeURIComponent(l.organisatieId)}/vrijstellingen`} onClick={() => setOpen(false)}>
                  Vrijstellingen{session.me.lidmaatschappen.filter((m) => m.rol === 'examencommissie' && m.soort === 'mbo-instelling').length > 1 ? ` (${l.organisatieNaam})` : ''}
                </Link>
              </ListItem>
            ))}
          {session.me.lidmaatschappen.some((l) => l.rol === 'leerling') ? (
            <ListItem>
              <Link to="/leerling/loopbaandossier" onClick={() => setOpen(false)}>
                Mijn loopbaandossier
              </Link>
            </ListItem>
          ) : null}
          {session.me.lidmaatschappen.some((l) => l.rol === 'leerling') ? (
            <ListItem>
              <Link to="/leerling/keuzes" onClick={() => setOpen(false)}>
                Mijn keuzes
              </Link>
            </ListItem>
          ) : null}
          {session.me.lidmaatschappen
            .filter((l) => l.rol === 'decaan')
            .map((l) => (
              <ListItem key={`keuzes-${l.organisatieId}`}>
                <Link to={`/organisaties/${encodeURIComponent(l.organisatieId)}/keuzes`} onClick={() => setOpen(false)}>
                  Keuzes van leerlingen{session.me.lidmaatschappen.filter((m) => m.rol === 'decaan').length > 1 ? ` (${l.organisatieNaam})` : ''}
                </Link>
              </ListItem>
            ))}
          {session.me.lidmaatschappen
            .filter((l) => l.rol === 'beheerder' && l.soort === 'mbo-instelling')
            .map((l) => (
              <ListItem key={`toelating-${l.organisatieId}`}>
                <Link to={`/organisaties/${encodeURIComponent(l.organisatieId)}/toelatingseisen`} onClick={() => setOpen(false)}>
                  Aanvullende toelatingseisen ({l.organisatieNaam})
                </Link>
              </ListItem>
            ))}
          {session.me.lidmaatschappen
            .filter((l) => l.rol === 'decaan')
            .map((l) => (
              <ListItem key={`lob-${l.organisatieId}`}>
                <Link to={`/organisaties/${encodeURIComponent(l.organisatieId)}/lob`} onClick={() => setOpen(false)}>
                  LOB en loopbaandossiers{session.me.lidmaatschappen.filter((m) => m.rol === 'decaan').length > 1 ? ` (${l.organisatieNaam})` : ''}
                </Link>
              </ListItem>
            ))}
          {session.me.platformBeheerder ? (
            <ListItem>
              <Link to="/beheer/import" onClick={() => setOpen(false)}>
                Platformbeheer
              </Link>
            </ListItem>
          ) : null}
          <ListItem>
            <Button appearance="secondary-action-button" onClick={onSignOut} disabled={busy} aria-disabled={busy || undefined}>
              Uitloggen
            </Button>
          </ListItem>
        </UnorderedList>
        {error ? (
          <p role="alert" className="doorlopend-account-menu__error">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
