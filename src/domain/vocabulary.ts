// The domain's closed sets, declared once. The SDL states them (schema/*.graphql) and codegen turns
// each enum into a const object and its type (enumsAsConst); everything here is derived from those,
// so the data layer, the seed validation and the resolvers cannot drift apart.
import {
  Direction, EntityKind, Measure, MetricDimension, MoneyFlow, ParticipationRole, QuantityQualifier, RelationshipType,
  SupportMode, TwinningLevel, Unit, UntilBasis,
} from '../generated/graphql.js';

export {
  Direction, EntityKind, Measure, MetricDimension, MoneyFlow, ParticipationRole, QuantityQualifier, RelationshipType,
  SupportMode, TwinningLevel, Unit, UntilBasis,
};

export const ENTITY_KINDS: readonly EntityKind[] = Object.values(EntityKind);
export const RELATIONSHIP_TYPES: readonly RelationshipType[] = Object.values(RelationshipType);
export const UNITS: readonly Unit[] = Object.values(Unit);

/** Whether a value read from outside (a flag, a file, a request) is one of a fixed list. */
export const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => list.some((x) => x === value);
export const isEntityKind = (value: unknown): value is EntityKind => isOneOf(ENTITY_KINDS, value);

/** Each kind's GraphQL type, which is also its Neo4j label (a seed file spells kinds this way too). */
export const KIND_LABEL = {
  PROVINCE: 'Province', CITY: 'City', DISTRICT: 'District', TOWNSHIP: 'Township', VILLAGE: 'Village', SCHOOL: 'School',
  HOSPITAL: 'Hospital', ORGANIZATION: 'Organization', PERSON: 'Person', PROJECT: 'Project', EVENT: 'Event',
  CORPS_DIVISION: 'CorpsDivision', PROGRAMME: 'Programme',
} as const satisfies Record<EntityKind, string>;
export type KindLabel = (typeof KIND_LABEL)[EntityKind];
export const isKindLabel = (value: unknown): value is KindLabel => isOneOf(Object.values(KIND_LABEL), value);
/** The kind a label (or a seed file's `kind: District`) names. */
export function kindOfLabel(label: KindLabel): EntityKind {
  const kind = ENTITY_KINDS.find((k) => KIND_LABEL[k] === label);
  if (!kind) throw new Error(`no entity kind is labelled ${label}`); // KIND_LABEL covers every kind
  return kind;
}

/**
 * The kinds of place: the official division list's five levels, provinces down to villages, and the
 * Corps divisions (兵团师), which hold land and may be twinned but are outside the list (no code).
 */
export const PLACE_KINDS = ['PROVINCE', 'CITY', 'DISTRICT', 'TOWNSHIP', 'VILLAGE', 'CORPS_DIVISION'] as const satisfies readonly EntityKind[];
export type PlaceKind = (typeof PLACE_KINDS)[number];
export const isPlaceKind = (kind: EntityKind | undefined): kind is PlaceKind =>
  PLACE_KINDS.some((k) => k === kind);
/** Every place also carries this label: the official code is unique among places. */
export const PLACE_LABEL = 'Place';
/** What a seed wrote carries this label; the official list's own places never do. */
export const SEEDED_LABEL = 'Seeded';

/** Relationship ids name their type: `twinning:shenyang--amdo` is a TWINNED_WITH edge. */
export const RELATIONSHIP_ID_PREFIX = {
  TWINNED_WITH: 'twinning', SUPPORTS: 'support', PART_OF: 'part-of', LOCATED_IN: 'located-in',
  MEMBER_OF: 'member-of', HOLDS_POST: 'post', WORKS_AT: 'works-at', COMES_FROM: 'comes-from',
  PARTICIPATES_IN: 'participation', BENEFITS: 'benefit',
} as const satisfies Record<RelationshipType, string>;

export function relationshipTypeOfId(id: string): RelationshipType | undefined {
  const prefix = id.split(':', 1)[0];
  return RELATIONSHIP_TYPES.find((t) => RELATIONSHIP_ID_PREFIX[t] === prefix);
}

/** The GraphQL type of each edge: six have their own, the rest are served as the generic Relationship. */
export const EDGE_TYPE_NAME = {
  TWINNED_WITH: 'Twinning', SUPPORTS: 'Support', HOLDS_POST: 'Post', MEMBER_OF: 'Membership',
  WORKS_AT: 'Employment', PARTICIPATES_IN: 'Participation',
  PART_OF: 'Relationship', LOCATED_IN: 'Relationship', COMES_FROM: 'Relationship', BENEFITS: 'Relationship',
} as const satisfies Record<RelationshipType, string>;

/** Node properties that are bookkeeping, not facts: hidden from `properties`. */
export const INTERNAL_PROPERTIES = ['contentHash', 'searchText', 'aliasesText', 'code', 'officialName'] as const;
/** Node properties every entity has, served as their own fields. */
export const CORE_PROPERTIES = ['id', 'kind', 'name', 'nameZh', 'aliases'] as const;
