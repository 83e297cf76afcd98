import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../src/main/events';
import { offlineSync, startServer, TOKEN, type TestServer } from './http-fixtures';

/** Counts live subscriptions, so a test can see the stream unsubscribe when the client leaves. */
class CountingBus extends EventBus {
  live = 0;
  override subscribe(listener: Parameters<EventBus['subscribe']>[0]): () => void {
    this.live += 1;
    const unsubscribe = super.subscribe(listener);
    return () => {
      this.live -= 1;
      unsubscribe();
    };
  }
}

interface Stream {
  req: ClientRequest;
  res: IncomingMessage;
  /** Resolves with everything received so far once it contains `text`. */
  waitFor(text: string): Promise<string>;
}

function openStream(server: TestServer): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/events',
        headers: { host: `127.0.0.1:${server.port}`, authorization: `Bearer ${TOKEN}` },
        agent: false,
      },
      (res) => {
        let received = '';
        const waiters: { text: string; resolve: (all: string) => void }[] = [];
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          received += chunk;
          for (const waiter of waiters.filter((w) => received.includes(w.text))) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(received);
          }
        });
        res.on('error', () => undefined);
        resolve({
          req,
          res,
          waitFor: (text) =>
            received.includes(text) ? Promise.resolve(received) : new Promise((done) => waiters.push({ text, resolve: done })),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('GET /events', () => {
  it('streams an event emitted on the bus as server-sent events, after a retry hint', async () => {
    server = await startServer();
    const stream = await openStream(server);
    expect(stream.res.statusCode).toBe(200);
    expect(stream.res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.res.headers['cache-control']).toBe('no-store');
    await stream.waitFor('retry: ');

    server.bus.emit('sync.changed', offlineSync);
    const frame = `event: sync.changed\ndata: ${JSON.stringify(offlineSync)}\n\n`;
    expect(await stream.waitFor(frame)).toContain(frame);
    stream.req.destroy();
  });

  it('unsubscribes from the bus when the client goes away', async () => {
    const bus = new CountingBus();
    server = await startServer({ bus });
    const stream = await openStream(server);
    await stream.waitFor('retry: ');
    expect(bus.live).toBe(1);
    stream.req.destroy();
    await until(() => bus.live === 0);
  });

  it('sends a ping comment at the configured interval', async () => {
    server = await startServer({ pingIntervalMs: 20 });
    const stream = await openStream(server);
    await stream.waitFor(': ping\n\n');
    stream.req.destroy();
  });

  it('ends open streams when the server closes', async () => {
    const bus = new CountingBus();
    server = await startServer({ bus });
    const stream = await openStream(server);
    await stream.waitFor('retry: ');
    const ended = new Promise<void>((resolve) => stream.res.once('end', resolve));
    await server.close();
    await ended;
    expect(bus.live).toBe(0);
    server = undefined;
  });
});
