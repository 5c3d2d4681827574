// What a GraphQL selection asks, read from the operation itself (look-ahead): the read-ahead
// compiles a root's selection into its statement, and search reads compact rows for a selection
// of names.
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The fields of a selection set, with its fragments (inline and named) flattened. */
export function* fieldsOf(set: SelectionSetNode | undefined, info: GraphQLResolveInfo): Generator<FieldNode> {
  for (const sel of set?.selections ?? []) {
    if (sel.kind === Kind.FIELD) yield sel;
    else if (sel.kind === Kind.INLINE_FRAGMENT) yield* fieldsOf(sel.selectionSet, info);
    else yield* fieldsOf(info.fragments[sel.name.value]?.selectionSet, info);
  }
}
