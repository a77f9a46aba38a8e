import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database in demo mode on loopback', () => {
    const c = loadConfig({}, '/app');
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, dataDir: '/app/.data/pglite', mode: 'demo' });
  });
  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h/db' }, '/app').databaseUrl).toBe('postgresql://u@h/db');
    expect(loadConfig({ DATABASE_URL: '' }, '/app').databaseUrl).toBeUndefined();
  });
  it('rejects invalid values with a clear message', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrowError(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrowError(/DATABASE_URL/);
    expect(() => loadConfig({ DOORLOPEND_MODE: 'test' })).toThrowError(/DOORLOPEND_MODE/);
  });
  it('sends mail to the outbox folder unless SMTP is configured, and builds links from PUBLIC_URL', () => {
    const c = loadConfig({}, '/app');
    expect(c.mail).toEqual({ transport: 'outbox', outboxDir: '/app/.data/outbox', smtpUrl: undefined, from: 'Doorlopend <noreply@doorlopend.localhost>' });
    expect(c.publicUrl).toBe('http://127.0.0.1:3000');
    expect(loadConfig({ MAIL_OUTBOX_DIR: '/tmp/post' }, '/app').mail.outboxDir).toBe('/tmp/post');
    const smtp = loadConfig({ SMTP_URL: 'smtp://u:p@mail.example.nl:587', MAIL_FROM: 'School <noreply@school.nl>', PUBLIC_URL: 'https://doorlopend.school.nl/' }, '/app');
    expect(smtp.mail).toMatchObject({ transport: 'smtp', smtpUrl: 'smtp://u:p@mail.example.nl:587', from: 'School <noreply@school.nl>' });
    expect(smtp.publicUrl).toBe('https://doorlopend.school.nl');
    expect(loadConfig({ SMTP_URL: 'smtp://h', MAIL_TRANSPORT: 'outbox' }, '/app').mail.transport).toBe('outbox');
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }, '/app').publicUrl).toBe('http://localhost:8080');
  });
  it('rejects an invalid mail configuration without echoing secrets', () => {
    expect(() => loadConfig({ MAIL_TRANSPORT: 'smtp' })).toThrowError(/SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: 'http://u:geheim@h' })).toThrowError(/SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: 'http://u:geheim@h' })).not.toThrowError(/geheim/);
    expect(() => loadConfig({ PUBLIC_URL: 'doorlopend.nl' })).toThrowError(/PUBLIC_URL/);
  });
  it('trusts no proxy unless TRUST_PROXY names them (addresses, CIDR ranges or a hop count)', () => {
    expect(loadConfig({}, '/app').trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '' }, '/app').trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }, '/app').trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }, '/app').trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: ' 10.0.0.5, 10.1.0.0/16 ,::1,fd00::/8,loopback' }, '/app').trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16', '::1', 'fd00::/8', 'loopback']);
    // "Trust everyone" is exactly the weakness: refused, as is anything that is not an address.
    for (const bad of ['true', '*', '10.0.0.0/33', 'proxy.example.nl', ',', '11']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }, '/app'), bad).toThrowError(/TRUST_PROXY/);
    }
  });
  it('takes the site origin for the Origin check from PUBLIC_URL; in demo mode without it, none (the request host)', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://Doorlopend.School.nl/pad/' }, '/app').siteOrigin).toBe('https://doorlopend.school.nl');
    expect(loadConfig({}, '/app').siteOrigin).toBeUndefined();
    expect(loadConfig({ DOORLOPEND_MODE: 'production', PUBLIC_URL: 'https://doorlopend.school.nl' }, '/app').siteOrigin).toBe('https://doorlopend.school.nl');
  });
  it('requires PUBLIC_URL in production mode (else the Origin check would expect http://HOST:PORT and mail links would point there)', () => {
    for (const env of [{ DOORLOPEND_MODE: 'production' }, { DOORLOPEND_MODE: 'production', PUBLIC_URL: '' }, { DOORLOPEND_MODE: 'production', HOST: '0.0.0.0', PORT: '8080' }]) {
      expect(() => loadConfig(env, '/app'), JSON.stringify(env)).toThrowError(ConfigError);
      expect(() => loadConfig(env, '/app'), JSON.stringify(env)).toThrowError(/PUBLIC_URL: verplicht bij DOORLOPEND_MODE=production: .*https:\/\/doorlopend\.school\.nl/);
    }
    const c = loadConfig({ DOORLOPEND_MODE: 'production', PUBLIC_URL: 'https://doorlopend.school.nl/' }, '/app');
    expect(c).toMatchObject({ mode: 'production', publicUrl: 'https://doorlopend.school.nl', siteOrigin: 'https://doorlopend.school.nl' });
    // Demo mode keeps working without it.
    expect(loadConfig({ DOORLOPEND_MODE: 'demo' }, '/app').publicUrl).toBe('http://127.0.0.1:3000');
  });
  it('serves the API documentation by default in demo mode only; API_DOCS=on|off overrides it', () => {
    expect(loadConfig({}, '/app').apiDocs).toBe(true);
    const production = { DOORLOPEND_MODE: 'production', PUBLIC_URL: 'https://doorlopend.school.nl' };
    expect(loadConfig(production, '/app').apiDocs).toBe(false);
    expect(loadConfig({ ...production, API_DOCS: 'on' }, '/app').apiDocs).toBe(true);
    expect(loadConfig({ API_DOCS: 'off' }, '/app').apiDocs).toBe(false);
    expect(loadConfig({ API_DOCS: '' }, '/app').apiDocs).toBe(true);
    expect(() => loadConfig({ API_DOCS: 'ja' })).toThrowError(/API_DOCS/);
  });
});
