import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { registrySchema } from '../../src/shared/registry';
import { ensureWorkspace } from '../../src/main/workspace/first-run';
import { resolveModelfilePath, workspaceInfo } from '../../src/main/workspace/paths';
import { bundledTemplateDir } from '../../src/main/workspace/template';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const TEMPLATE = path.join(REPO, 'models');

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-workspace-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function expectRefused(fn: () => unknown, message: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).kind).toBe('validation');
  expect((caught as AppError).message).toMatch(message);
  expect((caught as AppError).issues?.[0]?.path).toBe('modelfile');
}

describe('the bundled workspace', () => {
  const dev = (baseDir: string) => bundledTemplateDir({ packagedResources: null, baseDir });

  it('is found from source and from the built layout (out/main)', () => {
    expect(dev(path.join(REPO, 'src', 'main'))).toBe(TEMPLATE);
    expect(dev(path.join(REPO, 'src', 'main', 'workspace'))).toBe(TEMPLATE);
    expect(dev(path.join(REPO, 'out', 'main'))).toBe(TEMPLATE);
  });

  it('is reported clearly when missing', () => {
    expect(() => dev(path.join(tmp, 'a', 'b'))).toThrow(/bundled example workspace was not found/);
  });

  it('comes from the resources folder when packaged, not from next to the code in the asar', () => {
    const resources = path.join(tmp, 'resources');
    fs.mkdirSync(path.join(resources, 'models'), { recursive: true });
    fs.writeFileSync(path.join(resources, 'models', 'model_settings.json'), '{"models":{}}');
    // The code sits in resources/app.asar/out/main; the repository's models/ must not be picked up
    // even when the packaged code happens to sit inside the repository.
    expect(bundledTemplateDir({ packagedResources: resources, baseDir: path.join(REPO, 'out', 'main') })).toBe(path.join(resources, 'models'));
    expect(() => bundledTemplateDir({ packagedResources: path.join(tmp, 'empty'), baseDir: path.join(REPO, 'out', 'main') })).toThrow(
      /not found; looked in: .*empty.models$/,
    );
  });

  it('never comes from the current directory', () => {
    const cwd = process.cwd();
    process.chdir(REPO);
    try {
      expect(() => dev(path.join(tmp, 'a', 'b'))).toThrow(/not found/);
    } finally {
      process.chdir(cwd);
    }
  });

  it("holds a valid registry in the seed's layout whose Modelfiles exist inside the workspace", () => {
    const text = fs.readFileSync(path.join(TEMPLATE, 'model_settings.json'), 'utf8');
    const json = JSON.parse(text) as unknown;
    expect(`${JSON.stringify(json, null, 2)}\n`).toBe(text);
    const registry = registrySchema.parse(json);
    expect(Object.keys(registry.models)).toEqual(['peteollama:property-manager-v1', 'peteollama:property-manager-v2']);
    expect(registry.models['peteollama:property-manager-v1']?.is_jamie_model).toBe(true);
    for (const entry of Object.values(registry.models)) {
      expect(fs.existsSync(resolveModelfilePath(TEMPLATE, entry.modelfile))).toBe(true);
    }
  });

  it('has Modelfiles whose FROM matches each entry\'s base model', () => {
    const registry = registrySchema.parse(JSON.parse(fs.readFileSync(path.join(TEMPLATE, 'model_settings.json'), 'utf8')));
    for (const entry of Object.values(registry.models)) {
      const modelfile = fs.readFileSync(resolveModelfilePath(TEMPLATE, entry.modelfile), 'utf8');
      expect(modelfile).toMatch(new RegExp(`^FROM ${entry.base_model.replace(/[.:]/g, '\\$&')}$`, 'm'));
    }
  });
});

describe('ensureWorkspace', () => {
  it('creates a workspace from the template on first run', () => {
    const dir = path.join(tmp, 'ws');
    const result = ensureWorkspace(dir, TEMPLATE);
    expect(result.created).toBe(true);
    expect(result.copied.sort()).toEqual(['model_settings.json', 'models/Modelfile.enhanced', 'models/Modelfile.qwen-enhanced']);
    expect(fs.readFileSync(path.join(dir, 'model_settings.json'), 'utf8')).toBe(fs.readFileSync(path.join(TEMPLATE, 'model_settings.json'), 'utf8'));
  });

  it('leaves a workspace that has a registry alone', () => {
    fs.writeFileSync(path.join(tmp, 'model_settings.json'), '{"models":{}}');
    const result = ensureWorkspace(tmp, TEMPLATE);
    expect(result).toEqual({ created: false, copied: [] });
    expect(fs.existsSync(path.join(tmp, 'models'))).toBe(false);
    expect(fs.readFileSync(path.join(tmp, 'model_settings.json'), 'utf8')).toBe('{"models":{}}');
  });

  it('never overwrites a Modelfile the folder already has', () => {
    fs.mkdirSync(path.join(tmp, 'models'));
    fs.writeFileSync(path.join(tmp, 'models', 'Modelfile.enhanced'), 'FROM mine\n');
    const result = ensureWorkspace(tmp, TEMPLATE);
    expect(result.created).toBe(true);
    expect(result.copied).not.toContain('models/Modelfile.enhanced');
    expect(fs.readFileSync(path.join(tmp, 'models', 'Modelfile.enhanced'), 'utf8')).toBe('FROM mine\n');
  });
});

describe('resolveModelfilePath', () => {
  it('resolves a relative path against the workspace', () => {
    expect(resolveModelfilePath(tmp, 'models/Modelfile.x')).toBe(path.join(tmp, 'models', 'Modelfile.x'));
  });

  it('accepts an absolute path inside the workspace', () => {
    const inside = path.join(tmp, 'models', 'Modelfile.x');
    expect(resolveModelfilePath(tmp, inside)).toBe(inside);
  });

  it('refuses .. escapes, even ones that come back in', () => {
    expectRefused(() => resolveModelfilePath(tmp, '../Modelfile'), /leads outside the workspace/);
    expectRefused(() => resolveModelfilePath(tmp, 'models/../../x/Modelfile'), /leads outside the workspace/);
  });

  it('refuses an absolute path outside the workspace', () => {
    expectRefused(() => resolveModelfilePath(tmp, path.join(os.tmpdir(), 'elsewhere', 'Modelfile')), /leads outside the workspace/);
  });

  it('refuses an empty path', () => {
    expectRefused(() => resolveModelfilePath(tmp, '  '), /is empty/);
  });

  it('refuses a symlinked file that leads outside', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-outside-'));
    try {
      fs.writeFileSync(path.join(outside, 'secret'), 'x');
      fs.symlinkSync(path.join(outside, 'secret'), path.join(tmp, 'Modelfile.link'));
      expectRefused(() => resolveModelfilePath(tmp, 'Modelfile.link'), /symbolic link/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses a not-yet-existing file under a symlinked folder that leads outside', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-outside-'));
    try {
      fs.symlinkSync(outside, path.join(tmp, 'models'));
      expectRefused(() => resolveModelfilePath(tmp, 'models/Modelfile.new'), /symbolic link/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('accepts a symlink that stays inside the workspace', () => {
    fs.mkdirSync(path.join(tmp, 'real'));
    fs.writeFileSync(path.join(tmp, 'real', 'Modelfile'), 'FROM x\n');
    fs.symlinkSync(path.join(tmp, 'real'), path.join(tmp, 'models'));
    expect(resolveModelfilePath(tmp, 'models/Modelfile')).toBe(path.join(tmp, 'models', 'Modelfile'));
  });

  it('works when the workspace path itself goes through a symlink', () => {
    const link = path.join(os.tmpdir(), `mw-link-${path.basename(tmp)}`);
    fs.symlinkSync(tmp, link);
    try {
      fs.mkdirSync(path.join(tmp, 'models'));
      fs.writeFileSync(path.join(tmp, 'models', 'Modelfile'), 'FROM x\n');
      expect(resolveModelfilePath(link, 'models/Modelfile')).toBe(path.join(link, 'models', 'Modelfile'));
    } finally {
      fs.unlinkSync(link);
    }
  });
});

describe('workspaceInfo', () => {
  it('names the folder and its registry file', () => {
    expect(workspaceInfo(path.join(tmp, 'my-models'))).toEqual({
      path: path.join(tmp, 'my-models'),
      name: 'my-models',
      registryPath: path.join(tmp, 'my-models', 'model_settings.json'),
    });
  });
});
