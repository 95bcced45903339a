/**
 * The service's logger: pino underneath, one JSON line per event on stderr, or readable lines on
 * a terminal in embedded mode (pino-pretty, a development dependency). Fields whose names suggest
 * a secret (passwords, codes, tokens, sessions, secrets, API keys) are replaced before anything is
 * written, at any depth, so a careless call site still cannot log one. pino's own `redact` takes
 * fixed paths, which would miss a secret nested under a name nobody listed, so the names are
 * matched here, in pino's `log` formatter, which every line passes through.
 */
import pino, { DestinationStream } from 'pino';
import type { LogLevel } from './config';
import { scopeFields } from './observability/requestScope';

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
}

export interface LoggerOptions {
  /** Readable lines instead of JSON (falls back to JSON where pino-pretty is not installed). */
  pretty?: boolean;
  /** Fields added to every line, read as it is written: by default the ids of the request it is written for (observability/requestScope.ts). */
  context?: () => Record<string, unknown> | undefined;
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
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

function destination(write: ((line: string) => void) | undefined, options: LoggerOptions): DestinationStream & { flushSync?: () => void } {
  if (write) return { write };
  const pretty = options.pretty ? prettyStream() : undefined;
  // Asynchronous: a request never waits for stderr. Flushed on shutdown, and by pino on exit.
  return pretty ?? pino.destination({ dest: 2, sync: false });
}

export function createLogger(level: LogLevel, write?: (line: string) => void, options: LoggerOptions = {}): ServiceLogger {
  const stream = destination(write, options);
  const context = options.context ?? scopeFields;
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
      mixin: () => context() ?? {},
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
    flush: () => stream.flushSync?.(),
  };
}
