// What the data layer hands resolvers: plain shapes parsed from Neo4j rows at the repository
// boundary. No driver Node, Relationship or Integer ever leaves a repository.

export const ENTITY_KINDS = [
  'PROVINCE', 'CITY', 'DISTRICT', 'TOWNSHIP', 'VILLAGE', 'SCHOOL', 'HOSPITAL', 'ORGANIZATION', 'PERSON', 'PROJECT', 'EVENT',
] as const;
export type EntityKindName = (typeof ENTITY_KINDS)[number];

/** Neo4j label per kind; also the GraphQL type name. */
export const KIND_LABEL: Record<EntityKindName, string> = {
  PROVINCE: 'Province', CITY: 'City', DISTRICT: 'District', TOWNSHIP: 'Township', VILLAGE: 'Village', SCHOOL: 'School',
  HOSPITAL: 'Hospital', ORGANIZATION: 'Organization', PERSON: 'Person', PROJECT: 'Project', EVENT: 'Event',
};

export const PLACE_KINDS: readonly EntityKindName[] = ['PROVINCE', 'CITY', 'DISTRICT', 'TOWNSHIP', 'VILLAGE'];
/** Every place also carries this label: the official code is unique among places. */
export const PLACE_LABEL = 'Place';
export const isPlaceKind = (kind: EntityKindName | undefined): boolean => kind !== undefined && PLACE_KINDS.includes(kind);

export const RELATIONSHIP_TYPES = [
  'TWINNED_WITH', 'SUPPORTS', 'PART_OF', 'LOCATED_IN', 'MEMBER_OF', 'HOLDS_POST', 'WORKS_AT', 'COMES_FROM',
  'PARTICIPATES_IN', 'BENEFITS',
] as const;
export type RelationshipTypeName = (typeof RELATIONSHIP_TYPES)[number];

/** Relationship ids name their type: `twinning:shenyang--amdo` is a TWINNED_WITH edge. */
export const RELATIONSHIP_ID_PREFIX: Record<RelationshipTypeName, string> = {
  TWINNED_WITH: 'twinning', SUPPORTS: 'support', PART_OF: 'part-of', LOCATED_IN: 'located-in',
  MEMBER_OF: 'member-of', HOLDS_POST: 'post', WORKS_AT: 'works-at', COMES_FROM: 'comes-from',
  PARTICIPATES_IN: 'participation', BENEFITS: 'benefit',
};

export function relationshipTypeOfId(id: string): RelationshipTypeName | undefined {
  const prefix = id.split(':', 1)[0];
  return RELATIONSHIP_TYPES.find((t) => RELATIONSHIP_ID_PREFIX[t] === prefix);
}

/** Node properties that are bookkeeping, not facts: hidden from `properties`. */
export const INTERNAL_PROPERTIES = ['contentHash', 'searchText', 'aliasesText', 'code', 'officialName'] as const;
export const CORE_PROPERTIES = ['id', 'kind', 'name', 'nameZh', 'aliases'] as const;

export interface EntityRecord {
  id: string;
  kind: EntityKindName;
  name: string;
  nameZh: string | null;
  aliases: string[];
  /** A place's official division code, or null. */
  code: string | null;
  /** The official list's name for a place with a code (where a seed names it otherwise, the list's). */
  officialName: string | null;
  /** Every other stored fact about the entity (openedOn, orgType, grade, ...). */
  properties: Record<string, unknown>;
}

export interface RelationshipRecord {
  id: string;
  type: RelationshipTypeName;
  fromId: string;
  toId: string;
  properties: Record<string, unknown>;
}
