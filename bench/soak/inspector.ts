/**
 * Asks the soaked service, through its inspector (it runs with `--inspect=127.0.0.1:0`, on
 * loopback, for the soak only), to collect its garbage: a full, compacting collection, as
 * DevTools' button does. Memory read right after one is what the process holds on to, which is
 * what a leak moves; read at any other moment it lands anywhere on the heap's sawtooth.
 */
import WebSocket from 'ws';

export async function collectGarbage(inspectorUrl: string): Promise<void> {
  const socket = new WebSocket(inspectorUrl);
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => socket.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' })));
      socket.on('message', (data: Buffer) => {
        if ((JSON.parse(data.toString()) as { id?: number }).id === 1) resolve();
      });
      socket.once('error', reject);
    });
  } finally {
    socket.close();
  }
}
