import { connect, createServer, type Server, type Socket } from 'node:net';
import type { Transform } from 'node:stream';

/**
 * A TCP relay between Updraft and its PostgreSQL server, so that a test can take the network away and give it
 * back: `cut()` refuses new connections and resets every open one (what clients see when the server host goes
 * down), `restore()` listens again on the same port.
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly target: { host: string; port: number },
    public port: number,
    private readonly toTarget: (() => Transform) | undefined,
  ) {}

  /** With `toTarget`, each connection's bytes towards the target pass through a new such transform. */
  static async start(
    target: { host: string; port: number },
    options: { toTarget?: () => Transform } = {},
  ): Promise<TcpProxy> {
    const proxy = new TcpProxy(target, 0, options.toTarget);
    await proxy.restore();
    return proxy;
  }

  /** Rewrites a postgres:// URL to go through this relay. */
  url(databaseUrl: string): string {
    const u = new URL(databaseUrl);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  async restore(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      if (this.toTarget) client.pipe(this.toTarget()).pipe(upstream);
      else client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address && typeof address === 'object') this.port = address.port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.resetAndDestroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async close(): Promise<void> {
    await this.cut();
  }
}
