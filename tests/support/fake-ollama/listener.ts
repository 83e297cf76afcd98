import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * An HTTP listener that can really stop (every open connection destroyed, so clients see
 * ECONNREFUSED or a reset) and start again on the same port: how the fake goes "offline".
 */

type RequestHandler = (req: IncomingMessage, res: ServerResponse, shutdown: AbortSignal) => void | Promise<void>;

export class Listener {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private shutdown = new AbortController();
  private boundPort = 0;

  constructor(
    private readonly handler: RequestHandler,
    private readonly hostname = '127.0.0.1',
  ) {}

  get port(): number {
    return this.boundPort;
  }

  get listening(): boolean {
    return this.server !== null;
  }

  /** Listens on `port` (0: any free port, then that port is kept for later restarts). */
  async start(port = this.boundPort): Promise<number> {
    if (this.server) return this.boundPort;
    const server = createServer((req, res) => {
      void this.handler(req, res, this.shutdown.signal);
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.hostname, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.boundPort = (server.address() as AddressInfo).port;
    return this.boundPort;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    this.shutdown.abort();
    this.shutdown = new AbortController();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await closed;
  }
}
