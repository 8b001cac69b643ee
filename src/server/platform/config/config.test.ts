import { describe, expect, it } from 'vitest';
import { ConfigError, cookieSecure, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies defaults for the embedded setup', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './data', DATABASE_URL: '', REDIS_URL: '', NODE_ENV: 'development' });
    expect(cookieSecure(config)).toBe(false);
    expect(cookieSecure(loadConfig({ NODE_ENV: 'production' }))).toBe(true);
    expect(cookieSecure(loadConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false' }))).toBe(false);
  });

  it('reads numbers and names every wrong setting', () => {
    expect(loadConfig({ PORT: '8080' }).PORT).toBe(8080);
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', DEFAULT_COUNTRY: 'gb', LOG_LEVEL: 'loud' });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toContain('PORT');
    expect(message).toContain('DEFAULT_COUNTRY');
    expect(message).toContain('LOG_LEVEL');
  });

  it('refuses database and Redis addresses it cannot use', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://somewhere' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ REDIS_URL: 'http://somewhere' })).toThrow(/REDIS_URL/);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).DATABASE_URL).toBe('postgres://u@h/db');
  });
});

describe('the README', () => {
  it('documents every setting in its settings table', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { ConfigSchema } = await import('./config.js');
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../README.md'), 'utf8');
    for (const key of Object.keys(ConfigSchema.properties)) expect(readme).toContain(`| \`${key}\` |`);
  });
});
