/**
 * The DynamoDB client's transport to a dynalite in the same process, without a socket: each
 * signed request the SDK builds is handed to dynalite's own HTTP request listener as a request
 * and response pair that carry just what dynalite reads and writes (method, url, headers and body;
 * status, headers and body). Everything above the transport stays as it is against AWS: the SDK
 * still serialises, signs and parses the DynamoDB JSON 1.0 protocol, and dynalite still checks it,
 * so this is the DynamoDB API with the loopback TCP, HTTP framing and parsing left out. Embedded
 * mode only; against AWS the SDK's default handler is used.
 */
import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import type { HttpHandlerOptions, HttpRequest, HttpResponse, RequestHandler } from '@smithy/types';

/** The transport interface the SDK's clients take as `requestHandler`. */
export type DynamoRequestHandler = RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions>;

/** The parts of http.IncomingMessage that dynalite (and EmbeddedDynamo.observe) read. */
class InProcessRequest extends EventEmitter {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly headers: Record<string, string>,
  ) {
    super();
  }
}

/** The parts of http.ServerResponse that dynalite writes. */
class InProcessResponse {
  statusCode = 200;
  shouldKeepAlive = true;
  contentType?: string;
  readonly headers: Record<string, string> = {};

  constructor(private readonly done: (response: HttpResponse & { body: Uint8Array }) => void) {}

  setHeader(name: string, value: string | number): this {
    this.headers[name.toLowerCase()] = String(value);
    return this;
  }

  getHeader(name: string): string | undefined {
    return this.headers[name.toLowerCase()];
  }

  end(body?: string | Buffer): void {
    const bytes = body === undefined ? new Uint8Array() : typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    this.done({ statusCode: this.statusCode, headers: this.headers, body: bytes });
  }
}

function bodyBytes(body: unknown): Buffer {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new Error('In-process DynamoDB transport: only string and byte bodies are supported');
}

function pathWithQuery(request: HttpRequest): string {
  const query = Object.entries(request.query ?? {})
    .flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).filter((v) => v !== null).map((v) => `${encodeURIComponent(key)}=${encodeURIComponent(v as string)}`))
    .join('&');
  return query ? `${request.path}?${query}` : request.path;
}

/** A smithy HttpHandler that serves DynamoDB requests from `server`'s request listeners. */
export class InProcessDynamoHandler implements DynamoRequestHandler {
  readonly metadata = { handlerProtocol: 'in-process' };

  constructor(private readonly server: Server) {}

  handle(request: HttpRequest, options?: { abortSignal?: { aborted: boolean } }): Promise<{ response: HttpResponse }> {
    if (options?.abortSignal?.aborted) {
      const error = new Error('Request aborted');
      error.name = 'AbortError';
      return Promise.reject(error);
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
    return this.exchange(request.method, pathWithQuery(request), headers, bodyBytes(request.body)).then((response) => ({ response }));
  }

  /** One request to dynalite's listeners, and its response (the body as bytes). */
  exchange(method: string, url: string, headers: Record<string, string>, body: Buffer): Promise<HttpResponse & { body: Uint8Array }> {
    if (!this.server.listening) return Promise.reject(Object.assign(new Error('connect ECONNREFUSED (embedded DynamoDB is closed)'), { code: 'ECONNREFUSED' }));
    headers['content-length'] ??= String(body.length);
    return new Promise((resolve) => {
      const req = new InProcessRequest(method, url, headers);
      const res = new InProcessResponse(resolve);
      this.server.emit('request', req, res);
      if (body.length) req.emit('data', body);
      req.emit('end');
    });
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}
