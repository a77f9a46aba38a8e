/**
 * Issue 16 in the account menu: a badge with the number of open changes of the national data while anything is open,
 * and per samenwerking with open changes a link to its page "Wijzigingen in de landelijke data".
 */
import { useLocation } from 'react-router-dom';
import { useApi } from '../../lib/useApi.js';
import { StatusBadge } from '../../ui/index.js';
import { Link, ListItem } from '../../ui/index.js';
import { impactApi, impactUrls, wijzigingenPath } from './impact-api.js';

function useOpen() {
  const location = useLocation();
  // Reloaded on every page change, so the badge follows the repair.
  return useApi(`${impactUrls.open()}#${location.pathname}`, (signal) => impactApi.open(signal)).data;
}

export function ImpactBadge() {
  const open = useOpen();
  if (!open || open.totaal === 0) return null;
  return (
    <StatusBadge status="warning" className="doorlopend-impact-badge">
      {open.totaal}
      <span className="doorlopend-visually-hidden"> open wijzigingen in de landelijke data</span>
    </StatusBadge>
  );
}

export function ImpactMenuItems({ onNavigate }: { onNavigate: () => void }) {
  const open = useOpen();
  if (!open || open.totaal === 0) return null;
  return (
    <>
      {open.samenwerkingen.map((s) => (
        <ListItem key={s.id}>
          <Link to={wijzigingenPath(s.id)} onClick={onNavigate}>
            Wijzigingen in de landelijke data: {s.naam} ({s.open})
          </Link>
        </ListItem>
      ))}
    </>
  );
}
