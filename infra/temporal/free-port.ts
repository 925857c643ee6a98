import { createServer } from 'node:net';
import type { Server } from 'node:net';

import { IllegalStateError } from '../../events/errors';

/** Loopback only: nothing this project starts listens beyond this machine by default. */
const LOOPBACK = '127.0.0.1';

/**
 * Finds `count` distinct TCP ports that are free on loopback right now. All listeners are held
 * open until every port is chosen, so the kernel cannot hand out the same port twice. The
 * ports are free, not reserved: whoever binds them must do so soon.
 */
export async function freePorts(count: number): Promise<number[]> {
  const listeners: Server[] = [];
  try {
    for (let i = 0; i < count; i += 1) listeners.push(await listenOn(0));
    return listeners.map(portOf);
  } finally {
    await Promise.all(listeners.map(closeListener));
  }
}

/** One free loopback TCP port; see {@link freePorts}. */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port as number;
}

/** Port 0 lets the kernel pick a free port. */
function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const listener = createServer();
    listener.once('error', reject);
    listener.listen(port, LOOPBACK, () => resolve(listener));
  });
}

function portOf(listener: Server): number {
  const address = listener.address();
  if (address === null || typeof address === 'string') {
    throw new IllegalStateError(
      `Expected a TCP address from a loopback listener, got ${String(address)}`,
    );
  }
  return address.port;
}

function closeListener(listener: Server): Promise<void> {
  return new Promise((resolve) => listener.close(() => resolve()));
}

/**
 * Fails unless `port` can be bound on loopback now. Checked before a server is spawned on a
 * port the caller chose: otherwise a readiness probe could reach another server that already
 * listens there, and mistake it for the one that is just failing to bind.
 */
export async function assertPortFree(port: number, role: string): Promise<void> {
  const listener = await listenOn(port).catch((error: NodeJS.ErrnoException) => {
    throw new IllegalStateError(
      `${role} port ${port} on ${LOOPBACK} is not free (${error.code}); ` +
        'expected a port no other process listens on.',
    );
  });
  await closeListener(listener);
}
