import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliCommand } from '../../src/main/cli/cli-command';
import { cliMain, cliUsage, COMMANDS } from '../../src/main/cli/cli-main';
import { parseCommandArgs, UsageError } from '../../src/main/cli/command-args';

/** The command line's argument parsing and dispatch, in-process: no services are built here. */

const USAGE = 'Usage: modelwright thing NAME';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), errIsTty: false, env: {}, appVersion: '0' },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('parseCommandArgs', () => {
  it('reads the shared options and the command own ones', () => {
    const parsed = parseCommandArgs(['n1', '--workspace', 'ws', '--host', 'gpu-box', '--json', '--yes', '--data-dir', '/d'], {}, {
      usage: USAGE,
      required: ['NAME'],
      options: { yes: { type: 'boolean' } },
    });
    expect(parsed).toEqual({
      common: { workspace: path.resolve('ws'), host: 'gpu-box', json: true, dataDir: '/d' },
      values: expect.objectContaining({ yes: true }),
      positionals: ['n1'],
    });
  });

  it('defaults to no workspace, no host, text output and the XDG settings folder', () => {
    const parsed = parseCommandArgs([], { XDG_CONFIG_HOME: '/cfg' }, { usage: USAGE });
    expect(parsed).toEqual({ common: { workspace: null, host: null, json: false, dataDir: '/cfg/modelwright' }, values: {}, positionals: [] });
  });

  it('answers help for --help and -h, whatever else is given', () => {
    expect(parseCommandArgs(['--help'], {}, { usage: USAGE, required: ['NAME'] })).toBe('help');
    expect(parseCommandArgs(['-h', '--json'], {}, { usage: USAGE })).toBe('help');
  });

  it.each([
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [[], /Missing NAME\./],
    [['a', 'b'], /Unexpected argument "b"\./],
    [['a', '--host', 'ftp://x'], /--host "ftp:\/\/x" is neither a host name nor an Ollama address: "ftp:\/\/" is not supported: use http:\/\/ or https:\/\//],
    [['a', '--host', 'box:99999'], /port "99999" must be a number from 1 to 65535/],
    [['a', '--host', ''], /--host needs a host name or an Ollama address\./],
    [['a', '--workspace'], /argument missing/],
  ])('%j is a usage error that says what is wrong and carries the usage', (argv, message) => {
    let thrown: unknown;
    try {
      parseCommandArgs(argv, {}, { usage: USAGE, required: ['NAME'] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).message).toMatch(message);
    expect((thrown as UsageError).usage).toBe(USAGE);
  });

  it('takes a host as OLLAMA_HOST does: a bare name, an address with a port, a URL with a path', () => {
    for (const host of ['gpu-box', '0.0.0.0:11434', 'https://example.com/ollama', '[::1]:11434']) {
      expect(parseCommandArgs(['--host', host], {}, { usage: USAGE })).toMatchObject({ common: { host } });
    }
  });
});

describe('cliMain dispatch', () => {
  it('lists every command in the top-level usage', () => {
    const usage = cliUsage();
    for (const name of ['list', 'status', 'create', 'pull', 'export', 'import', 'eval', 'serve']) expect(usage).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    expect(usage).toContain('0 done or nothing to do, 1 failed, 2 bad input');
  });

  it('exits 2 with the usage for an unknown command, and for no command at all', async () => {
    const c = capture();
    expect(await cliMain(['frobnicate'], c.io)).toBe(2);
    expect(c.err()).toContain('modelwright: Unknown command "frobnicate".');
    expect(c.err()).toContain('Usage: modelwright <command>');
    const none = capture();
    expect(await cliMain([], none.io)).toBe(2);
    expect(none.err()).toContain('Usage: modelwright <command>');
  });

  it('exits 2 for a bad flag, saying what is wrong, then the command usage', async () => {
    const c = capture();
    expect(await cliMain(['list', '--frobnicate'], c.io)).toBe(2);
    expect(c.err()).toMatch(/^modelwright list: Unknown option '--frobnicate'/);
    expect(c.err()).toContain('Usage: modelwright list');
    expect(c.out()).toBe('');
  });

  it.each(COMMANDS.map((c) => c.name))('"%s --help" prints its usage and exits 0', async (name) => {
    const c = capture();
    expect(await cliMain([name, '--help'], c.io)).toBe(0);
    expect(c.out()).toMatch(new RegExp(`^Usage: modelwright ${name}`));
  });

  it('serve --help shows the flags of npm run serve', async () => {
    const c = capture();
    await cliMain(['serve', '--help'], c.io);
    for (const flag of ['--workspace DIR', '--ollama URL', '--port N', '--host ADDR', '--token T', '--allow-workspace-switch', '--ollama-stall-timeout S']) {
      expect(c.out()).toContain(flag);
    }
  });

  it('maps what a command throws to exit statuses: bad input 2, failure 1 (or the command own), a bug 1 with its stack', async () => {
    const { AppError } = await import('../../src/shared/errors');
    const command = (error: unknown, failureExit?: number): CliCommand => ({
      name: 'thing',
      synopsis: '',
      summary: '',
      usage: USAGE,
      ...(failureExit === undefined ? {} : { failureExit }),
      run: () => Promise.reject(error),
    });
    const run = async (error: unknown, failureExit?: number) => {
      const c = capture();
      return { status: await cliMain(['thing'], c.io, '/', [command(error, failureExit)]), err: c.err() };
    };
    expect(await run(new UsageError('Missing NAME.', USAGE))).toEqual({ status: 2, err: `modelwright thing: Missing NAME.\n\n${USAGE}\n` });
    expect(await run(new AppError('validation', 'not a workspace'))).toEqual({ status: 2, err: 'modelwright thing: not a workspace\n' });
    expect(await run(new AppError('offline', 'Ollama is not reachable'))).toEqual({ status: 1, err: 'modelwright thing: Ollama is not reachable\n' });
    expect((await run(new AppError('offline', 'x'), 2)).status).toBe(2);
    const bug = await run(new TypeError('boom'));
    expect(bug.status).toBe(1);
    expect(bug.err).toContain('TypeError: boom');
  });
});

describe('eval keeps its own arguments', () => {
  it('takes --host as the other commands do, beside its --ollama-host, but not both', async () => {
    const { parseEvalArgs } = await import('../../src/main/cli/eval-args');
    expect(parseEvalArgs(['bot', '--host', 'gpu-box'], {})).toMatchObject({ family: 'bot', ollamaHost: 'gpu-box' });
    expect(parseEvalArgs(['bot', '--ollama-host', 'gpu-box'], {})).toMatchObject({ ollamaHost: 'gpu-box' });
    expect(() => parseEvalArgs(['bot', '--host', 'a', '--ollama-host', 'b'], {})).toThrow('Give --ollama-host or --host, not both.');
  });
});
