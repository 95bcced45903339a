/**
 * The service's logger: pino underneath, one JSON line per event on stderr, or readable lines on
 * a terminal in embedded mode (pino-pretty, a development dependency). Fields whose names suggest
 * a secret (passwords, codes, tokens, sessions, secrets, API keys) are replaced before anything is
 * written, at any depth, so a careless call site still cannot log one. pino's own `redact` takes
 * fixed paths, which would miss a secret nested under a name nobody listed, so the names are
 * matched here, in pino's `log` formatter, which every line passes through.
 */
import pino, { DestinationStream } from 'pino';
import { BatchedLineStream, LineDestination } from './lib/batchedLineStream';
import type { LogLevel } from './config';

const SECRET_FIELD = /pass(word)?|code|token|secret|session|authorization|api[-_]?key|challenge/i;

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The logger the service owns: it also says whether a level is on, and flushes on shutdown. */
export interface ServiceLogger extends Logger {
  isEnabled(level: Exclude<LogLevel, 'silent'>): boolean;
  /** Writes out what is buffered (lines are written asynchronously to stderr). */
  flush(): void;
  /**
   * An `info` line whose fields the caller built from a fixed set of names holding no secret
   * (the access log): written in one JSON.stringify, without the redaction walk or the request's
   * context fields, because it is written once per request and its cost is every request's.
   */
  infoFixed(message: string, fields: Record<string, unknown>): void;
}

export interface LoggerOptions {
  /** Readable lines instead of JSON (falls back to JSON where pino-pretty is not installed). */
  pretty?: boolean;
}

/** A logger that adds `fields` to each line it writes (a request's ids), before the line's own. */
export function withFields(logger: Logger, fields: Record<string, unknown>): Logger {
  const at = (level: keyof Logger) => (message: string, own?: Record<string, unknown>) => logger[level](message, own ? { ...fields, ...own } : fields);
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** True when nothing under `value` (up to the depth redact walks) is named like a secret. */
function holdsNoSecret(value: unknown, depth: number): boolean {
  if (depth > 6 || value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every((v) => holdsNoSecret(v, depth + 1));
  for (const key in value) {
    if (SECRET_FIELD.test(key) || !holdsNoSecret((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

/** `value` with every secret-named field replaced, at any depth; `value` itself when it has none (most lines). */
export function redact(value: unknown, depth = 0): unknown {
  if (holdsNoSecret(value, depth)) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_FIELD.test(k) ? '[redacted]' : redact(v, depth + 1)]),
  );
}

/** pino-pretty writing synchronously to stderr, or undefined where it is not installed (a production image). */
function prettyStream(): DestinationStream | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require('pino-pretty') as (options: Record<string, unknown>) => DestinationStream;
    return pretty({ destination: 2, sync: true, colorize: process.stderr.isTTY, messageKey: 'message', translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', singleLine: true });
  } catch {
    return undefined;
  }
}

function destination(write: ((line: string) => void) | undefined, options: LoggerOptions): LineDestination {
  if (write) return { write };
  const pretty = options.pretty ? prettyStream() : undefined;
  if (pretty) return pretty;
  // Asynchronous: a request never waits for stderr. Lines go out in batches (batchedLineStream.ts),
  // flushed on shutdown and on exit (pino flushes its destination on exit too).
  const batched = new BatchedLineStream(pino.destination({ dest: 2, sync: false }));
  process.once('exit', () => batched.flushSync());
  return batched;
}

/** The time as pino's isoTime writes it, formatted once per millisecond (busy services write many lines in one). */
let lastMs = -1;
let lastIso = '';
function isoNow(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

/** One JSON line in pino's shape (level, time, the fields, message), built by hand for infoFixed. */
function fixedLine(level: string, message: string, fields: Record<string, unknown>): string {
  const body = JSON.stringify(fields);
  const inner = body.length > 2 ? body.slice(1, -1) + ',' : '';
  return `{"level":"${level}","time":"${isoNow()}",${inner}"message":${JSON.stringify(message)}}\n`;
}

export function createLogger(level: LogLevel, write?: (line: string) => void, options: LoggerOptions = {}): ServiceLogger {
  const stream = destination(write, options);
  const base = pino(
    {
      level,
      base: undefined,
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => redact(fields) as Record<string, unknown>,
      },
    },
    stream,
  );
  const emit = (at: Exclude<LogLevel, 'silent'>) => (message: string, fields?: Record<string, unknown>) => {
    if (fields) base[at](fields, message);
    else base[at](message);
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    isEnabled: (at) => base.isLevelEnabled(at),
    infoFixed(message, fields) {
      if (base.isLevelEnabled('info')) stream.write(fixedLine('info', message, fields));
    },
    flush: () => stream.flushSync?.(),
  };
}
