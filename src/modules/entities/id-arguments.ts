// Ids given as arguments. Every id the API hands out for an entity names it here: its own id
// (`province:liaoning`) and the id of its place in the official list (`place:21`), which the entity
// loader already resolves. An argument that anchors or filters a question must name something: an
// id that names nothing is BAD_USER_INPUT with the argument's name, never an empty answer. (Lookups
// by id, `entity`, `node`, `nodes`, `source`, `programme`, answer null instead, as Relay's do.)
import { badInput } from '../../domain/errors.js';
import type { GraphReads } from './graph-reads.js';

/** The stored id of the entity an argument names, or BAD_USER_INPUT naming the argument. */
export async function entityIdArgument(reads: GraphReads, argument: string, id: string): Promise<string> {
  const entity = await reads.entity(id);
  if (!entity) throw badInput(argument, `names no entity (got "${id}")`);
  return entity.id;
}

/** The same for an optional argument: absent stays absent. */
export async function optionalEntityIdArgument(reads: GraphReads, argument: string, id: string | null | undefined): Promise<string | null> {
  return id === null || id === undefined ? null : entityIdArgument(reads, argument, id);
}
