// The checklist of the fourteen programme texts (issue 28's acceptance): every fact a text's gold
// annotation holds (test/fixtures/programme/<stem>.gold.yaml) — each place, institution, person,
// pairing and figure that is not optional — must be in the graph, cited by a quote of that text.
// `readCitedFacts` reads what the graph cites a source for, through the API (the source's claims);
// `missingFacts` compares that with the gold and names every fact the graph lacks, so a test that
// fails says which fact of which text is missing.
import type { Gold } from '../../src/ingest/draft/score.js';
import { nameKey } from '../../src/ingest/draft/score.js';

/** What a claim of the source says, as the checklist compares it. */
export type CitedFact =
  | { fact: 'entity'; quote: string; id: string; kind: string; code: string | null; names: string[] }
  | { fact: 'pairing'; quote: string; id: string; type: 'TWINNED_WITH' | 'SUPPORTS'; programme: string | null; from: End; to: End }
  | { fact: 'quantity'; quote: string; id: string; subjectId: string; metric: string; value: number; unit: string; qualifier: string; year: number | null; since: number | null; asOf: string | null; note: string | null };
interface End { id: string; code: string | null; names: string[] }

type Gql = <T = any>(query: string, variables?: Record<string, unknown>) => Promise<{ data?: T; errors?: Array<{ message: string }> }>;

const END = 'id nameZh aliases ... on Place { code }';
const CLAIMS = `query Claims($id: ID!, $after: String) { source(id: $id) { claims(first: 20, after: $after) {
  pageInfo { hasNextPage endCursor }
  edges { node { quote about { __typename id
    ... on Entity { kind nameZh aliases }
    ... on Place { code }
    ... on Twinning { supporter { ${END} } recipient { ${END} } programmeOf { id } }
    ... on Support { supporter { ${END} } recipient { ${END} } }
    ... on Quantity { subjectId metric value unit qualifier year since asOf note }
  } } } } } }`;

async function ask<T>(gql: Gql, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await gql<T>(query, variables);
  if (res.errors?.length || !res.data) throw new Error(`the API refused the checklist's question: ${res.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
  return res.data;
}

const han = (names: Array<string | null | undefined>) => names.filter((n): n is string => !!n && /\p{Script=Han}/u.test(n));
const endOf = (e: any): End => ({ id: e.id, code: e.code ?? null, names: han([e.nameZh, ...(e.aliases ?? [])]) });

/** Every claim the graph takes from a source, as facts (all pages); an unknown source is an error. */
export async function readCitedFacts(gql: Gql, sourceId: string): Promise<CitedFact[]> {
  const out: CitedFact[] = [];
  let after: string | null = null;
  do {
    const data: any = await ask(gql, CLAIMS, { id: sourceId, after });
    if (!data.source) throw new Error(`the graph holds no source ${sourceId}`);
    for (const { node: { quote, about: a } } of data.source.claims.edges) {
      if (a.__typename === 'Twinning' || a.__typename === 'Support') {
        out.push({ fact: 'pairing', quote, id: a.id, type: a.__typename === 'Twinning' ? 'TWINNED_WITH' : 'SUPPORTS', programme: a.programmeOf?.id ?? null, from: endOf(a.supporter), to: endOf(a.recipient) });
      } else if (a.__typename === 'Quantity') {
        out.push({ fact: 'quantity', quote, id: a.id, subjectId: a.subjectId, metric: a.metric, value: a.value, unit: a.unit, qualifier: a.qualifier, year: a.year, since: a.since, asOf: a.asOf, note: a.note });
      } else if (a.kind) {
        out.push({ fact: 'entity', quote, id: a.id, kind: a.kind, code: a.code ?? null, names: han([a.nameZh, ...(a.aliases ?? [])]) });
      }
    }
    after = data.source.claims.pageInfo.hasNextPage ? data.source.claims.pageInfo.endCursor : null;
  } while (after);
  return out;
}

/** The graph's own id for each id a gold figure names (`place:<code>` → the place's id); null for one that names nothing. */
export async function resolveSubjects(gql: Gql, ids: readonly string[]): Promise<Map<string, string | null>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, string | null>();
  for (const id of unique) {
    const data = await ask<{ entity: { id: string } | null }>(gql, 'query Subject($id: ID!) { entity(id: $id) { id } }', { id });
    out.set(id, data.entity?.id ?? null);
  }
  return out;
}

const INSTITUTION_KINDS = new Set(['SCHOOL', 'HOSPITAL', 'ORGANIZATION']);
const meets = (a: readonly string[], b: readonly string[]) => {
  const keys = new Set(a.map(nameKey));
  return b.some((n) => keys.has(nameKey(n)));
};
const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Every gold fact the cited facts lack, each named as a sentence a reader can act on. `text` is the
 * source's text: a quote not verbatim in it counts as no citation. `subjects` maps a gold figure's
 * subject to the graph's id for it (resolveSubjects).
 */
export function missingFacts(gold: Gold, facts: readonly CitedFact[], text: string, subjects: ReadonlyMap<string, string | null>): string[] {
  const cited = facts.filter((f) => text.includes(f.quote));
  const entities = cited.filter((f): f is Extract<CitedFact, { fact: 'entity' }> => f.fact === 'entity');
  const pairings = cited.filter((f): f is Extract<CitedFact, { fact: 'pairing' }> => f.fact === 'pairing');
  const quantities = cited.filter((f): f is Extract<CitedFact, { fact: 'quantity' }> => f.fact === 'quantity');
  const missing: string[] = [];

  for (const p of gold.places) {
    if (p.optional || (!p.code && !p.corpsDivision)) continue;
    const found = p.code ? entities.some((e) => e.code === p.code) : entities.some((e) => e.kind === 'CORPS_DIVISION' && meets([p.name, ...p.surface], e.names));
    if (!found) missing.push(`place ${p.name} (${p.code ?? 'Corps division'}), written ${p.surface.join('/')}`);
  }
  for (const i of gold.institutions) {
    if (i.optional) continue;
    if (!entities.some((e) => INSTITUTION_KINDS.has(e.kind) && meets([i.name, ...(i.aliases ?? [])], e.names))) missing.push(`institution ${i.name}`);
  }
  for (const p of gold.people) {
    if (p.optional) continue;
    if (!entities.some((e) => e.kind === 'PERSON' && meets([p.name], e.names))) missing.push(`person ${p.name}`);
  }

  // A pairing's end is an official code, or a name the gold lists for an institution or a Corps division.
  const endNames = (end: string) => {
    const inst = gold.institutions.find((i) => meets([i.name, ...(i.aliases ?? [])], [end]));
    const corps = gold.places.find((p) => p.corpsDivision && meets([p.name, ...p.surface], [end]));
    return inst ? [inst.name, ...(inst.aliases ?? [])] : corps ? [corps.name, ...corps.surface] : [end];
  };
  const endIs = (end: string, e: End) => (/^\d+$/u.test(end) ? e.code === end : meets(endNames(end), e.names));
  for (const g of gold.pairings) {
    if (g.optional) continue;
    const types = Array.isArray(g.type) ? g.type : [g.type];
    const ends = pairings.filter((r) => types.includes(r.type) && endIs(g.supporter, r.from) && endIs(g.recipient, r.to));
    const name = `pairing ${g.supporter} → ${g.recipient} (${types.join(' or ')}) «${g.quote}»`;
    if (!ends.length) missing.push(name);
    else if (g.programme && types.includes('TWINNED_WITH') && !ends.some((r) => r.type === 'SUPPORTS' || r.programme === g.programme)) missing.push(`${name}: under ${g.programme}, the graph says ${ends.map((r) => r.programme ?? 'no programme').join(', ')}`);
  }

  for (const g of gold.figures) {
    if (g.optional) continue;
    const name = `figure ${g.value} ${g.unit} ${g.qualifier} «${g.quote}»${g.metric ? `, ${g.metric}` : ''}${g.subject ? ` of ${g.subject}` : ''}`;
    const subject = g.subject ? subjects.get(g.subject) : undefined;
    if (!g.subject || !g.metric) { missing.push(`${name}: the gold does not say its subject and metric`); continue; }
    if (!subject) { missing.push(`${name}: the graph has no entity ${g.subject}`); continue; }
    const same = quantities.filter((q) => q.quote.includes(g.quote) && sameNumber(q.value, g.value) && q.unit === g.unit);
    const right = same.filter((q) => q.metric === g.metric && q.subjectId === subject && q.qualifier === g.qualifier &&
      (g.year === undefined || q.year === g.year) && (g.since === undefined || q.since === g.since) && (g.asOf === undefined || q.asOf === g.asOf) &&
      (g.detail === undefined || q.note === g.detail));
    if (right.length) continue;
    missing.push(same.length
      ? `${name}: the graph cites it as ${same.map((q) => `${q.metric} of ${q.subjectId}, ${q.qualifier}${q.year ? `, year ${q.year}` : ''}${q.since ? `, since ${q.since}` : ''}${q.asOf ? `, as of ${q.asOf}` : ''}${q.note ? ` (${q.note})` : ''}`).join('; ')}`
      : name);
  }
  return missing;
}
