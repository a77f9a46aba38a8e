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
});
