/** The pure checks of single sign-on: where we may send the browser back to, and which issuers are accepted. */
import { describe, expect, it } from 'vitest';
import { safeReturnTo } from '../../../src/server/use-cases/auth/sso-login.js';
import { isAllowedIssuer } from '../../../src/server/auth/oidc.js';

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

describe('isAllowedIssuer', () => {
  it('wants https, allowing plain http only on loopback', () => {
    expect(isAllowedIssuer('https://connect.surfconext.nl')).toBe(true);
    expect(isAllowedIssuer('http://127.0.0.1:4000')).toBe(true);
    expect(isAllowedIssuer('http://localhost:4000/oidc')).toBe(true);
    expect(isAllowedIssuer('http://idp.example.org')).toBe(false);
    expect(isAllowedIssuer('https://user:pw@idp.example.org')).toBe(false);
    expect(isAllowedIssuer('https://idp.example.org/?x=1')).toBe(false);
    expect(isAllowedIssuer('ftp://idp.example.org')).toBe(false);
    expect(isAllowedIssuer('geen adres')).toBe(false);
  });
});
