/**
 * Which addresses the server may fetch on behalf of an organisation's settings (an SSO issuer and the endpoints its
 * discovery document names): https to a public host. Loopback hosts (over http or https) only when the app runs for
 * tests (`allowInsecure`). Private, link-local and other special addresses never, not even in tests. Pure: the DNS check
 * (that a public name does not resolve to a private address) is the server's part.
 */
import { isLoopbackHost, isPublicHostName } from './addresses.js';

export interface OutboundRules {
  /** Tests only: loopback hosts, also over plain http (a provider on this machine). */
  allowInsecure: boolean;
}

export type OutboundRefusal = 'geen-adres' | 'https-vereist' | 'extra-onderdelen' | 'geen-publieke-host';

export type OutboundCheck = { ok: true; url: URL } | { ok: false; reason: OutboundRefusal; message: string };

const MESSAGES: Record<OutboundRefusal, string> = {
  'geen-adres': 'Dit is geen geldig webadres.',
  'https-vereist': 'Het adres moet met https:// beginnen.',
  'extra-onderdelen': 'Het adres mag geen gebruikersnaam, wachtwoord, vraagteken-deel (?) of #-deel bevatten.',
  'geen-publieke-host': 'Het adres moet een openbare servernaam hebben (zoals connect.surfconext.nl), geen IP-adres of naam van een intern of lokaal netwerk.',
};

const refuse = (reason: OutboundRefusal): OutboundCheck => ({ ok: false, reason, message: MESSAGES[reason] });

/** A URL the server may fetch (scheme and host); the path and query are free. */
export function checkOutboundUrl(url: URL, rules: OutboundRules): OutboundCheck {
  if (url.username || url.password) return refuse('extra-onderdelen');
  const testLoopback = rules.allowInsecure && isLoopbackHost(url.hostname);
  // Plain http only to a provider on this machine in an app for tests.
  if (url.protocol !== 'https:' && !(testLoopback && url.protocol === 'http:')) return refuse('https-vereist');
  if (isPublicHostName(url.hostname) || testLoopback) return { ok: true, url };
  return refuse('geen-publieke-host');
}

/** An OpenID Connect issuer as a beheerder may save it: an outbound URL without query or fragment. */
export function checkIssuer(issuer: string, rules: OutboundRules): OutboundCheck {
  let url: URL;
  try {
    url = new URL(issuer.trim());
  } catch {
    return refuse('geen-adres');
  }
  if (url.search || url.hash || issuer.includes('#') || issuer.includes('?')) return refuse('extra-onderdelen');
  return checkOutboundUrl(url, rules);
}
