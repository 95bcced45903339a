import { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { attributeList } from '../domain/attributes';
import { describeUser } from '../domain/describeUser';
import { requirePool } from '../domain/lookup';
import { Filterable, FILTERABLE, filterValue, indexPartition, matchPrefix } from '../domain/userIndex';
import { InvalidParameterException } from '../errors';
import { optionalList, optionalNumber, optionalString, requiredString, rules } from '../params';
import type { Operation } from '../services';

interface Filter {
  attribute: Filterable;
  value: string;
  exact: boolean;
}

/** Cognito's filter grammar: one attribute, `=` (exact) or `^=` (prefix), a quoted value. */
function parseFilter(text: string | undefined): Filter | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const match = /^\s*"?([\w:]+)"?\s*(\^?=)\s*"([^"]*)"\s*$/.exec(text);
  if (!match) throw new InvalidParameterException('Error while parsing filter.');
  const attribute = match[1] as Filterable;
  if (!FILTERABLE.includes(attribute)) throw new InvalidParameterException(`Invalid search attribute: ${match[1]}`);
  return { attribute, value: match[3], exact: match[2] === '=' };
}

interface PageToken {
  attribute: string;
  sk: string;
}

const encodeToken = (token: PageToken): string => Buffer.from(JSON.stringify(token)).toString('base64url');
function decodeToken(text: string | undefined, attribute: string): PageToken | undefined {
  if (!text) return undefined;
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as PageToken;
    if (token.attribute === attribute && typeof token.sk === 'string') return token;
  } catch {
    // fall through
  }
  throw new InvalidParameterException('Invalid pagination token.');
}

export const listUsers: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const limit = optionalNumber(input, 'Limit', 0, 60) || 60;
    const only = optionalList<string>(input, 'AttributesToGet', 100);
    const filter = parseFilter(optionalString(input, 'Filter', { max: 256, min: 0 }));
    const attribute: Filterable = filter?.attribute ?? 'username';
    const start = decodeToken(optionalString(input, 'PaginationToken', { max: 131072 }), attribute);
    const pk = indexPartition(pool.poolId, attribute);
    const query: Omit<QueryCommandInput, 'TableName'> = {
      KeyConditionExpression: filter ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk, ...(filter ? { ':prefix': matchPrefix(filter.value, filter.exact) } : {}) },
      Limit: limit,
      ExclusiveStartKey: start ? { pk, sk: start.sk } : undefined,
    };
    const page = await s.users.queryIndex(query);
    const users = await s.users.getMany(pool.poolId, page.usernameKeys);
    // The index is checked against the records, so an entry left by an interrupted write never shows.
    const matching = users.filter((user) => {
      if (!user) return false;
      const value = filterValue(user, attribute)?.toLowerCase();
      const wanted = filter?.value.toLowerCase() ?? '';
      return value !== undefined && (filter?.exact ? value === wanted : value.startsWith(wanted));
    });
    return {
      Users: matching.map((user) => {
        const described = describeUser(user!, 'Attributes');
        return only.length ? { ...described, Attributes: attributeList(user!, only) } : described;
      }),
      PaginationToken: page.lastSortKey ? encodeToken({ attribute, sk: page.lastSortKey }) : undefined,
    };
  },
};
