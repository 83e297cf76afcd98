import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { addHost, EMPTY_HOSTS_CONFIG, rememberHosts, removeHost, setPrimary, updateHost, type HostsConfig } from '../../../src/shared/hosts/host-list';

const LOCAL = 'http://127.0.0.1:11434';
const two: HostsConfig = { primary: { name: 'local', url: null }, others: [{ name: 'gpu', url: 'gpu-box' }] };

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('host list rules', () => {
  it('adds a host with its URL as typed, read with Ollama rules for the checks', () => {
    expect(addHost(EMPTY_HOSTS_CONFIG, { name: 'gpu', url: ' gpu-box ' }, LOCAL).others).toEqual([{ name: 'gpu', url: 'gpu-box' }]);
  });

  it('refuses a name used already, in any case, and says which', () => {
    const error = errorOf(() => addHost(two, { name: 'GPU', url: 'other:11434' }, LOCAL));
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain('"gpu"');
    expect(errorOf(() => addHost(two, { name: 'Local', url: 'other' }, LOCAL)).kind).toBe('conflict');
  });

  it('refuses a URL Ollama would not read, with the reason', () => {
    const error = errorOf(() => addHost(two, { name: 'x', url: 'ftp://box' }, LOCAL));
    expect(error.kind).toBe('validation');
    expect(error.message).toMatch(/http:\/\/ or https:\/\//);
    expect(errorOf(() => addHost(two, { name: 'x', url: 'box:99999' }, LOCAL)).message).toMatch(/port/);
    expect(errorOf(() => addHost(two, { name: 'x', url: '  ' }, LOCAL)).issues?.[0]?.path).toBe('url');
  });

  it('refuses a bad name', () => {
    expect(errorOf(() => addHost(two, { name: 'gpu box', url: 'x' }, LOCAL)).issues?.[0]?.path).toBe('name');
  });

  it('refuses a second entry for the same server (same URL by Ollama rules, the primary included)', () => {
    expect(errorOf(() => addHost(two, { name: 'x', url: 'http://gpu-box:11434' }, LOCAL)).message).toContain('"gpu"');
    expect(errorOf(() => addHost(two, { name: 'x', url: '0.0.0.0' }, LOCAL)).message).toContain('"local"');
  });

  it('renames and moves a host; renames the primary; clears the primary URL but never another host URL', () => {
    const renamed = updateHost(two, { name: 'GPU', rename: 'gpu2', url: 'gpu-box2' }, LOCAL);
    expect(renamed.others).toEqual([{ name: 'gpu2', url: 'gpu-box2' }]);
    expect(updateHost(two, { name: 'local', rename: 'laptop' }, LOCAL).primary).toEqual({ name: 'laptop', url: null });
    const moved = updateHost(two, { name: 'local', url: 'http://10.0.0.2:11434' }, LOCAL);
    expect(updateHost(moved, { name: 'local', url: null }, LOCAL).primary.url).toBeNull();
    expect(errorOf(() => updateHost(two, { name: 'gpu', url: null }, LOCAL)).kind).toBe('validation');
    expect(errorOf(() => updateHost(two, { name: 'gpu', rename: 'LOCAL' }, LOCAL)).kind).toBe('conflict');
    // Keeping its own name in another case is fine.
    expect(updateHost(two, { name: 'gpu', rename: 'GPU' }, LOCAL).others[0]?.name).toBe('GPU');
    expect(errorOf(() => updateHost(two, { name: 'nope', rename: 'x' }, LOCAL)).message).toContain('Hosts: local, gpu');
  });

  it('removes a host but never the primary', () => {
    expect(removeHost(two, 'Gpu').others).toEqual([]);
    const error = errorOf(() => removeHost(two, 'local'));
    expect(error.message).toMatch(/primary host and cannot be removed/);
    expect(errorOf(() => removeHost(two, 'nope')).kind).toBe('not_found');
  });

  it('making another host primary swaps: its URL becomes the primary, the old primary an ordinary host at the URL it used', () => {
    expect(setPrimary(two, 'gpu', LOCAL)).toEqual({ primary: { name: 'gpu', url: 'gpu-box' }, others: [{ name: 'local', url: LOCAL }] });
    const set: HostsConfig = { primary: { name: 'local', url: 'laptop:11434' }, others: [{ name: 'gpu', url: 'gpu-box' }] };
    expect(setPrimary(set, 'gpu', 'http://laptop:11434').others).toEqual([{ name: 'local', url: 'laptop:11434' }]);
    expect(setPrimary(two, 'local', LOCAL)).toBe(two);
  });
});

describe('hosts from a command line', () => {
  it('adds new names, moves known ones, leaves unchanged ones alone, and refuses the primary name', () => {
    const next = rememberHosts(two, [{ name: 'GPU', url: 'gpu-box:11434' }, { name: 'ci', url: 'ci-box' }], LOCAL);
    expect(next.others).toEqual([{ name: 'gpu', url: 'gpu-box' }, { name: 'ci', url: 'ci-box' }]);
    expect(rememberHosts(two, [{ name: 'gpu', url: 'gpu2' }], LOCAL).others).toEqual([{ name: 'gpu', url: 'gpu2' }]);
    expect(errorOf(() => rememberHosts(two, [{ name: 'local', url: 'x' }], LOCAL)).message).toMatch(/--ollama/);
  });
});
