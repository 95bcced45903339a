/**
 * Where the engine "sends" email and SMS. Messages are kept in memory (the newest few
 * thousand), readable by tests through code and by developers over the dev endpoint, and
 * optionally printed to the console in a box, because in embedded mode that console is the
 * delivery channel.
 */
export interface OutboxMessage {
  id: number;
  poolId: string;
  medium: 'EMAIL' | 'SMS';
  to: string;
  username: string;
  purpose: string;
  subject: string;
  body: string;
  /** The code or temporary password the message carries, for tests and tools. */
  code?: string;
  sentAt: string;
}

export class Outbox {
  private readonly messages: OutboxMessage[] = [];
  private nextId = 1;

  constructor(
    private readonly options: { print?: boolean; capacity?: number; write?: (text: string) => void } = {},
  ) {}

  deliver(message: Omit<OutboxMessage, 'id'>): void {
    const stored = { ...message, id: this.nextId++ };
    this.messages.push(stored);
    if (this.messages.length > (this.options.capacity ?? 5000)) this.messages.shift();
    if (this.options.print) (this.options.write ?? ((t) => process.stdout.write(t)))(formatBox(stored));
  }

  /** Messages, newest last, optionally only those sent to one address. */
  list(filter: { to?: string; poolId?: string } = {}): OutboxMessage[] {
    const to = filter.to?.toLowerCase();
    return this.messages.filter(
      (m) => (!to || m.to.toLowerCase() === to) && (!filter.poolId || m.poolId === filter.poolId),
    );
  }

  /** The newest message to an address, if any. */
  latest(to: string): OutboxMessage | undefined {
    return this.list({ to }).at(-1);
  }
}

function formatBox(message: OutboxMessage): string {
  const lines = [
    `${message.medium} to ${message.to} (${message.purpose})`,
    ...(message.subject ? [`Subject: ${message.subject}`] : []),
    ...message.body.split('\n'),
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const edge = `+${'-'.repeat(width + 2)}+`;
  return [edge, ...lines.map((l) => `| ${l.padEnd(width)} |`), edge, ''].join('\n');
}
