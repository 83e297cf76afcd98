import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { installCrashReports, type CrashDialogOptions } from '../../src/main/desktop/crash-reports';

function setup(response = 1) {
  const proc = new EventEmitter();
  const lines: string[] = [];
  const dialogs: CrashDialogOptions[] = [];
  const openLogFolder = vi.fn();
  const report = installCrashReports(
    {
      log: (entry) => lines.push(entry),
      logFile: '/home/u/.config/Modelwright/logs/main.log',
      showDialog: async (options) => {
        dialogs.push(options);
        return { response };
      },
      openLogFolder,
    },
    proc as never,
  );
  return { proc, lines, dialogs, openLogFolder, report };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('crash reports in the desktop main process', () => {
  it('log every uncaught exception and unhandled rejection with its stack, and keep the process alive', () => {
    const { proc, lines } = setup();
    expect(proc.listenerCount('uncaughtException')).toBe(1);
    expect(proc.listenerCount('unhandledRejection')).toBe(1);
    proc.emit('uncaughtException', new RangeError('boom'));
    proc.emit('unhandledRejection', new TypeError('nope'));
    proc.emit('unhandledRejection', 'a plain string');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\[bug\] an uncaught exception .*RangeError: boom\n\s+at /);
    expect(lines[1]).toMatch(/unhandled promise rejection.*TypeError: nope/);
    expect(lines[2]).toMatch(/a plain string$/);
  });

  it('show one dialog however many errors follow, naming the log file and saying nothing was sent', async () => {
    const { proc, dialogs } = setup();
    proc.emit('uncaughtException', new Error('first'));
    proc.emit('uncaughtException', new Error('second'));
    proc.emit('unhandledRejection', new Error('third'));
    await settle();
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]).toMatchObject({ type: 'error', buttons: ['Open Log Folder', 'OK'], cancelId: 1, defaultId: 1 });
    expect(dialogs[0]?.detail).toContain('/home/u/.config/Modelwright/logs/main.log');
    expect(dialogs[0]?.detail).toContain('Nothing was sent anywhere.');
    // No internal words in what the user reads: the error itself is in the log.
    expect(`${dialogs[0]?.message} ${dialogs[0]?.detail}`).not.toMatch(/first|stack|exception|rejection/i);
  });

  it('opens the log folder when asked from the dialog, and not otherwise', async () => {
    const declined = setup(1);
    declined.proc.emit('uncaughtException', new Error('x'));
    await settle();
    expect(declined.openLogFolder).not.toHaveBeenCalled();
    const accepted = setup(0);
    accepted.proc.emit('uncaughtException', new Error('x'));
    await settle();
    expect(accepted.openLogFolder).toHaveBeenCalledTimes(1);
  });

  it('a log that throws does not stop the dialog nor loop', async () => {
    const proc = new EventEmitter();
    const showDialog = vi.fn(async () => ({ response: 1 }));
    installCrashReports({ log: () => { throw new Error('disk full'); }, logFile: 'f', showDialog, openLogFolder: () => {} }, proc as never);
    proc.emit('uncaughtException', new Error('x'));
    await settle();
    expect(showDialog).toHaveBeenCalledTimes(1);
  });
});
