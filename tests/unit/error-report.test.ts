import { describe, expect, it } from 'vitest';
import { errorReportHandler, formatErrorReport, REPORTS_PER_MINUTE } from '../../src/main/error-reports/report-handler';
import { reportGate } from '../../src/main/error-reports/report-gate';
import { calls } from '../../src/shared/contract';
import { ERROR_REPORT_LIMITS, errorReportOf } from '../../src/shared/error-report';

const input = calls['app.reportError'].input;

describe('renderer error reports', () => {
  it('are validated and size-capped at the boundary: a huge message or an unknown field is refused, naming it', () => {
    expect(input.safeParse({ kind: 'error', message: 'x'.repeat(ERROR_REPORT_LIMITS.message + 1) }).error?.issues[0]?.path).toEqual(['message']);
    expect(input.safeParse({ kind: 'error', message: 'm', stack: 's'.repeat(ERROR_REPORT_LIMITS.stack + 1) }).error?.issues[0]?.path).toEqual(['stack']);
    expect(input.safeParse({ kind: 'error', message: 'm', url: 'https://x' }).success).toBe(false);
    expect(input.safeParse({ kind: 'crash', message: 'm' }).success).toBe(false);
    expect(input.parse({ kind: 'unhandledrejection', message: 'm' })).toEqual({ kind: 'unhandledrejection', message: 'm', stack: null, source: null });
  });

  it('are made from what the page saw, cut to the limits so they are never refused for size', () => {
    const error = new TypeError('y'.repeat(5_000));
    const report = errorReportOf('error', error, 'app://modelwright/assets/index.js:1:2');
    expect(input.safeParse(report).success).toBe(true);
    expect(report.message.startsWith('TypeError: yyy')).toBe(true);
    expect(report.message.endsWith('… (cut)')).toBe(true);
    expect(errorReportOf('unhandledrejection', { code: 42 })).toMatchObject({ message: '{"code":42}', stack: null });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(errorReportOf('unhandledrejection', cyclic).message).toBe('[object Object]');
  });

  it('go to the log with their stack, control characters made harmless, and say where the log is', async () => {
    const lines: string[] = [];
    const handle = errorReportHandler({ write: (entry) => lines.push(entry), folder: '/home/u/.config/Modelwright/logs' });
    const outcome = await handle({ kind: 'error', message: 'TypeError: boom\u001b[2J', stack: 'TypeError: boom\u001b[2J\n    at render (app.js:1:2)', source: 'app.js:1:2' });
    expect(outcome).toEqual({ logged: true, logFolder: '/home/u/.config/Modelwright/logs' });
    expect(lines).toEqual(['[renderer] an uncaught error: TypeError: boom?[2J\n  at app.js:1:2\n    at render (app.js:1:2)']);
  });

  it(`log at most ${REPORTS_PER_MINUTE} a minute, then a count of what was left out`, async () => {
    let now = 0;
    const lines: string[] = [];
    const handle = errorReportHandler({ write: (entry) => lines.push(entry), folder: null }, () => now);
    const report = { kind: 'unhandledrejection' as const, message: 'again', stack: null, source: null };
    const outcomes = [];
    for (let i = 0; i < REPORTS_PER_MINUTE + 5; i++) outcomes.push(await handle(report));
    expect(outcomes.filter((o) => o.logged)).toHaveLength(REPORTS_PER_MINUTE);
    expect(lines).toHaveLength(REPORTS_PER_MINUTE);
    now = 60_000;
    await handle(report);
    expect(lines.slice(-2)).toEqual(['[renderer] 5 more errors came too fast to log', formatErrorReport(report)]);
  });

  it('the gate starts a new window after its length', () => {
    const gate = reportGate(2, 1_000);
    expect([gate.admit(0), gate.admit(10), gate.admit(20)].map((r) => r.admitted)).toEqual([true, true, false]);
    expect(gate.admit(999).admitted).toBe(false);
    expect(gate.admit(1_000)).toEqual({ admitted: true, dropped: 2 });
  });
});
