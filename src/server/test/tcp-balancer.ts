import net from 'node:net';

export interface TcpBalancer {
  /** Where clients connect: `http://127.0.0.1:<port>`. */
  url: string;
  /** Every connection made so far, with the backend port it was sent to. */
  routed: { backend: number; at: number }[];
  close(): Promise<void>;
}

/**
 * A TCP failover proxy for tests: each new connection goes to the first backend, in the
 * order given, that accepts it, so clients of a node that died reach the next one through
 * their own reconnection, over real sockets. Bytes are passed through untouched (HTTP,
 * WebSocket upgrades and all); when either side closes, so does the other.
 */
export async function startTcpBalancer(backends: number[]): Promise<TcpBalancer> {
  const open = new Set<net.Socket>();
  const routed: TcpBalancer['routed'] = [];

  function forward(client: net.Socket, index: number): void {
    const port = backends[index];
    if (port === undefined) {
      client.destroy();
      return;
    }
    const upstream = net.connect({ host: '127.0.0.1', port });
    open.add(upstream);
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      routed.push({ backend: port, at: Date.now() });
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
    upstream.on('error', () => {
      // Refused: that backend is down, so try the next. Any other failure ends the client's connection.
      if (!connected) forward(client, index + 1);
      else client.destroy();
    });
    upstream.on('close', () => {
      open.delete(upstream);
      if (connected) client.destroy();
    });
    client.on('close', () => upstream.destroy());
  }

  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    open.add(client);
    client.on('error', () => client.destroy());
    client.on('close', () => open.delete(client));
    forward(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
