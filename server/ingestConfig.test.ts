import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';
import { parseTokens } from './ingestConfig';

const TOKEN = 'dvc-0123456789abcdef';

function refusal(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('source tokens', () => {
  it('reads source:token pairs separated by commas', async () => {
    const config = loadConfig({ INGEST_TOKENS: `dvc:${TOKEN}, police:police-0123456789abcdef` });
    expect(config.ingest.tokens).toEqual([
      { source: 'dvc', token: TOKEN },
      { source: 'police', token: 'police-0123456789abcdef' },
    ]);
  });

  it('reads a file with one pair a line and comments, on top of the environment', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tokens-')), 'tokens');
    writeFileSync(file, `# production tokens\npayments:pay-0123456789abcdef  # rotated 2024-01\n\n`);
    const config = loadConfig({ INGEST_TOKENS: `dvc:${TOKEN}`, INGEST_TOKENS_FILE: file });
    expect(config.ingest.tokens.map((t) => t.source)).toEqual(['dvc', 'payments']);
  });

  it('refuses short tokens, bad source ids, reserved sources and a token shared by two sources, never echoing it', async () => {
    const message = refusal({
      INGEST_TOKENS: `dvc:abc123,Bad Source:${TOKEN}x,simulator:${TOKEN}y,a:${TOKEN},b:${TOKEN}`,
    });
    expect(message).toContain('INGEST_TOKENS, entry 1: the token is shorter than 16');
    expect(message).toContain('entry 2: source "Bad Source" is not a valid source id');
    expect(message).toContain('entry 3: source "simulator" is reserved');
    expect(message).toContain('one token is given to both a and b');
    expect(message).not.toContain(TOKEN);
    expect(message).not.toContain('abc123');
  });

  it('names a tokens file it cannot read', async () => {
    expect(refusal({ INGEST_TOKENS_FILE: '/nonexistent/tokens' })).toContain('INGEST_TOKENS_FILE: cannot read');
  });

  it('parses nothing from an empty setting', async () => {
    expect(parseTokens('', 'INGEST_TOKENS')).toEqual({ tokens: [], problems: [] });
  });

  it('refuses out-of-range limits and an unknown synchronous setting, naming them', async () => {
    const message = refusal({ INGEST_MAX_OBSERVATIONS: '0', DB_SYNCHRONOUS: 'off', RETAIN_RAW_DAYS: '0' });
    expect(message).toContain('INGEST_MAX_OBSERVATIONS');
    expect(message).toContain('DB_SYNCHRONOUS');
    expect(message).toContain('RETAIN_RAW_DAYS');
  });
});
