import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { callNames, ipcChannel, isEventName, IPC_EVENT_CHANNEL, type Envelope, type PreloadApi } from '../shared/contract';

/**
 * Exposes exactly the contract on `window.api`: one function per call and `subscribe` for
 * events. No ipcRenderer, no Node, nothing else reaches the page.
 */
const api: PreloadApi = {
  calls: Object.fromEntries(
    callNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input) as Promise<Envelope>]),
  ) as PreloadApi['calls'],
  subscribe(event, listener) {
    if (!isEventName(event)) throw new Error(`Unknown event "${String(event)}"`);
    const onMessage = (_e: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, onMessage);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, onMessage);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
