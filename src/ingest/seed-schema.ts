// The shape of a seed folder's files (see seeds/README.md). Zod schemas are strict: an unknown
// field is an error, not silently dropped.
import { z } from 'zod';
import {
  KIND_LABEL, Measure, ParticipationRole, QuantityQualifier, RelationshipType, SupportMode, TwinningLevel, Unit, UntilBasis, type EntityKind,
} from '../domain/vocabulary.js';

/** Seed files spell kinds as the GraphQL type does (`District`); the graph stores the enum (`DISTRICT`). */
const SEED_KIND_NAMES = Object.values(KIND_LABEL);

/** The id prefixes allowed for each kind (县 are `county:`, 区 are `district:`). */
export const ID_PREFIXES: Record<EntityKind, readonly string[]> = {
  PROVINCE: ['province'], CITY: ['city'], DISTRICT: ['county', 'district'], TOWNSHIP: ['township'], VILLAGE: ['village'],
  SCHOOL: ['school'], HOSPITAL: ['hospital'], ORGANIZATION: ['org'], PERSON: ['person'],
  PROJECT: ['project'], EVENT: ['event'], PROGRAMME: ['programme'], CORPS_DIVISION: ['corps-division'],
};

const ID = /^[a-z][a-z0-9-]*:[a-z0-9][a-z0-9-]*$/;
const id = z.string().regex(ID, 'must look like prefix:slug (lower-case ASCII letters, digits and -)');
const year = z.number().int().min(1900).max(2100);
const dateOrYear = z.union([year, z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')]);
const scalar = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
const propertyKey = /^[a-z][A-Za-z0-9]*$/;

/**
 * How strongly a quote proves its fact: STATES (the words say it; a bare string quote does) or
 * IMPLIES (the words support it, the fact itself is read between them). A fact with no stating
 * quote is implied, and its note says so; one with a stating quote lists it first.
 */
export const EVIDENCE = ['STATES', 'IMPLIES'] as const;
export type Evidence = (typeof EVIDENCE)[number];

export const CitationSeed = z.union([
  z.string().trim().min(1, 'quote is empty'),
  z.strictObject({ quote: z.string().trim().min(1, 'quote is empty'), source: z.string().min(1).optional(), evidence: z.enum(EVIDENCE).optional() }),
]);

/** A non-empty string whose absence is reported with what belongs there. */
const required = (field: string, what: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `${field} is required: ${what}` : `${field} must be text`) })
    .trim()
    .min(1, `${field} is empty: ${what}`);

export const SourceSeed = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case ASCII letters, digits and -'),
  title: z.string().min(1),
  titleEn: z.string().optional(),
  publisher: z.string().min(1),
  publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
  /** The date as the source's index states it, when it says more than one day (document and page dates, a crawl). */
  dateText: z.string().trim().min(1).optional(),
  /** The text beside the seeds is a stored copy of a public page (not the publisher's own file). */
  storedCopy: z.boolean().default(false),
  /** Whether the stored copy holds only part of the source: what it does not hold, it does not state. */
  excerpt: z.boolean().default(false),
  /** What the stored copy holds, in the index's words (where it stops, what it leaves out). */
  completeness: z.string().trim().min(1).optional(),
  /** The index's licence text: why the source may be quoted, and whose the text is. */
  licenseText: z.string().trim().min(1).optional(),
  authors: z.array(z.string().min(1)).default([]),
  language: z.string().optional(),
  url: z.url().nullable().optional(),
  textFile: z.string().optional(),
  // Terms of reuse: a folder whose source does not say them is refused, naming its source.yaml.
  license: required('license', 'an SPDX identifier such as MIT or CC-BY-4.0, or "All rights reserved"'),
  rightsHolder: required('rightsHolder', 'who holds the rights in the source'),
  usageNote: required('usageNote', 'how aidgraph uses the source and what a reuser may do with what comes from it'),
}).refine((s) => !s.storedCopy || s.completeness !== undefined, {
  message: 'a stored copy says what it holds: give completeness (the index\'s words: whole page, or where the excerpt stops)', path: ['completeness'],
}).refine((s) => !s.excerpt || s.storedCopy, {
  message: 'an excerpt is a stored copy: set storedCopy: true', path: ['excerpt'],
});

const RESERVED = new Set([
  'id', 'kind', 'name', 'nameZh', 'aliases', 'code', 'officialName', 'contentHash', 'searchText', 'aliasesText',
]);

/**
 * What `source add` (src/ingest/draft/) found for a record nobody has confirmed yet: the rule that
 * proposed it, how sure it is, what a name resolved to and the other places it could be. A record
 * with `status: draft` is refused by a load unless drafts are asked for; `source review` removes both.
 */
export const DraftNote = z.strictObject({
  rule: z.string().min(1),
  confidence: z.number().min(0).max(1).optional(),
  resolvedTo: z.string().optional(),
  chain: z.array(z.string()).optional(),
  options: z.array(z.string()).optional(),
  note: z.string().optional(),
});
const review = { status: z.literal('draft').optional(), draft: DraftNote.optional() };

export const EntitySeed = z.strictObject({
  id,
  kind: z.enum(SEED_KIND_NAMES),
  name: z.string().trim().min(1),
  nameZh: z.string().trim().min(1).optional(),
  aliases: z.array(z.string().trim().min(1)).default([]),
  /** A place's official division code (统计用区划代码): the seed then describes that very place. */
  code: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, 'an official division code has 2, 4, 6, 9 or 12 digits').optional(),
  properties: z
    .record(z.string().regex(propertyKey, 'property names are lowerCamelCase'), scalar)
    .refine((p) => Object.keys(p).every((k) => !RESERVED.has(k)), 'properties may not reuse a reserved name (id, kind, name, ...)')
    .default({}),
  citations: z.array(CitationSeed).min(1, 'every entity needs at least one citation'),
  ...review,
});

/**
 * What a programme entity (`kind: Programme`) may state: the year it began, how exact that is, its
 * fixed term in years (对口支援期限按3年安排), and the year it was adjusted (东西部扶贫协作, 2016).
 */
export const ProgrammeProperties = z.strictObject({
  since: year.optional(),
  sinceQualifier: z.enum(QuantityQualifier).optional(),
  termYears: z.number().int().min(1).max(50).optional(),
  adjusted: year.optional(),
  note: z.string().optional(),
});

/** An id a programme entity has (`programme:aid-tibet`). */
export const PROGRAMME_ID = /^programme:[a-z0-9][a-z0-9-]*$/;

const common = { asOf: dateOrYear.optional(), note: z.string().optional() };
/** Qualifiers allowed on each relationship type. */
export const RELATIONSHIP_PROPERTIES: Record<RelationshipType, z.ZodType> = {
  TWINNED_WITH: z.strictObject({
    ...common, level: z.enum(TwinningLevel).optional(),
    programme: z.string().regex(PROGRAMME_ID, 'a programme id such as programme:aid-tibet (declare the programme as an entity of kind Programme)').optional(),
    since: year.optional(), sinceQualifier: z.enum(QuantityQualifier).optional(),
    until: year.optional(), untilQualifier: z.enum(QuantityQualifier).optional(),
    untilBasis: z.enum(UntilBasis).optional(),
  }).refine((p) => p.untilBasis === undefined || (p.until !== undefined && p.programme !== undefined), {
    message: 'untilBasis: PROGRAMME_TERM needs the until it explains and the programme whose term gives it', path: ['untilBasis'],
  }).refine((p) => p.since === undefined || p.until === undefined || p.since <= p.until, {
    message: 'until is before since', path: ['until'],
  }),
  SUPPORTS: z.strictObject({
    ...common, mode: z.enum(SupportMode), from: year.optional(), until: year.optional(), description: z.string().optional(),
  }),
  PART_OF: z.strictObject({ ...common }),
  LOCATED_IN: z.strictObject({ ...common }),
  MEMBER_OF: z.strictObject({ ...common, role: z.string().optional(), batch: z.number().int().positive().optional(), from: dateOrYear.optional(), until: dateOrYear.optional() }),
  HOLDS_POST: z.strictObject({ ...common, role: z.string().optional(), roleZh: z.string().optional(), from: dateOrYear.optional(), until: dateOrYear.optional() }),
  WORKS_AT: z.strictObject({ ...common, role: z.string().optional() }),
  COMES_FROM: z.strictObject({ ...common }),
  PARTICIPATES_IN: z.strictObject({ ...common, role: z.enum(ParticipationRole) }),
  BENEFITS: z.strictObject({ ...common }),
};

export const RelationshipSeed = z.strictObject({
  id,
  type: z.enum(RelationshipType),
  from: id,
  to: id,
  properties: z.record(z.string(), z.unknown()).default({}),
  citations: z.array(CitationSeed).min(1, 'every relationship needs at least one citation'),
  ...review,
});

export const QuantitySeed = z
  .strictObject({
    id: z.string().min(1).optional(),
    subject: id,
    metric: z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'metric names are lowerCamelCase'),
    value: z.number().finite(),
    unit: z.enum(Unit),
    qualifier: z.enum(QuantityQualifier).default('EXACT'),
    measure: z.enum(Measure).default('LEVEL'),
    year: year.optional(),
    baselineYear: year.optional(),
    from: year.optional(),
    until: year.optional(),
    asOf: dateOrYear.optional(),
    note: z.string().optional(),
    citations: z.array(CitationSeed).min(1, 'every quantity needs at least one citation'),
    ...review,
  })
  .refine((q) => q.measure !== 'CHANGE' || (q.year !== undefined && q.baselineYear !== undefined), {
    message: 'a CHANGE needs both year and baselineYear', path: ['measure'],
  })
  .refine((q) => q.measure === 'CHANGE' || q.baselineYear === undefined, {
    message: 'baselineYear is only for measure: CHANGE', path: ['baselineYear'],
  });

export type SourceSeed = z.infer<typeof SourceSeed>;
export type EntitySeed = z.infer<typeof EntitySeed>;
export type RelationshipSeed = z.infer<typeof RelationshipSeed>;
export type QuantitySeed = z.infer<typeof QuantitySeed>;
export type CitationSeed = z.infer<typeof CitationSeed>;
export type DraftNote = z.infer<typeof DraftNote>;
