/**
 * Counts a document's lexical tokens the way graphql-js's parser does (comments aside), stopping
 * one past the limit, so the count costs at most the limit's worth of lexing.
 */
import { Lexer, Source, TokenKind } from 'graphql';

/** The token count of `source`, or `max + 1` when it has more than `max`. */
export function countTokens(source: Source, max: number): number {
  const lexer = new Lexer(source);
  let count = 0;
  while (count <= max && lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
}
