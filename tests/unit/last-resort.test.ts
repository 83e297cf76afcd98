import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installLastResortHandlers } from '../../src/main/headless/last-resort';

describe('the headless last-resort handlers', () => {
  it('log an unhandled rejection and an uncaught exception with their stacks, and do not exit', () => {
    const proc = new EventEmitter();
    const lines: string[] = [];
    installLastResortHandlers((line) => lines.push(line), proc as never);
    // Without a listener, Node ends the process on either event; with one, it goes on.
    expect(proc.listenerCount('unhandledRejection')).toBe(1);
    expect(proc.listenerCount('uncaughtException')).toBe(1);
    proc.emit('unhandledRejection', new TypeError("Cannot read properties of undefined (reading 'trim')"));
    proc.emit('uncaughtException', new RangeError('boom'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/unhandled promise rejection.*reading 'trim'[\s\S]*at /);
    expect(lines[1]).toMatch(/uncaught exception.*RangeError: boom/);
  });
});
