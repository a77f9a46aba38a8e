/** Ports for server processes that tests start. */
import net from 'node:net';

/** A port nobody listens on now, from the operating system (a random pick could hit another test's port). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
