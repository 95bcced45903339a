/**
 * Builds one UpdateItem's expression (SET, REMOVE, ADD and a condition) with every attribute
 * name and value aliased, so records can use names DynamoDB reserves (`status`, `ttl`) and
 * callers never splice values into expression text.
 *
 * One operation per attribute: an explicit `set`, `remove` or `add` replaces whatever was asked
 * for the attribute before, and `setIfMissing` (a new record's default) never replaces anything,
 * so a write can state its own values first and then add the defaults of whoever creates a record.
 */
export interface BuiltUpdate {
  UpdateExpression: string;
  ConditionExpression?: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

type Operation =
  | { kind: 'set'; value: unknown }
  | { kind: 'default'; value: unknown }
  | { kind: 'fromOr'; source: string; fallback: unknown }
  | { kind: 'remove' }
  | { kind: 'add'; amount: number };

export class UpdateBuilder {
  private readonly operations = new Map<string, Operation>();
  private readonly names = new Map<string, string>();
  private values: Record<string, unknown> = {};
  private conditionOf?: (b: UpdateBuilder) => string;

  /** Sets `attribute`, or removes it when the value is undefined. */
  set(attribute: string, value: unknown): this {
    this.operations.set(attribute, value === undefined ? { kind: 'remove' } : { kind: 'set', value });
    return this;
  }

  /** Sets `attribute` only where the record does not have it yet (defaults of a new record). */
  setIfMissing(attribute: string, value: unknown): this {
    if (!this.operations.has(attribute)) this.operations.set(attribute, { kind: 'default', value });
    return this;
  }

  /** Sets `attribute` to the record's own `source`, or to `fallback` where the record has no `source`. */
  setFromOr(attribute: string, source: string, fallback: unknown): this {
    this.operations.set(attribute, { kind: 'fromOr', source, fallback });
    return this;
  }

  remove(attribute: string): this {
    this.operations.set(attribute, { kind: 'remove' });
    return this;
  }

  add(attribute: string, amount: number): this {
    this.operations.set(attribute, { kind: 'add', amount });
    return this;
  }

  /** The write happens only if the condition holds; `b.name()` and `b.value()` alias its parts. */
  condition(build: (b: UpdateBuilder) => string): this {
    this.conditionOf = build;
    return this;
  }

  /** The alias of an attribute name (the same alias each time). */
  name(attribute: string): string {
    let alias = this.names.get(attribute);
    if (!alias) {
      alias = `#n${this.names.size}`;
      this.names.set(attribute, alias);
    }
    return alias;
  }

  value(value: unknown): string {
    const alias = `:v${Object.keys(this.values).length}`;
    this.values[alias] = value;
    return alias;
  }

  build(): BuiltUpdate {
    this.values = {};
    const sets: string[] = [];
    const removes: string[] = [];
    const adds: string[] = [];
    for (const [attribute, op] of this.operations) {
      const alias = this.name(attribute);
      if (op.kind === 'set') sets.push(`${alias} = ${this.value(op.value)}`);
      else if (op.kind === 'default') sets.push(`${alias} = if_not_exists(${alias}, ${this.value(op.value)})`);
      else if (op.kind === 'fromOr') sets.push(`${alias} = if_not_exists(${this.name(op.source)}, ${this.value(op.fallback)})`);
      else if (op.kind === 'remove') removes.push(alias);
      else adds.push(`${alias} ${this.value(op.amount)}`);
    }
    const ConditionExpression = this.conditionOf?.(this);
    const clauses = [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : '', adds.length ? `ADD ${adds.join(', ')}` : ''];
    return {
      UpdateExpression: clauses.filter(Boolean).join(' '),
      ConditionExpression,
      ExpressionAttributeNames: Object.fromEntries([...this.names].map(([attribute, alias]) => [alias, attribute])),
      ExpressionAttributeValues: Object.keys(this.values).length ? this.values : undefined,
    };
  }
}
