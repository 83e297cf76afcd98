import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCliToPath, SCRIPT_MARK, type CliPathContext } from '../../src/main/cli-path/add-to-path';

let root: string;
let home: string;
let resources: string;
let launcher: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-cli-path-'));
  home = path.join(root, 'home');
  resources = path.join(root, 'opt', 'Modelwright', 'resources');
  launcher = path.join(resources, 'bin', 'modelwright');
  fs.mkdirSync(path.dirname(launcher), { recursive: true });
  fs.mkdirSync(home);
  fs.copyFileSync(path.resolve(import.meta.dirname, '../../resources/bin/modelwright'), launcher);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const local = () => path.join(home, '.local', 'bin');
const context = (fields: Partial<CliPathContext> = {}): CliPathContext => ({
  mode: 'desktop',
  platform: 'linux',
  resources,
  home,
  env: { PATH: `${local()}:/usr/bin` },
  ...fields,
});

describe('Add modelwright to PATH', () => {
  it('links the packaged launcher into ~/.local/bin (made if missing) when that is on the PATH', () => {
    const outcome = addCliToPath(context());
    expect(outcome).toEqual({ done: true, path: path.join(local(), 'modelwright'), message: `Added ${path.join(local(), 'modelwright')}. In a new terminal: modelwright list` });
    expect(fs.readlinkSync(path.join(local(), 'modelwright'))).toBe(launcher);
    // Again: its own link is replaced, not refused.
    expect(addCliToPath(context()).done).toBe(true);
  });

  it('says how to put ~/.local/bin on the PATH when it is not', () => {
    const outcome = addCliToPath(context({ env: { PATH: '/usr/bin' } }));
    expect(outcome.done).toBe(true);
    expect(outcome.message).toContain(`is not on your PATH: add the line export PATH="${local()}:$PATH"`);
  });

  it('never replaces a modelwright that is not this app’s', () => {
    fs.mkdirSync(local(), { recursive: true });
    fs.writeFileSync(path.join(local(), 'modelwright'), '#!/bin/sh\necho mine\n');
    const outcome = addCliToPath(context());
    expect(outcome).toMatchObject({ done: false, message: `${path.join(local(), 'modelwright')} exists and is not this app's: rename or remove it, then try again.` });
    expect(fs.readFileSync(path.join(local(), 'modelwright'), 'utf8')).toBe('#!/bin/sh\necho mine\n');
  });

  it('an AppImage gets a script that runs the AppImage itself (its own files vanish when it exits)', () => {
    const outcome = addCliToPath(context({ env: { PATH: local(), APPIMAGE: '/home/ada/Apps/Modelwright-0.2.0.AppImage' } }));
    expect(outcome.done).toBe(true);
    const script = fs.readFileSync(path.join(local(), 'modelwright'), 'utf8');
    expect(script).toBe(`#!/bin/sh\n${SCRIPT_MARK}\nexec "/home/ada/Apps/Modelwright-0.2.0.AppImage" --cli "$@"\n`);
    expect(fs.statSync(path.join(local(), 'modelwright')).mode & 0o111).not.toBe(0);
  });

  it('on Windows, and from a source build, says what to do instead of doing it', () => {
    const windows = addCliToPath(context({ platform: 'win32' }));
    expect(windows).toMatchObject({ done: false, path: null });
    expect(windows.message).toContain(`Add this folder to your Path: ${path.join(resources, 'bin')}`);
    expect(addCliToPath(context({ resources: null })).message).toContain('run "npm link" once');
    expect(addCliToPath(context({ mode: 'headless' })).done).toBe(false);
    expect(fs.existsSync(local())).toBe(false);
  });
});
