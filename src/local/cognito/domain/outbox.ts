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

const WRAP = 76;

/**
 * A branded email (CustomMessage) is HTML; the console shows what a reader would see: the text,
 * without markup, wrapped to a terminal's width.
 */
export function readableText(body: string): string[] {
  if (!/<\/?[a-z][^>]*>/i.test(body)) return body.split('\n');
  const text = body
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/(p|div|tr|h\d|li)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  const paragraphs = text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return paragraphs.flatMap((paragraph) => {
    const lines: string[] = [];
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && line.length + 1 + word.length > WRAP) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    return [...lines, line];
  });
}

function formatBox(message: OutboxMessage): string {
  const lines = [
    `${message.medium} to ${message.to} (${message.purpose})`,
    ...(message.subject ? [`Subject: ${message.subject}`] : []),
    ...readableText(message.body),
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const edge = `+${'-'.repeat(width + 2)}+`;
  return [edge, ...lines.map((l) => `| ${l.padEnd(width)} |`), edge, ''].join('\n');
}
