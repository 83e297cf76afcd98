import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppLog } from '../../src/main/desktop/app-log';

const folder = () => join(mkdtempSync(join(tmpdir(), 'mw-app-log-')), 'logs');

describe('the desktop log file', () => {
  it('writes main.log in the log folder (created if missing), readable by the user only', () => {
    const log = openAppLog(folder(), { console: false });
    log.error('[test] something broke', new Error('boom'));
    const text = readFileSync(log.file, 'utf8');
    expect(log.file).toBe(join(log.folder, 'main.log'));
    expect(text).toMatch(/\[error\]\s+\[test\] something broke/);
    // The error's stack is kept, not just its message.
    expect(text).toContain('Error: boom');
    expect(text).toMatch(/at .*app-log\.test\.ts/);
    if (process.platform !== 'win32') expect(statSync(log.file).mode & 0o777).toBe(0o600);
  });

  it('rotates at the size limit: the older lines move to main.old.log and main.log starts again', () => {
    const log = openAppLog(folder(), { console: false, maxBytes: 2_000 });
    for (let i = 0; i < 40; i++) log.info(`line ${i} ${'x'.repeat(80)}`);
    const old = join(log.folder, 'main.old.log');
    expect(existsSync(old)).toBe(true);
    expect(statSync(log.file).size).toBeLessThanOrEqual(2_000 + 200);
    // One older file is kept: what is on disk stays under about twice the limit however long the app runs.
    expect(statSync(old).size).toBeLessThanOrEqual(2_000 + 200);
    const firstKept = Number(/line (\d+) /.exec(readFileSync(old, 'utf8'))?.[1]);
    expect(firstKept).toBeGreaterThan(0);
    expect(readFileSync(log.file, 'utf8')).toContain('line 39 ');
  });

  it('takes over console output, so what main prints lands in the file', () => {
    const log = openAppLog(folder(), { console: false });
    const target = { log: () => {}, info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
    log.captureConsole(target);
    (target.error as (line: string) => void)('[ipc] a handler failed');
    (target.warn as (line: string) => void)('[sync] slow');
    const text = readFileSync(log.file, 'utf8');
    expect(text).toMatch(/\[error\]\s+\[ipc\] a handler failed/);
    expect(text).toMatch(/\[warn\]\s+\[sync\] slow/);
  });
});
