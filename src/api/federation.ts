// Apollo Federation 2: the schema as a subgraph. Every entity type is keyed by its stable `id`, and
// places also by their official division `code`, so a supergraph can join our places onto its own
// rows by either. The keys live here rather than in schema/ so the SDL files (and codegen) stay plain
// GraphQL; buildSubgraphSchema merges these extensions into the types they name.
import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { RequestContext } from './context.js';
import { ENTITY_KINDS, isPlaceKind, KIND_LABEL } from '../domain/vocabulary.js';
import type { EntityRecord } from '../modules/entities/entities.mappers.js';

const FEDERATION_SPEC = 'https://specs.apollo.dev/federation/v2.3';

export const FEDERATION_TYPE_DEFS = [
  `extend schema @link(url: "${FEDERATION_SPEC}", import: ["@key"])`,
  ...ENTITY_KINDS.map((kind) =>
    `extend type ${KIND_LABEL[kind]} @key(fields: "id")${isPlaceKind(kind) ? ' @key(fields: "code")' : ''}`),
].join('\n');

type Reference = { __typename: string; id?: string; code?: string };

/** A reference by id (any stable id, `place:<code>` too) or by official code, of the type it names. */
async function resolveReference(ref: Reference, ctx: RequestContext): Promise<EntityRecord | null> {
  const found = ref.id !== undefined ? await ctx.services.entities.entity(ref.id)
    : ref.code !== undefined ? await ctx.services.places.byCodeOf(ref.code) : null;
  // A reference names its type: `Province` with Amdo's id is no Province.
  return found && KIND_LABEL[found.kind] === ref.__typename ? found : null;
}

/**
 * `__resolveReference` for every entity type, as a resolver map @apollo/subgraph attaches like any
 * module's (it records the function where its `_entities` resolver looks for it).
 */
export const referenceResolvers: GraphQLResolverMap<RequestContext> = Object.fromEntries(
  ENTITY_KINDS.map((kind) => [KIND_LABEL[kind], { __resolveReference: resolveReference }]),
);
