import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { callNames, ipcChannel, IPC_EVENT_CHANNEL, type EventName, type EventPayload, type Handlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { EventBus } from '../events';
import { dispatchCall } from '../rpc/dispatch';

type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** Registers one handler per contract call; every call checks its sender before anything else. */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  handlers: Handlers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  log: (line: string) => void = (line) => console.error(`[ipc] ${line}`),
): () => void {
  for (const name of callNames) {
    ipcMain.handle(ipcChannel(name), async (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: new AppError('forbidden', 'This window may not call the app').toData() };
      }
      return dispatchCall(handlers, name, input, log);
    });
  }
  return () => {
    for (const name of callNames) ipcMain.removeHandler(ipcChannel(name));
  };
}

/** Forwards every bus event to the window; stops when the window is gone. */
export function forwardEvents(bus: EventBus, webContents: Pick<WebContents, 'send' | 'isDestroyed'>): () => void {
  return bus.subscribe((event, payload) => {
    if (!webContents.isDestroyed()) webContents.send(IPC_EVENT_CHANNEL, event, payload);
  });
}

/** Sends one contract event to one window (menu commands are for the window, not every transport). */
export function sendEvent<E extends EventName>(webContents: Pick<WebContents, 'send' | 'isDestroyed'>, event: E, payload: EventPayload<E>): void {
  if (!webContents.isDestroyed()) webContents.send(IPC_EVENT_CHANNEL, event, payload);
}
