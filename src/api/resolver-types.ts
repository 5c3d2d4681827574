// Field resolvers checked against the records they resolve. Codegen makes every field resolver
// optional, so a forgotten one would answer null (or fail at run time); `Complete` makes it a type
// error: each GraphQL field the record does not hold, with a type the field accepts, needs one.
import type { ResolverFn, ResolverWithResolve } from '../generated/graphql.js';

/** The fields a record resolves by default: held by the record with a type the GraphQL field accepts. */
type Defaulted<TGql, TRecord> = {
  [K in keyof TGql & keyof TRecord]-?: TRecord[K] extends TGql[K] ? K : never;
}[keyof TGql & keyof TRecord];

/** The GraphQL fields that need a resolver for this record. */
export type FieldsToResolve<TGql, TRecord> = Exclude<keyof TGql, Defaulted<TGql, TRecord> | '__typename'>;

/** A type's resolvers with every field its record cannot answer required. */
export type Complete<TResolvers, TGql, TRecord> =
  TResolvers & Required<Pick<TResolvers, Extract<FieldsToResolve<TGql, TRecord>, keyof TResolvers>>>;

/**
 * Field resolvers shared by several types (every entity's `sources`, every place's `parent`), typed
 * from one of those types' generated resolvers with the parent widened to the records they share.
 */
export type SharedFields<TResolvers, K extends keyof TResolvers, TParent> = {
  [F in K]-?: Exclude<TResolvers[F], undefined | ResolverWithResolve<any, any, any, any>> extends ResolverFn<infer R, any, infer C, infer A>
    ? ResolverFn<R, TParent, C, A>
    : never;
};
