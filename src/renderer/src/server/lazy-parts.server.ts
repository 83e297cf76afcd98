import type { ComponentType } from 'react';

/*
 * What the server build has in place of ../lazy-parts (electron.vite.config.ts swaps it in): the
 * first page is the Models list, which needs none of the chat, the editor, Evaluate or Hosts, so
 * the server carries none of their code. Rendering one is a mistake the first page's writer
 * catches: it serves the plain page instead.
 */
function notOnTheServer(part: string): ComponentType {
  return function NotRenderedOnTheServer() {
    throw new Error(`${part} is not part of the server-rendered first page`);
  };
}

export const ChatPage = notOnTheServer('The chat');
export const EvaluatePage = notOnTheServer('Evaluate');
export const HostsPage = notOnTheServer('Hosts');
export const ModelfileWorkbench = notOnTheServer('The Modelfile editor');
