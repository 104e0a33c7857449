/** A small HTTP server for the terminal simulators: start on a free port, stop, go down and come back. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Server as NetServer, Socket } from 'node:net';

export type Handler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => Promise<void> | void;

/** Largest request body a simulated terminal reads. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export class SimulatedServer {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private readonly handler: Handler;
  port = 0;
  /** Milliseconds every answer is held back (a slow terminal). */
  delayMs = 0;

  constructor(handler: Handler) {
    this.handler = handler;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Listens (on the same port again after `down()`). */
  async start(): Promise<string> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      });
      req.on('end', () => {
        const run = async () => {
          if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
          if (size > MAX_BODY_BYTES) {
            res.writeHead(413, { 'content-type': 'text/plain' }).end('Request Entity Too Large');
            return;
          }
          await this.handler(req, Buffer.concat(chunks), res);
        };
        run().catch((error: unknown) => {
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(error));
        });
      });
    });
    this.port = await listen(server, this.port, this.sockets);
    this.server = server;
    return this.url;
  }

  /** Stops listening and drops every connection: the terminal is off the network. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    await close(server, this.sockets);
  }

  stop(): Promise<void> {
    return this.down();
  }
}

/**
 * Listens on `port` (0: any) on 127.0.0.1, tracking connections in `sockets`; resolves with the port.
 * @example this.port = await listen(server, this.port, this.sockets);
 */
export async function listen(server: NetServer, port: number, sockets: Set<Socket>): Promise<number> {
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
}

/** Drops every connection in `sockets` and stops `server` listening. */
export async function close(server: NetServer | null, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** What both simulated terminals share: their HTTP server, up and down; `handle` answers a request. */
export class SimulatedTerminal {
  protected readonly server: SimulatedServer;

  constructor() {
    this.server = new SimulatedServer((req, body, res) => this.handle(req, body, res));
  }

  protected handle(_req: IncomingMessage, _body: Buffer, res: ServerResponse): Promise<void> | void {
    res.writeHead(501).end();
  }

  get url(): string {
    return this.server.url;
  }

  start(): Promise<string> {
    return this.server.start();
  }

  /** Off the network (connections dropped, nothing listening) until `start()` again. */
  down(): Promise<void> {
    return this.server.down();
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  /** Milliseconds every answer is held back (a slow terminal). */
  set delayMs(ms: number) {
    this.server.delayMs = ms;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
}
