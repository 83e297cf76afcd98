// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { CrashDialog } from '../../src/renderer/src/components/frame/CrashDialog';
import { watchPageErrors } from '../../src/renderer/src/crash-watch';
import { MAX_REPORTS_PER_PAGE } from '../../src/renderer/src/store/crash-slice';
import { AppError } from '../../src/shared/errors';
import { FakeClient } from './support/fake-client';
import { appInfo } from './support/fixtures';
import { renderWithStore } from './support/render';

let stopWatching: (() => void) | null = null;
afterEach(() => {
  stopWatching?.();
  stopWatching = null;
});

function setup(logFolder: string | null = '/home/u/.config/Modelwright/logs', mode: 'desktop' | 'headless' = 'desktop') {
  const client = new FakeClient({ 'app.reportError': () => ({ logged: true, logFolder }) });
  const rendered = renderWithStore(<CrashDialog />, { appInfo: { ...appInfo, mode } }, client);
  stopWatching = watchPageErrors(window, (report) => void rendered.store.getState().reportCrash(report));
  return rendered;
}

function throwUncaught(error: unknown) {
  act(() => {
    window.dispatchEvent(new ErrorEvent('error', { error, message: String(error), filename: 'app://modelwright/assets/index.js', lineno: 3, colno: 7 }));
  });
}
function rejectUnhandled(reason: unknown) {
  act(() => {
    const event = new Event('unhandledrejection') as Event & { reason: unknown };
    event.reason = reason;
    window.dispatchEvent(event);
  });
}

describe('uncaught errors in the page', () => {
  it('are sent to the log with their stack and where they were thrown', async () => {
    const { client } = setup();
    const error = new TypeError('x is undefined');
    throwUncaught(error);
    await waitFor(() => expect(client.callsTo('app.reportError')).toHaveLength(1));
    expect(client.callsTo('app.reportError')[0]).toEqual({
      kind: 'error',
      message: 'TypeError: x is undefined',
      stack: error.stack,
      source: 'app://modelwright/assets/index.js:3:7',
    });
    rejectUnhandled(new Error('nope'));
    await waitFor(() => expect(client.callsTo('app.reportError')).toHaveLength(2));
    expect(client.callsTo('app.reportError')[1]).toMatchObject({ kind: 'unhandledrejection', message: 'Error: nope' });
  });

  it('open the dialog once, naming the log folder; later errors are logged without another dialog', async () => {
    const user = userEvent.setup();
    const { client } = setup();
    throwUncaught(new Error('first'));
    const dialog = await screen.findByRole('dialog', { name: 'Something went wrong' });
    expect(within(dialog).getByTestId('crash-log-folder').textContent).toBe('/home/u/.config/Modelwright/logs');
    expect(dialog.textContent).toContain('Nothing was sent anywhere.');
    expect(dialog.textContent).toContain('quit and start it again');
    expect(dialog.textContent).not.toContain('first');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    rejectUnhandled(new Error('second'));
    await waitFor(() => expect(client.callsTo('app.reportError')).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it("in a browser (headless), point at the server's output and suggest a reload", async () => {
    setup(null, 'headless');
    throwUncaught(new Error('x'));
    const dialog = await screen.findByRole('dialog', { name: 'Something went wrong' });
    expect(dialog.textContent).toContain('output of the Modelwright server');
    expect(dialog.textContent).toContain('reload the page');
  });

  it('when the report cannot be delivered, the dialog still shows and says so', async () => {
    const { client } = setup();
    client.handlers['app.reportError'] = () => {
      throw new AppError('internal', 'gone');
    };
    throwUncaught(new Error('x'));
    const dialog = await screen.findByRole('dialog', { name: 'Something went wrong' });
    expect(dialog.textContent).toContain('could not be written to the log');
  });

  it(`send at most ${MAX_REPORTS_PER_PAGE} a page load (an error in a loop does not flood the log)`, async () => {
    const { client } = setup();
    for (let i = 0; i < MAX_REPORTS_PER_PAGE + 10; i++) rejectUnhandled(new Error(`loop ${i}`));
    await waitFor(() => expect(client.callsTo('app.reportError')).toHaveLength(MAX_REPORTS_PER_PAGE));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.callsTo('app.reportError')).toHaveLength(MAX_REPORTS_PER_PAGE);
  });
});
