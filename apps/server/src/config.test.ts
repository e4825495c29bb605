import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('uses documented defaults', () => {
    const c = loadConfig({} as NodeJS.ProcessEnv);
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.demo).toBe(true);
  });
  it('stops with one message naming each bad variable', () => {
    const bad = () => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' } as NodeJS.ProcessEnv);
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/PORT.*DATABASE_URL: must start with postgres.*LOG_LEVEL/);
  });
  it('takes the public origin of QR codes without a trailing slash, and refuses a path or another scheme', () => {
    expect(loadConfig({} as NodeJS.ProcessEnv).publicBaseUrl).toBeUndefined();
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://rate.example.com:8443/' } as NodeJS.ProcessEnv).publicBaseUrl).toBe('https://rate.example.com:8443');
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'https://rate.example.com/qloop' } as NodeJS.ProcessEnv)).toThrow(/PUBLIC_BASE_URL: an origin only/);
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'ftp://rate.example.com' } as NodeJS.ProcessEnv)).toThrow(/PUBLIC_BASE_URL: must be an http/);
  });
  it('refuses a short SESSION_SECRET', () => {
    expect(() => loadConfig({ SESSION_SECRET: 'short' } as NodeJS.ProcessEnv)).toThrow(/SESSION_SECRET: must be at least 32/);
  });
});
