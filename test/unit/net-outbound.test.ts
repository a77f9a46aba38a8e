/** The pure rules for addresses the server fetches (SSO issuers and their endpoints): public hosts over https only. */
import { describe, expect, it } from 'vitest';
import { isLoopbackHost, isPublicAddress, isPublicHostName, parseIpv6 } from '../../src/domain/net/addresses.js';
import { checkIssuer } from '../../src/domain/net/outbound.js';

const secure = { allowInsecure: false };
const tests = { allowInsecure: true };

describe('isPublicAddress', () => {
  it('accepts public IPv4 and IPv6 addresses', () => {
    for (const a of ['145.100.190.1', '8.8.8.8', '1.1.1.1', '2001:610:188:410::1', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8', '64:ff9b::808:808']) {
      expect(isPublicAddress(a), a).toBe(true);
    }
  });
  it('refuses loopback, private, link-local, CGNAT, documentation, multicast and reserved ranges, also mapped into IPv6', () => {
    for (const a of [
      '127.0.0.1', '127.255.0.9', '0.0.0.0', '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.254', '192.168.1.1', '169.254.169.254',
      '100.64.0.1', '192.0.2.10', '198.18.0.1', '203.0.113.5', '224.0.0.1', '255.255.255.255', '240.0.0.1',
      '::', '::1', '[::1]', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '2001:db8::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1',
      '::ffff:7f00:1', '64:ff9b::a00:1', '2002:a00:1::1', '::127.0.0.1', 'fe80::1%eth0', 'geen-adres', '1.2.3', '1.2.3.256',
    ]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
  });
  it('parses the compressed and dotted forms of IPv6', () => {
    expect(parseIpv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6('::ffff:127.0.0.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
    expect(parseIpv6('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const bad of ['1::2::3', '1:2:3:4:5:6:7:8:9', ':1', '12345::', 'g::1']) expect(parseIpv6(bad), bad).toBeUndefined();
  });
});

describe('host names', () => {
  it('knows loopback names and addresses', () => {
    for (const h of ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['localhost.example.nl', '10.0.0.1', 'connect.surfconext.nl']) expect(isLoopbackHost(h), h).toBe(false);
  });
  it('takes only dotted DNS names outside private zones as public names', () => {
    for (const h of ['connect.surfconext.nl', 'login.entree.kennisnet.nl', 'idp.school.nl.', 'xn--bcher-kva.example.nl', '8.8.8.8']) expect(isPublicHostName(h), h).toBe(true);
    for (const h of ['intranet', 'idp.local', 'idp.internal', 'nas.lan', 'router.home.arpa', 'idp.test', 'x.localhost', 'a..b', '-a.nl', 'idp.1', '10.0.0.1', '']) {
      expect(isPublicHostName(h), h).toBe(false);
    }
  });
});

describe('checkIssuer', () => {
  it('accepts an https issuer on a public host, in every mode', () => {
    for (const rules of [secure, tests]) {
      expect(checkIssuer('https://connect.surfconext.nl', rules).ok).toBe(true);
      expect(checkIssuer('https://login.school.nl/realms/leerlingen', rules).ok).toBe(true);
    }
  });
  it('refuses plain http, loopback and IP literals of private ranges outside test mode, with a Dutch reason', () => {
    const cases: Array<[string, string]> = [
      ['http://idp.example.org', 'https-vereist'],
      ['http://127.0.0.1:4000', 'https-vereist'],
      ['https://127.0.0.1', 'geen-publieke-host'],
      ['https://localhost:8443', 'geen-publieke-host'],
      ['https://10.0.0.1', 'geen-publieke-host'],
      ['https://169.254.169.254/latest/meta-data', 'geen-publieke-host'],
      ['https://[::1]', 'geen-publieke-host'],
      ['https://[fd00::1]', 'geen-publieke-host'],
      ['https://[::ffff:7f00:1]', 'geen-publieke-host'],
      ['https://0x7f.1', 'geen-publieke-host'], // the URL parser turns this into 127.0.0.1
      ['https://2130706433', 'geen-publieke-host'], // 127.0.0.1 as one number
      ['https://017700000001', 'geen-publieke-host'], // octal
      ['https://idp.internal', 'geen-publieke-host'],
      ['https://intranet', 'geen-publieke-host'],
      ['https://user:pw@idp.example.org', 'extra-onderdelen'],
      ['https://idp.example.org/?x=1', 'extra-onderdelen'],
      ['https://idp.example.org/#x', 'extra-onderdelen'],
      ['ftp://idp.example.org', 'https-vereist'],
      ['geen adres', 'geen-adres'],
    ];
    for (const [issuer, reason] of cases) {
      const check = checkIssuer(issuer, secure);
      expect(check, issuer).toMatchObject({ ok: false, reason });
      if (!check.ok) expect(check.message).toMatch(/adres/);
    }
  });
  it('in test mode also accepts loopback (also over plain http), but no plain http elsewhere and no private network', () => {
    expect(checkIssuer('http://127.0.0.1:4000', tests).ok).toBe(true);
    expect(checkIssuer('http://localhost:4000/oidc', tests).ok).toBe(true);
    expect(checkIssuer('http://[::1]:4000', tests).ok).toBe(true);
    expect(checkIssuer('https://10.0.0.1', tests)).toMatchObject({ ok: false, reason: 'geen-publieke-host' });
    expect(checkIssuer('http://idp.example.org', tests)).toMatchObject({ ok: false, reason: 'https-vereist' });
    expect(checkIssuer('https://192.168.1.1', tests)).toMatchObject({ ok: false, reason: 'geen-publieke-host' });
    expect(checkIssuer('http://169.254.169.254', tests)).toMatchObject({ ok: false, reason: 'https-vereist' });
  });
});
