/**
 * Apollo plugin: tells the request's scope (requestScope.ts, in the request's context) what the operation was (its type,
 * name and root fields, once resolved) and which error codes the answer carries. The access log
 * and the request metrics are written from the scope when the HTTP answer is complete
 * (accessLog.ts). It also logs unexpected errors with the request's ids, in place of the error
 * formatter, which has no request to name. Without a scope (logging and metrics off) it does nothing.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, FragmentDefinitionNode, Kind, SelectionSetNode } from 'graphql';
import { logUnexpected, unexpectedCause } from '../formatError';
import type { Logger } from '../logger';
import type { RequestScope } from './requestScope';

/** GraphQL names only: anything else a client sends as operationName is not repeated into the log. */
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/** The root fields a selection set asks for, through inline fragments and spreads, in order. */
function rootFields(selectionSet: SelectionSetNode, document: DocumentNode, seen = new Set<string>()): string[] {
  const names: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.push(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) names.push(...rootFields(selection.selectionSet, document, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find(
        (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      if (fragment) names.push(...rootFields(fragment.selectionSet, document, seen));
    }
  }
  return [...new Set(names)];
}

export function requestObserverPlugin<C extends { scope?: RequestScope; logger: Logger }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ request, contextValue }) {
      const scope = contextValue.scope;
      if (!scope) return undefined;
      if (request.operationName && NAME.test(request.operationName)) scope.operationName = request.operationName;
      return {
        async didResolveOperation({ operation, document }) {
          if (!operation) return;
          scope.operationType = operation.operation;
          if (operation.name) scope.operationName = operation.name.value;
          scope.rootFields = rootFields(operation.selectionSet, document);
        },
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const cause = unexpectedCause(error, error.extensions?.code);
            if (cause !== undefined) logUnexpected(contextValue.logger, error.path, cause);
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const code = error.extensions?.code;
            scope.errorCodes.push(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
          }
        },
      };
    },
  };
}
