/**
 * The validation rule that enforces the document limits (caps.ts): tokens, then per operation
 * the secret-checking fields, depth, aliases, fields, directives and estimated backend calls.
 * It does all its work when the traversal enters the document, in one linear walk
 * (summary.ts), and a refused document is refused whole, before anything runs.
 *
 * Apollo runs graphql-js's own rules and ours in one parallel pass, and some of graphql's rules
 * grow faster than the document (OverlappingFieldsCanBeMerged compares same-named fields
 * pairwise). So a refused document is also taken out of that pass: see `Document` below. This
 * relies on the rule running in the same pass as graphql's, which Apollo's
 * `maxRecursiveSelections` option would change (it moves custom rules to a later pass).
 */
import { ASTVisitor, DocumentNode, GraphQLSchema, Kind, ValidationContext, ValidationRule } from 'graphql';
import { ApiError } from '../errors';
import { DocumentLimits, LIMITS } from './caps';
import { DocumentSummaries, Summary } from './summary';
import { countTokens } from './tokens';

type CountedLimit = Exclude<keyof DocumentLimits, 'tokens' | 'secretOperations'>;

const tooComplex = (limit: keyof DocumentLimits, maximum: number, message: string): ApiError =>
  new ApiError('QUERY_TOO_COMPLEX', `${message}; the limit is ${maximum}.`, { limit, maximum });

/** What each counted limit's refusal says, given the operation's count. */
const DESCRIBE: Record<CountedLimit, (found: number) => string> = {
  depth: (n) => `Query is nested ${n} levels deep`,
  aliases: (n) => `The operation has ${n} aliases, counting fragments where they are spread`,
  fields: (n) => `The operation selects ${n} fields, counting fragments where they are spread`,
  directives: (n) => `The operation has ${n} directives, counting fragments where they are spread`,
  cost: (n) => `The operation would make an estimated ${n} backend calls`,
};
const COUNTED = Object.keys(DESCRIBE) as CountedLimit[];

function operationRefusal(summary: Summary, limits: DocumentLimits): ApiError | undefined {
  if (summary.secrets.size > limits.secretOperations) {
    return new ApiError(
      'TOO_MANY_SENSITIVE_OPERATIONS',
      `A request may run at most ${limits.secretOperations} operation that checks or sends a secret (a password, code or token, or a message with a code); ` +
        'this one asks for more. Send them one request at a time.',
      { maximum: limits.secretOperations },
    );
  }
  const over = COUNTED.find((limit) => summary[limit] > limits[limit]);
  return over && tooComplex(over, limits[over], DESCRIBE[over](Math.ceil(summary[over])));
}

/** Why the document is refused, or undefined when it is within every limit. */
export function documentRefusal(schema: GraphQLSchema, document: DocumentNode, limits: DocumentLimits = LIMITS): ApiError | undefined {
  // Counted first: it bounds the walk below (and its recursion) by the document's size.
  if (document.loc && countTokens(document.loc.source, limits.tokens) > limits.tokens) {
    return tooComplex('tokens', limits.tokens, `The document has more than ${limits.tokens} tokens`);
  }
  const summaries = new DocumentSummaries(schema, document, limits.secretOperations + 1);
  // Per operation: only the one named in the request runs, so a document may hold several
  // operations that each stay within the limits.
  for (const definition of document.definitions) {
    const refusal = definition.kind === Kind.OPERATION_DEFINITION ? operationRefusal(summaries.operation(definition), limits) : undefined;
    if (refusal) return refusal;
  }
  return undefined;
}

export function documentLimits(limits: DocumentLimits = LIMITS): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      const refusal = documentRefusal(context.getSchema(), document, limits);
      if (!refusal) return undefined;
      context.reportError(refusal);
      // Returning null removes the document from this traversal (graphql-js's visitor edits:
      // visitInParallel hands the edit to the traversal, and no rule then sees what is below a
      // removed node), so graphql's own rules never walk a refused document. The document
      // itself is not changed; the edit only exists inside this validation pass.
      return null;
    },
  });
}
