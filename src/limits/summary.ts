/**
 * One walk over a document that sums up, per operation, what the document limits check: depth,
 * aliases, fields, directives, estimated backend calls, and the secret-checking root fields.
 *
 * The walk is linear in the document's size: each fragment is summed up once and its summary
 * reused wherever it is spread, so a chain of fragments that each spread the next one twice
 * (work doubling per fragment for a naive walk) costs one visit per fragment. Counts are those
 * of the document as it would expand, so such a chain shows its true, exponential size.
 */
import {
  DirectiveNode,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SchemaMetaFieldDef,
  SelectionSetNode,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
} from 'graphql';
import { secretUseOf } from '../auth/secrets';
import { costOf, FieldCost } from './cost';

export interface Summary {
  depth: number;
  aliases: number;
  fields: number;
  directives: number;
  /** Estimated backend calls for one run of the selection. */
  cost: number;
  /**
   * Response keys of the secret-checking fields selected at this level (not below it). Fields
   * with the same key are merged into one run, so keys, not occurrences, are what run.
   */
  secrets: ReadonlySet<string>;
}

const EMPTY: Summary = { depth: 0, aliases: 0, fields: 0, directives: 0, cost: 0, secrets: new Set() };

type AnyField = GraphQLField<unknown, unknown>;

/** The field `name` on `type`, including the introspection fields no type lists. */
function fieldOn(type: GraphQLNamedType | undefined, name: string, schema: GraphQLSchema): AnyField | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (type === schema.getQueryType() && name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
  if (type === schema.getQueryType() && name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

/** How many items a field returns, from its declared cost and the page argument as written. */
function itemsOf(cost: FieldCost | undefined, node: FieldNode): number {
  const items = cost?.items;
  if (items === undefined) return 1;
  if (typeof items === 'number') return items;
  const value = node.arguments?.find((a) => a.name.value === items.argument)?.value;
  if (!value || value.kind === Kind.NULL) return items.default;
  if (value.kind === Kind.INT) return Math.min(Math.max(Number(value.value), 0), items.max);
  // A variable is not known during validation (nor is a value validation will refuse): the
  // largest page is assumed.
  return items.max;
}

export class DocumentSummaries {
  private readonly definitions = new Map<string, FragmentDefinitionNode>();
  private readonly summaries = new Map<string, Summary>();
  private readonly walking = new Set<string>();
  /** How many fragment definitions were walked (each at most once). */
  fragmentWalks = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    /** Secret keys kept per summary: one past the limit is enough to refuse. */
    private readonly secretsKept: number,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.definitions.set(definition.name.value, definition);
    }
  }

  operation(operation: OperationDefinitionNode): Summary {
    const summary = this.selections(operation.selectionSet, this.schema.getRootType(operation.operation) ?? undefined);
    return { ...summary, directives: summary.directives + (operation.directives?.length ?? 0) };
  }

  private fragment(name: string): Summary {
    const known = this.summaries.get(name);
    if (known) return known;
    const definition = this.definitions.get(name);
    // Unknown fragments and cycles are reported by graphql's own rules; here they just stop.
    if (!definition || this.walking.has(name)) return EMPTY;
    this.walking.add(name);
    this.fragmentWalks++;
    const summary = this.selections(definition.selectionSet, this.schema.getType(definition.typeCondition.name.value), definition.directives);
    this.walking.delete(name);
    this.summaries.set(name, summary);
    return summary;
  }

  private selections(set: SelectionSetNode, type: GraphQLNamedType | undefined, directives?: readonly DirectiveNode[]): Summary {
    const total = { depth: 0, aliases: 0, fields: 0, directives: directives?.length ?? 0, cost: 0 };
    const secrets = new Set<string>();
    const add = (part: Summary, depth: number) => {
      total.depth = Math.max(total.depth, depth);
      total.aliases += part.aliases;
      total.fields += part.fields;
      total.directives += part.directives;
      total.cost += part.cost;
      for (const key of part.secrets) if (secrets.size < this.secretsKept) secrets.add(key);
    };
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const part = this.field(selection, type);
        add(part, part.depth);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : type;
        const part = this.selections(selection.selectionSet, on, selection.directives);
        add(part, part.depth);
      } else {
        const part = this.fragment(selection.name.value);
        add({ ...part, directives: part.directives + (selection.directives?.length ?? 0) }, part.depth);
      }
    }
    return { ...total, secrets };
  }

  /** A field's own share: itself, plus what is below it once per item it returns. */
  private field(node: FieldNode, parent: GraphQLNamedType | undefined): Summary {
    const definition = fieldOn(parent, node.name.value, this.schema);
    const below = node.selectionSet ? this.selections(node.selectionSet, definition && getNamedType(definition.type)) : EMPTY;
    const cost = definition && costOf(definition);
    // Introspection is deep by design and reads the schema in memory.
    const introspection = node.name.value.startsWith('__');
    return {
      depth: introspection ? 1 : 1 + below.depth,
      aliases: below.aliases + (node.alias ? 1 : 0),
      fields: below.fields + 1,
      directives: below.directives + (node.directives?.length ?? 0),
      cost: (cost?.calls ?? 0) + itemsOf(cost, node) * below.cost,
      secrets: definition && secretUseOf(definition) ? new Set([node.alias?.value ?? node.name.value]) : EMPTY.secrets,
    };
  }
}
