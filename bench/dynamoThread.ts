/**
 * Runs the embedded in-memory dynalite on a worker thread of the bench process. The bench's
 * main thread already carries the SDK client that generates load and the engine itself; with
 * dynalite on its own thread the bench can use a second core, which keeps seeding 10,000
 * users within a couple of minutes. The engine reaches dynalite over HTTP either way, exactly
 * as it does when dynalite shares its thread (`npm start`).
 */
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { startEmbeddedDynamo } from '../src/local/dynamodb';

export interface DynamoThread {
  endpoint: string;
  close(): Promise<void>;
}

/** Starts dynalite on a new worker thread; resolves with its endpoint once it listens. */
export function startDynamoThread(): Promise<DynamoThread> {
  const worker = new Worker(__filename);
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: { endpoint: string }) => {
      worker.off('error', reject);
      resolve({
        endpoint: message.endpoint,
        close: async () => {
          worker.postMessage('close');
          await new Promise<void>((done) => worker.once('exit', () => done()));
        },
      });
    });
  });
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  void startEmbeddedDynamo().then((dynamo) => {
    port.once('message', () => {
      void dynamo.close().then(() => port.close());
    });
    port.postMessage({ endpoint: dynamo.endpoint });
  });
}
