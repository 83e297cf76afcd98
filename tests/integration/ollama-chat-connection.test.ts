import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { streamOllamaChat } from '../../src/main/chat/ollama-chat';
import { evalChat } from '../../src/main/evals/eval-chat';
import { createOllamaLink } from '../../src/main/ollama/ollama-link';
import { AppError } from '../../src/shared/errors';

/**
 * How the chat readers treat the HTTP connection under them, against real sockets: a reply is
 * read to the end of its body, so the next chat reuses the connection (cancelling the body after
 * the final chunk closed it: a new connection per case of an evaluation); and a redirect is never
 * followed, so a prompt is not re-sent to wherever a proxy points.
 */

interface Server {
  url: string;
  connections: () => number;
  requests: () => number;
  close: () => Promise<void>;
}

async function listen(handle: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<Server> {
  let connections = 0;
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    handle(req, res);
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => connections,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Ollama's chat stream, with the end of the body a little after the final chunk (a busy server). */
function slowEndingChat(req: http.IncomingMessage, res: http.ServerResponse): void {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    for (const word of ['Hel', 'lo']) res.write(`${JSON.stringify({ message: { role: 'assistant', content: word }, done: false })}\n`);
    res.write(`${JSON.stringify({ message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop', eval_count: 2, eval_duration: 1_000_000 })}\n`);
    setTimeout(() => res.end(), 20);
  });
}

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function server(handle: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<Server> {
  const started = await listen(handle);
  servers.push(started);
  return started;
}

const CHATS = 6;
const request = { messages: [{ role: 'user' as const, content: 'hi' }], options: { temperature: 0 }, think: false };

describe('the chat readers keep the connection', () => {
  it('the chat streamer reads each reply to its end, so chats share a connection', async () => {
    const ollama = await server(slowEndingChat);
    const link = createOllamaLink(ollama.url);
    for (let i = 0; i < CHATS; i++) {
      const events = [];
      for await (const event of streamOllamaChat(link.host, { model: 'm', ...request }, { signal: new AbortController().signal, fetch: link.fetch })) events.push(event);
      expect(events.map((event) => event.type)).toEqual(['delta', 'delta', 'done']);
    }
    // One, or two when the next request leaves before the pool has the first socket back.
    expect(ollama.connections()).toBeLessThanOrEqual(2);
  });

  it('the evaluation reader reads each reply to its end, so cases share a connection', async () => {
    const ollama = await server(slowEndingChat);
    const link = createOllamaLink(ollama.url);
    for (let i = 0; i < CHATS; i++) {
      const answer = await evalChat(link, { model: 'm', request }, new AbortController().signal);
      expect(answer).toMatchObject({ output: 'Hello', outputTokens: 2, doneReason: 'stop' });
    }
    expect(ollama.connections()).toBeLessThanOrEqual(2);
  });

  it('a connection lost after the final chunk still leaves a whole answer', async () => {
    const ollama = await server((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
        res.write(`${JSON.stringify({ message: { role: 'assistant', content: 'Hi' }, done: true, eval_count: 1 })}\n`, () => setTimeout(() => res.destroy(), 10));
      });
    });
    const link = createOllamaLink(ollama.url);
    const answer = await evalChat(link, { model: 'm', request }, new AbortController().signal);
    expect(answer.output).toBe('Hi');
    const events = [];
    for await (const event of streamOllamaChat(link.host, { model: 'm', ...request }, { signal: new AbortController().signal, fetch: link.fetch })) events.push(event);
    expect(events.map((event) => event.type)).toEqual(['delta', 'done']);
  });
});

describe('a redirect from the Ollama address', () => {
  it('is not followed by a streamed request, and says to set the address Ollama answers on', async () => {
    const elsewhere = await server(slowEndingChat);
    const proxy = await server((req, res) => {
      req.resume();
      res.writeHead(307, { Location: `${elsewhere.url}/api/chat` });
      res.end();
    });
    const link = createOllamaLink(proxy.url);
    const chat = async () => {
      for await (const event of streamOllamaChat(link.host, { model: 'm', ...request }, { signal: new AbortController().signal, fetch: link.fetch })) void event;
    };
    const error = await chat().then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('ollama');
    expect((error as AppError).message).toMatch(/answered \/api\/chat with a redirect.*Set the host in Settings/);
    await expect(evalChat(link, { model: 'm', request }, new AbortController().signal)).rejects.toThrow(/with a redirect/);
    expect(proxy.requests()).toBe(2);
    expect(elsewhere.requests()).toBe(0);
  });
});
