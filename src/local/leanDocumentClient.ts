/**
 * The engine's document client when its DynamoDB is the embedded dynalite in this process: the
 * same `send(new GetCommand(...))` calls as lib-dynamodb's DynamoDBDocumentClient, turned into
 * DynamoDB's JSON 1.0 requests (the item marshalling is util-dynamodb's, as in lib-dynamodb) and
 * handed to dynalite's request listener (dynaliteTransport.ts). Dynalite still parses, validates
 * and runs each request as DynamoDB's API; what is left out is the SDK's per-call middleware
 * (endpoint rules, retries, signing, schema serde), which cost more than dynalite's own work for
 * the engine's small keyed reads and writes. Errors come back as DynamoDB's: `name` the
 * exception's (ConditionalCheckFailedException, ...), with `$metadata`.
 *
 * Requests go unsigned: there is no network between the two, and dynalite checks only that an
 * AWS4 Authorization header is there. A command it does not know goes to the full client.
 * Against AWS, or a dynalite in another process, the engine uses the full client unchanged.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { marshall, marshallOptions, unmarshall } from '@aws-sdk/util-dynamodb';
import type { InProcessDynamoHandler } from './dynaliteTransport';

type Wire = Record<string, unknown>;
type AttributeValue = Record<string, unknown>;
type AttributeMap = Record<string, AttributeValue>;

const OPERATIONS: Record<string, string> = {
  GetCommand: 'GetItem',
  PutCommand: 'PutItem',
  UpdateCommand: 'UpdateItem',
  DeleteCommand: 'DeleteItem',
  QueryCommand: 'Query',
  BatchGetCommand: 'BatchGetItem',
  BatchWriteCommand: 'BatchWriteItem',
};

/** Binary values travel as base64 in DynamoDB's JSON. */
function toWire(value: AttributeValue): AttributeValue {
  if ('B' in value) return { B: Buffer.from(value.B as Uint8Array).toString('base64') };
  if ('BS' in value) return { BS: (value.BS as Uint8Array[]).map((b) => Buffer.from(b).toString('base64')) };
  if ('M' in value) return { M: mapToWire(value.M as AttributeMap) };
  if ('L' in value) return { L: (value.L as AttributeValue[]).map(toWire) };
  return value;
}
function mapToWire(map: AttributeMap): AttributeMap {
  const out: AttributeMap = {};
  for (const key in map) out[key] = toWire(map[key]);
  return out;
}
function fromWire(value: AttributeValue): AttributeValue {
  if ('B' in value) return { B: new Uint8Array(Buffer.from(value.B as string, 'base64')) };
  if ('BS' in value) return { BS: (value.BS as string[]).map((b) => new Uint8Array(Buffer.from(b, 'base64'))) };
  if ('M' in value) return { M: mapFromWire(value.M as AttributeMap) };
  if ('L' in value) return { L: (value.L as AttributeValue[]).map(fromWire) };
  return value;
}
function mapFromWire(map: AttributeMap): AttributeMap {
  const out: AttributeMap = {};
  for (const key in map) out[key] = fromWire(map[key]);
  return out;
}

export class LeanDocumentClient {
  private readonly toMap: (value: unknown) => AttributeMap;
  private readonly fromMap: (map: unknown) => Record<string, unknown>;

  constructor(
    private readonly transport: InProcessDynamoHandler,
    private readonly fallback: DynamoDBDocumentClient,
    options: marshallOptions,
  ) {
    this.toMap = (value) => mapToWire(marshall(value as Record<string, unknown>, options) as unknown as AttributeMap);
    this.fromMap = (map) => unmarshall(mapFromWire(map as AttributeMap) as unknown as Parameters<typeof unmarshall>[0]);
  }

  /** The document client the engine's stores take (only `send` is used). */
  asDocumentClient(): DynamoDBDocumentClient {
    return this as unknown as DynamoDBDocumentClient;
  }

  async send(command: { input: object }): Promise<unknown> {
    const operation = OPERATIONS[command.constructor.name];
    if (!operation) return (this.fallback.send as (c: unknown) => Promise<unknown>)(command);
    const body = Buffer.from(JSON.stringify(this.request(operation, command.input as Wire)), 'utf8');
    const response = await this.transport.exchange(
      'POST',
      '/',
      {
        host: 'dynamodb.local',
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `DynamoDB_20120810.${operation}`,
        'x-amz-date': new Date().toISOString().replace(/[-:]|\.\d{3}/g, ''),
        authorization: 'AWS4-HMAC-SHA256 Credential=local/19700101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=in-process',
      },
      body,
    );
    const text = Buffer.from(response.body).toString('utf8');
    const parsed = (text ? JSON.parse(text) : {}) as Wire;
    if (response.statusCode !== 200) throw serviceError(parsed, response.statusCode, response.headers['x-amzn-requestid']);
    return { ...this.response(parsed), $metadata: { httpStatusCode: 200, requestId: response.headers['x-amzn-requestid'], attempts: 1, totalRetryDelay: 0 } };
  }

  private request(operation: string, input: Wire): Wire {
    const out: Wire = { ...input };
    for (const field of ['Key', 'Item', 'ExpressionAttributeValues', 'ExclusiveStartKey'] as const) {
      if (input[field] !== undefined) out[field] = this.toMap(input[field]);
    }
    if (operation === 'BatchGetItem') {
      const items = input.RequestItems as Record<string, Wire>;
      out.RequestItems = Object.fromEntries(Object.entries(items).map(([table, r]) => [table, { ...r, Keys: (r.Keys as unknown[]).map(this.toMap) }]));
    }
    if (operation === 'BatchWriteItem') {
      const items = input.RequestItems as Record<string, Wire[]>;
      out.RequestItems = Object.fromEntries(Object.entries(items).map(([table, requests]) => [table, requests.map((r) => this.writeRequest(r, this.toMap))]));
    }
    return out;
  }

  private writeRequest(request: Wire, convert: (value: unknown) => unknown): Wire {
    const put = request.PutRequest as Wire | undefined;
    const del = request.DeleteRequest as Wire | undefined;
    if (put) return { PutRequest: { ...put, Item: convert(put.Item) } };
    if (del) return { DeleteRequest: { ...del, Key: convert(del.Key) } };
    return request;
  }

  private response(output: Wire): Wire {
    const out: Wire = { ...output };
    for (const field of ['Item', 'Attributes', 'LastEvaluatedKey'] as const) {
      if (output[field] !== undefined) out[field] = this.fromMap(output[field]);
    }
    if (Array.isArray(output.Items)) out.Items = output.Items.map(this.fromMap);
    if (output.Responses) {
      out.Responses = Object.fromEntries(Object.entries(output.Responses as Record<string, unknown[]>).map(([table, items]) => [table, items.map(this.fromMap)]));
    }
    if (output.UnprocessedKeys) {
      const keys = output.UnprocessedKeys as Record<string, Wire>;
      out.UnprocessedKeys = Object.fromEntries(Object.entries(keys).map(([table, r]) => [table, { ...r, Keys: (r.Keys as unknown[]).map(this.fromMap) }]));
    }
    if (output.UnprocessedItems) {
      const items = output.UnprocessedItems as Record<string, Wire[]>;
      out.UnprocessedItems = Object.fromEntries(Object.entries(items).map(([table, requests]) => [table, requests.map((r) => this.writeRequest(r, this.fromMap))]));
    }
    return out;
  }
}

/** DynamoDB's error answer as the SDK raises it: the exception's name, its message, $metadata. */
function serviceError(body: Wire, statusCode: number, requestId: string | undefined): Error {
  const type = typeof body.__type === 'string' ? body.__type : 'UnknownError';
  const name = type.slice(type.lastIndexOf('#') + 1);
  const message = typeof body.message === 'string' ? body.message : typeof body.Message === 'string' ? body.Message : name;
  const error = new Error(message);
  error.name = name;
  return Object.assign(error, {
    $fault: statusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: statusCode, requestId, attempts: 1, totalRetryDelay: 0 },
  });
}
