/** Group lookups and wire shapes shared by the group operations. */
import { ResourceNotFoundException } from '../errors';
import { optionalNumber, optionalString, requiredString, rules } from '../params';
import type { EngineServices } from '../services';
import type { GroupRecord } from './groups.store';

export function describeGroup(group: GroupRecord) {
  return {
    GroupName: group.groupName,
    UserPoolId: group.poolId,
    Description: group.description,
    RoleArn: group.roleArn,
    Precedence: group.precedence,
    CreationDate: new Date(group.createdAt),
    LastModifiedDate: new Date(group.modifiedAt),
  };
}

export async function requireGroup(s: EngineServices, poolId: string, name: string): Promise<GroupRecord> {
  const group = await s.groups.get(poolId, name);
  if (!group) throw new ResourceNotFoundException('Group not found.');
  return group;
}

/** The optional settings CreateGroup and UpdateGroup accept. */
export function groupSettings(input: Record<string, unknown>) {
  return {
    description: optionalString(input, 'Description', { max: 2048, min: 0 }),
    roleArn: optionalString(input, 'RoleArn', { max: 2048, min: 20, pattern: /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]*:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/ }),
    precedence: optionalNumber(input, 'Precedence', 0, 2 ** 31 - 1),
  };
}

export const groupName = (input: Record<string, unknown>): string => requiredString(input, 'GroupName', rules.groupName);

/** Page tokens are opaque to callers: the last key, base64url-encoded. */
export const encodeToken = (key: string | undefined): string | undefined => (key ? Buffer.from(key).toString('base64url') : undefined);
export const decodeToken = (input: Record<string, unknown>, field: string): string | undefined => {
  const token = optionalString(input, field, { max: 131072 });
  return token ? Buffer.from(token, 'base64url').toString('utf8') : undefined;
};
