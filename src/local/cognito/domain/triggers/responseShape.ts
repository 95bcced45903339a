/**
 * Reading a trigger's response field by field. Cognito pre-fills responses with nulls, so null
 * and absent both mean "not given"; a field of the wrong type is Cognito's
 * InvalidLambdaResponseException.
 */
import { InvalidLambdaResponseException, messages } from '../../errors';
import type { TriggerResponse } from './invoker';

export const badOutput = (detail?: string): InvalidLambdaResponseException =>
  new InvalidLambdaResponseException(detail ? `Invalid lambda function output : ${detail}` : messages.unrecognizableLambdaOutput);

const given = (value: unknown): boolean => value !== undefined && value !== null;

export function booleanField(response: TriggerResponse, name: string): boolean | undefined {
  const value = response[name];
  if (!given(value)) return undefined;
  if (typeof value !== 'boolean') throw badOutput();
  return value;
}

export function stringField(response: TriggerResponse, name: string): string | undefined {
  const value = response[name];
  if (!given(value)) return undefined;
  if (typeof value !== 'string') throw badOutput();
  return value;
}

export function stringListField(response: TriggerResponse, name: string): string[] | undefined {
  const value = response[name];
  if (!given(value)) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw badOutput();
  return value as string[];
}

export function objectField(response: TriggerResponse, name: string): TriggerResponse | undefined {
  const value = response[name];
  if (!given(value)) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badOutput();
  return value as TriggerResponse;
}

export function stringMapField(response: TriggerResponse, name: string): Record<string, string> | undefined {
  const map = objectField(response, name);
  if (map && Object.values(map).some((v) => typeof v !== 'string')) throw badOutput();
  return map as Record<string, string> | undefined;
}

export function oneOfField<T extends string>(response: TriggerResponse, name: string, allowed: readonly T[]): T | undefined {
  const value = stringField(response, name);
  if (value !== undefined && !allowed.includes(value as T)) throw badOutput();
  return value as T | undefined;
}
