/**
 * A TCP proxy in front of the platform, to take a site agent's network away and give it back
 * (`cut()` drops every connection and refuses new ones; `restore()` listens again on the same port).
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { close, listen } from './terminals/http-server.ts';

export class TcpProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private readonly target: { host: string; port: number };
  port = 0;

  constructor(targetUrl: string) {
    const url = new URL(targetUrl);
    this.target = { host: url.hostname, port: Number(url.port) };
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<string> {
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      this.sockets.add(upstream);
      upstream.on('close', () => this.sockets.delete(upstream));
      for (const socket of [client, upstream]) socket.on('error', () => undefined);
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    this.port = await listen(server, this.port, this.sockets);
    this.server = server;
    return this.url;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    await close(server, this.sockets);
  }

  restore(): Promise<string> {
    return this.start();
  }
}
