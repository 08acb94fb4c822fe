import { createServer, type Socket } from 'node:net';

export interface ConnectionWitness {
  /** A redis:// URL that points at the witness. */
  redisUrl: string;
  /** How many connections it has seen. */
  connections(): number;
  close(): Promise<void>;
}

/**
 * A TCP server that answers nothing and counts who connects: point REDIS_URL at it to show that
 * nothing talked to Redis at all (a closed port would only show that nothing succeeded).
 */
export async function connectionWitness(): Promise<ConnectionWitness> {
  const sockets = new Set<Socket>();
  let seen = 0;
  const server = createServer((socket) => {
    seen += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    redisUrl: `redis://127.0.0.1:${port}`,
    connections: () => seen,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
