/** The pure checks of single sign-on: where we may send the browser back to, and which issuers are accepted. */
import { describe, expect, it } from 'vitest';
import { safeReturnTo } from '../../../src/server/use-cases/auth/sso-login.js';
import { checkIssuer } from '../../../src/domain/net/outbound.js';

describe('safeReturnTo', () => {
  it('accepts paths of this site and defaults to /', () => {
    expect(safeReturnTo(undefined)).toBe('/');
    expect(safeReturnTo('')).toBe('/');
    expect(safeReturnTo('/organisaties/123?tab=leden#x')).toBe('/organisaties/123?tab=leden#x');
  });
  it('refuses other sites, scheme tricks, backslashes, control characters and the API', () => {
    for (const bad of ['//evil.example', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', 'evil', '/a\nb', '/ a', '/api/auth/me', `/${'a'.repeat(500)}`]) {
      expect(() => safeReturnTo(bad), bad).toThrow();
    }
  });
});

describe('checkIssuer (the full rules: test/unit/net-outbound.test.ts)', () => {
  it('wants https on a public host; plain http and loopback only in an app for tests', () => {
    const ok = (issuer: string, allowInsecure = false) => checkIssuer(issuer, { allowInsecure }).ok;
    expect(ok('https://connect.surfconext.nl')).toBe(true);
    expect(ok('http://127.0.0.1:4000')).toBe(false);
    expect(ok('http://127.0.0.1:4000', true)).toBe(true);
    expect(ok('http://localhost:4000/oidc', true)).toBe(true);
    expect(ok('http://idp.example.org')).toBe(false);
    expect(ok('https://user:pw@idp.example.org')).toBe(false);
    expect(ok('https://idp.example.org/?x=1')).toBe(false);
    expect(ok('ftp://idp.example.org')).toBe(false);
    expect(ok('geen adres')).toBe(false);
  });
});
