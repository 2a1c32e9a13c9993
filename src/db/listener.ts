import { loadPg } from './pg.js';

/** One LISTEN connection to a PostgreSQL server. */
export interface Listener {
  close(): Promise<void>;
}

export interface ListenHandlers {
  /** A NOTIFY on the channel, with its payload. */
  notify(payload: string): void;
  /** The connection broke after it was established; the listener is closed and hears nothing more. */
  lost(err: Error): void;
}

/** Opens a dedicated connection and LISTENs on `channel`; rejects if either step fails. */
export async function listenOn(
  databaseUrl: string,
  channel: string,
  handlers: ListenHandlers,
): Promise<Listener> {
  const client = new (loadPg().Client)({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  let open = false;
  const lose = (err: Error) => {
    if (!open) return;
    open = false;
    client.end().catch(() => {});
    handlers.lost(err);
  };
  client.on('notification', (msg) => {
    if (msg.channel === channel && msg.payload) handlers.notify(msg.payload);
  });
  client.on('error', lose);
  client.on('end', () => lose(new Error('the connection was closed')));
  try {
    await client.connect();
    await client.query(`LISTEN ${channel}`);
  } catch (err) {
    await client.end().catch(() => {});
    throw err;
  }
  open = true;
  return {
    close: async () => {
      open = false;
      await client.end().catch(() => {});
    },
  };
}
