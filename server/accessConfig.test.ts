import { describe, expect, it } from 'vitest';
import { type ConfigError, loadConfig } from './config';

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('access settings', () => {
  it('reads a closed wall, a proxy by hops or address, and other origins', () => {
    expect(loadConfig({ WALL_ACCESS: 'closed', TRUST_PROXY: '1' }).access).toMatchObject({
      wall: 'closed',
      trustProxy: 1,
    });
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).access.trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(
      loadConfig({ ALLOWED_ORIGINS: 'https://ioc.example.vn, http://10.0.0.5:8080' }).access.allowedOrigins,
    ).toEqual(['https://ioc.example.vn', 'http://10.0.0.5:8080']);
    expect(loadConfig({ SESSION_TTL_HOURS: '0.5' }).access.sessionTtlMs).toBe(1_800_000);
  });

  it('refuses to trust every proxy, and names each bad value', () => {
    expect(problems({ TRUST_PROXY: 'true' })).toEqual([
      'TRUST_PROXY: name the proxy (a hop count such as 1, or its address)',
    ]);
    expect(problems({ TRUST_PROXY: 'not-an-address' })[0]).toMatch(/^TRUST_PROXY: /);
    expect(problems({ ALLOWED_ORIGINS: 'https://ioc.example.vn/path' })).toEqual([
      'ALLOWED_ORIGINS: https://ioc.example.vn/path is not an origin such as https://ioc.example.vn',
    ]);
    expect(problems({ WALL_ACCESS: 'half' })[0]).toMatch(/^WALL_ACCESS: /);
    expect(problems({ COMMAND_TIMEOUT_MS: '10' })[0]).toMatch(/^COMMAND_TIMEOUT_MS: /);
  });
});
