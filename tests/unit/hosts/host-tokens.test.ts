import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { safeStorageBox } from '../../../src/main/desktop/secret-box';
import { encryptedHostTokens, type SecretBox } from '../../../src/main/hosts/encrypted-tokens';
import { fileHostTokens, HOST_TOKENS_FILE } from '../../../src/main/hosts/file-tokens';
import { hostTokenEnvName } from '../../../src/main/hosts/host-tokens';
import { AppError } from '../../../src/shared/errors';
// The stand-in electron module the desktop tests use, with its safeStorage.
import { safeStorage } from '../../support/electron-stub/electron.mjs';

const SECRET = 'sk-very-secret-token-123';
let dir: string;
let file: string;
const logs: string[] = [];
const log = (line: string) => logs.push(line);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-tokens-'));
  file = path.join(dir, HOST_TOKENS_FILE);
  logs.length = 0;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('hostTokenEnvName', () => {
  it('upper-cases the name and turns everything but letters and digits into _', () => {
    expect(hostTokenEnvName('gpu-box.lan_2')).toBe('MODELWRIGHT_HOST_TOKEN_GPU_BOX_LAN_2');
  });
});

describe('headless tokens: environment, then a file only the user can read', () => {
  it('reads a token from MODELWRIGHT_HOST_TOKEN_<NAME> before the file', () => {
    fs.writeFileSync(file, JSON.stringify({ 'gpu-box': 'from-file' }), { mode: 0o600 });
    const tokens = fileHostTokens({ dataDir: dir, env: { MODELWRIGHT_HOST_TOKEN_GPU_BOX: SECRET }, log });
    expect(tokens.get('gpu-box')).toBe(SECRET);
    expect(tokens.get('GPU-BOX')).toBe(SECRET);
    expect(fileHostTokens({ dataDir: dir, env: {}, log }).get('Gpu-Box')).toBe('from-file');
  });

  it('writes the file with mode 0600 when a token is set, and removes it again', () => {
    const tokens = fileHostTokens({ dataDir: dir, env: {}, log });
    tokens.set('gpu', SECRET);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(tokens.get('gpu')).toBe(SECRET);
    expect(tokens.has('GPU')).toBe(true);
    tokens.rename('gpu', 'gpu2');
    expect(tokens.get('gpu')).toBeNull();
    expect(tokens.get('gpu2')).toBe(SECRET);
    tokens.set('gpu2', null);
    expect(tokens.has('gpu2')).toBe(false);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it.skipIf(process.platform === 'win32')('refuses a file others can read, saying to chmod 600, and never shows the token', () => {
    fs.writeFileSync(file, JSON.stringify({ gpu: SECRET }));
    fs.chmodSync(file, 0o644);
    const tokens = fileHostTokens({ dataDir: dir, env: {}, log });
    expect(tokens.get('gpu')).toBeNull();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain(`chmod 600 ${file}`);
    const error = thrown(() => tokens.set('ci', 'another-token'));
    expect(error.message).toContain('chmod 600');
    expect(fs.readFileSync(file, 'utf8')).not.toContain('another-token');
    expect([...logs, error.message].join('\n')).not.toContain(SECRET);
    // Once fixed, it is read.
    fs.chmodSync(file, 0o600);
    expect(tokens.get('gpu')).toBe(SECRET);
  });

  it('says a broken file is not JSON without quoting it', () => {
    fs.writeFileSync(file, `{"gpu": ${SECRET}}`, { mode: 0o600 });
    const tokens = fileHostTokens({ dataDir: dir, env: {}, log });
    expect(tokens.get('gpu')).toBeNull();
    expect(logs.join('\n')).toMatch(/not valid JSON/);
    expect(logs.join('\n')).not.toContain(SECRET);
    expect(thrown(() => tokens.set('gpu', 'x-token')).message).not.toContain(SECRET);
  });

  it('will not set a token that the environment provides, and names the variable', () => {
    const tokens = fileHostTokens({ dataDir: dir, env: { MODELWRIGHT_HOST_TOKEN_GPU: SECRET }, log });
    const error = thrown(() => tokens.set('gpu', 'other-token'));
    expect(error.message).toContain('MODELWRIGHT_HOST_TOKEN_GPU');
    expect(error.message).not.toContain(SECRET);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses a token with spaces without echoing it', () => {
    const error = thrown(() => fileHostTokens({ dataDir: dir, env: {}, log }).set('gpu', 'has space secret'));
    expect(error.message).not.toContain('has space secret');
  });
});

describe('desktop tokens: sealed with safeStorage (stand-in electron) in the settings file', () => {
  function memoryStore() {
    let value: unknown;
    return { read: () => value, write: (next: Record<string, string>) => void (value = next), get raw() { return JSON.stringify(value); } };
  }

  it('keeps only the sealed token, and opens it again', () => {
    const store = memoryStore();
    const tokens = encryptedHostTokens(safeStorageBox(safeStorage), store, log);
    tokens.set('gpu', SECRET);
    expect(store.raw).not.toContain(SECRET);
    expect(tokens.get('GPU')).toBe(SECRET);
    tokens.rename('gpu', 'box');
    expect(tokens.has('gpu')).toBe(false);
    expect(tokens.get('box')).toBe(SECRET);
    tokens.set('box', null);
    expect(tokens.has('box')).toBe(false);
  });

  it('refuses to keep a token when the OS has no secure store, with what to do', () => {
    const box: SecretBox = { available: () => false, encrypt: () => 'x', decrypt: () => 'x' };
    const store = memoryStore();
    const error = thrown(() => encryptedHostTokens(box, store, log).set('gpu', SECRET));
    expect(error.message).toMatch(/keyring/);
    expect(store.read()).toBeUndefined();
  });

  it('a token that no longer decrypts is reported once in the log, by host name only', () => {
    const store = memoryStore();
    store.write({ gpu: Buffer.from('garbage').toString('base64') });
    const tokens = encryptedHostTokens(safeStorageBox(safeStorage), store, log);
    expect(tokens.get('gpu')).toBeNull();
    expect(tokens.get('gpu')).toBeNull();
    expect(logs).toEqual(['could not decrypt the token of host "gpu"; set it again in Settings → Hosts.']);
  });
});
