/**
 * Embedded DynamoDB: dynalite on loopback. In memory when no directory is given (tests),
 * on disk under the data directory otherwise (npm start, the standalone engine).
 */
import { AddressInfo } from 'node:net';
import type { IncomingMessage, Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import type { DynamoRequestHandler } from './dynaliteTransport';
import { closeDynaliteIteratorsWhenDone } from './dynaliteIterators';
import { readDynaliteSynchronously } from './dynaliteReads';
import { InProcessDynamoHandler } from './dynaliteTransport';
// dynalite ships no type declarations; its factory returns a plain http.Server.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dynalite: (options: Record<string, unknown>) => Server = require('dynalite');

export interface EmbeddedDynamo {
  endpoint: string;
  /**
   * A DynamoDB client transport (`requestHandler`) that reaches this dynalite without a socket
   * (dynaliteTransport.ts). Clients in this process use it with `endpoint`; others use `endpoint`.
   */
  requestHandler: DynamoRequestHandler;
  /**
   * Calls `listener` with each request's operation (e.g. "GetItem") and the tables it names, once
   * the request has arrived; returns the unsubscribe.
   */
  observe(listener: (operation: string, tables: string[]) => void): () => void;
  close(): Promise<void>;
}

/** The tables a DynamoDB request body names (TableName, or the keys of RequestItems). */
function tablesNamed(body: string): string[] {
  try {
    const parsed = JSON.parse(body) as { TableName?: string; RequestItems?: Record<string, unknown> };
    return parsed.TableName ? [parsed.TableName] : Object.keys(parsed.RequestItems ?? {});
  } catch {
    return [];
  }
}

export async function startEmbeddedDynamo(options: { dir?: string; port?: number } = {}): Promise<EmbeddedDynamo> {
  closeDynaliteIteratorsWhenDone();
  readDynaliteSynchronously();
  if (options.dir) mkdirSync(options.dir, { recursive: true });
  const server = dynalite({
    path: options.dir,
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requestHandler: new InProcessDynamoHandler(server),
    observe(listener) {
      const onRequest = (req: IncomingMessage) => {
        const operation = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
        // A second reader of the body, beside dynalite's own: both get every chunk.
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => listener(operation, tablesNamed(Buffer.concat(chunks).toString('utf8'))));
      };
      server.on('request', onRequest);
      return () => server.off('request', onRequest);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
