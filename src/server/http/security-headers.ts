/**
 * The headers every answer carries: security headers (CSP, nosniff, frame protection, HSTS behind https) and the
 * cache rule for private answers. One place, used by the app's onSend hook and by the answers Fastify and Node write
 * themselves (a malformed URL, headers too large), so no answer goes out without them.
 */
/**
 * Content-Security-Policy of every answer, the front end and the API documentation alike: scripts only
 * from this site's own files (the Vite build has no inline script), nothing in frames, forms only here.
 * Inline styles stay allowed: the NL Design System components insert their own <style> elements.
 */
export const CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "object-src 'none'",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export const HSTS = 'max-age=31536000; includeSubDomains';

/** The security headers of every answer; HSTS only when the answer goes out over https (browsers ignore it otherwise). */
export function securityHeaders(https: boolean): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Content-Security-Policy': CSP,
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    ...(https ? { 'Strict-Transport-Security': HSTS } : {}),
  };
}

/**
 * The public catalogue: the same answer for everyone, so a cache may keep it. Every other /api answer is private
 * (accounts, members, audit, samenwerkingen, leerroutes, …).
 */
const PUBLIC_API_PREFIXES = ['/api/vmbo', '/api/mbo', '/api/search', '/api/match', '/api/catalog', '/api/health', '/api/docs'];

const hasPrefix = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);

/**
 * Whether an answer must not be stored by the browser or any cache (`Cache-Control: no-store`): every /api answer to
 * a request that carries cookies (a session, whatever its cookie's name in this mode), and every /api answer outside
 * the public catalogue. The rule looks at the path and the Cookie header only, so a new private route is covered
 * without being listed.
 */
export function mustNotStore(url: string, cookieHeader: string | undefined): boolean {
  const pathname = url.split('?')[0] ?? '';
  if (!hasPrefix(pathname, '/api')) return false;
  if (cookieHeader !== undefined && cookieHeader.trim() !== '') return true;
  return !PUBLIC_API_PREFIXES.some((p) => hasPrefix(pathname, p));
}
