/** A group's form values as the API's GroupInput (a blank precedence is none). */
import type { GroupInput } from '../generated/graphql';

export function groupInput(name: string, values: { description: string; precedence: string }): GroupInput {
  const precedence = values.precedence.trim();
  return { name: name.trim(), description: values.description.trim() || undefined, precedence: precedence === '' ? undefined : Number(precedence) };
}
