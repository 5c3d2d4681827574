// Rules across the whole dataset that a record-by-record schema cannot see: what an analyst would
// otherwise publish wrong. A citation names what it proves; a supporter is not the place it
// supports; one fact has one mode; an alias names one thing. Run by validation after merging.
import { isPlaceKind, type EntityKind } from '../domain/vocabulary.js';
import { normalizeName } from '../domain/search-keys.js';
import { statesValue } from '../domain/chinese-numbers.js';
import type { Dataset, SeedIssue } from './dataset.js';
import { programmeFigureForms } from './programmes.js';

type Where = (id: string) => Omit<SeedIssue, 'reason'>;

const ADMIN_SUFFIX = /(维吾尔自治区|自治区|省|市|县|区|镇|乡)$/;

/** The normalised words that identify an entity in a quote: its names, aliases, and short place names (那曲市 → 那曲). */
function identifiers(props: Record<string, unknown>): string[] {
  const names = [props.nameZh, props.name, ...((props.aliases as string[] | undefined) ?? [])].filter((n): n is string => typeof n === 'string');
  const short = names.map((n) => n.replace(ADMIN_SUFFIX, '')).filter((n) => n.length >= 2);
  return [...new Set([...names, ...short].map(normalizeName))].filter(Boolean);
}

/** Whether two texts share a run of `n` characters: a source paraphrasing a descriptive name ("辽宁教育援藏…25个项目"). */
function sharesRun(text: string, name: string, n: number): boolean {
  for (let i = 0; i + n <= name.length; i++) if (text.includes(name.slice(i, i + n))) return true;
  return false;
}

/** How long a run of a descriptive Chinese name a quote must share to name it. */
const NAME_RUN = 6;

/** Whether a (normalised) quote names an entity of the dataset: see citationIssues. */
function namer(data: Dataset): (entityId: string, quote: string) => boolean {
  const idsOf = new Map(data.entities.map((e) => [e.id, identifiers(e.props)]));
  const zhOf = new Map(data.entities.map((e) => [e.id, [e.props.nameZh, ...(e.props.aliases as string[])]
    .filter((n): n is string => typeof n === 'string' && /\p{Script=Han}/u.test(n)).map(normalizeName)]));
  return (entityId, quote) =>
    (idsOf.get(entityId) ?? []).some((k) => quote.includes(k)) || (zhOf.get(entityId) ?? []).some((n) => sharesRun(quote, n, NAME_RUN));
}

/**
 * Every citation must identify what it proves: an entity's quote names the entity (a name, an
 * alias, a short place name, or six characters running of a Chinese name); a relationship's
 * quote names at least one end, and its quotes together name both unless its note marks it as
 * implied (an implied fact is, by definition, stated in no one place); a quantity's quote states
 * the figure.
 */
export function citationIssues(data: Dataset, where: Where): SeedIssue[] {
  const isEntity = new Set(data.entities.map((e) => e.id));
  const rels = new Map(data.relationships.map((r) => [r.id, r]));
  const quantities = new Map(data.quantities.map((q) => [q.id, q]));
  const names = namer(data);
  // A programme is also proved by the sentence that gives its start or its term (对口支援期限按3年安排),
  // and a twinning whose end that term gives cites the same sentence, naming neither of its ends.
  const programmeFigures = new Map(data.entities.filter((e) => e.kind === 'PROGRAMME').map((e) => [e.id, programmeFigureForms(e.props)]));
  const programmeQuotes = new Set(data.citations.filter((c) => programmeFigures.has(c.subjectId)).map((c) => `${c.subjectId}|${c.sourceId}|${c.quote}`));
  const termQuote = (r: { props: Record<string, unknown> }, c: { sourceId: string; quote: string }) =>
    r.props.untilBasis === 'PROGRAMME_TERM' && programmeQuotes.has(`${String(r.props.programme)}|${c.sourceId}|${c.quote}`);
  const issues: SeedIssue[] = [];
  const endsNamed = new Map<string, Set<string>>();
  for (const c of data.citations) {
    const quote = normalizeName(c.quote);
    const rel = rels.get(c.subjectId);
    const q = quantities.get(c.subjectId);
    let reason: string | undefined;
    if (isEntity.has(c.subjectId)) {
      const figures = programmeFigures.get(c.subjectId) ?? [];
      if (!names(c.subjectId, quote) && !figures.some((f) => c.quote.includes(f))) reason = `the quote "${c.quote}" does not name ${c.subjectId}`;
    } else if (rel && termQuote(rel, c)) {
      // the programme's term sentence: checked against the programme (programmes.ts)
    } else if (rel) {
      const named = [rel.from, rel.to].filter((end) => names(end, quote));
      if (named.length === 0) reason = `the quote "${c.quote}" names neither ${rel.from} nor ${rel.to}`;
      const seen = endsNamed.get(rel.id) ?? new Set();
      named.forEach((n) => seen.add(n));
      endsNamed.set(rel.id, seen);
    } else if (q) {
      if (!statesValue(c.quote, Number(q.props.value))) reason = `the quote "${c.quote}" does not state the figure ${String(q.props.value)}`;
    }
    if (reason) issues.push({ ...where(c.subjectId), field: 'citations', reason });
  }
  for (const r of data.relationships) {
    if (isImplied(r.props)) continue;
    const seen = endsNamed.get(r.id) ?? new Set();
    const missing = [r.from, r.to].filter((end) => !seen.has(end));
    if (missing.length && seen.size) issues.push({ ...where(r.id), field: 'citations', reason: `no citation names ${missing.join(' or ')}: quote the words that say who or what it is` });
  }
  return issues;
}

/**
 * Evidence strength: a fact's quotes either state it or support reading it as implied. A fact with
 * no stating quote is implied, and its note says so and why; a fact whose note calls it implied
 * has no quote marked as stating it; a stating quote comes before every quote that only supports
 * (the explorer shows the first quote as the proof); and a quote that states an edge names both of
 * its ends, so a partial sentence ("为帮助索县毕业生到大连安居过渡" for Dalian → Sog) cannot pass as
 * the statement of a pairing.
 */
export function evidenceIssues(data: Dataset, where: Where): SeedIssue[] {
  const names = namer(data);
  const bySubject = new Map<string, Dataset['citations']>();
  for (const c of data.citations) bySubject.set(c.subjectId, [...(bySubject.get(c.subjectId) ?? []), c]);
  const props = new Map<string, Record<string, unknown>>([
    ...data.entities.map((e) => [e.id, e.props] as const), ...data.relationships.map((r) => [r.id, r.props] as const),
    ...data.quantities.map((q) => [q.id, q.props] as const)]);
  const rels = new Map(data.relationships.map((r) => [r.id, r]));
  const issues: SeedIssue[] = [];
  for (const [id, cites] of bySubject) {
    const p = props.get(id);
    if (!p) continue;
    const stating = cites.filter((c) => c.evidence === 'STATES');
    if (stating.length === 0 && !isImplied(p)) {
      issues.push({ ...where(id), field: 'note', reason: 'no quote states this fact (every citation is evidence: IMPLIES): its note must say it is implied, and why' });
    }
    if (stating.length > 0 && isImplied(p)) {
      issues.push({ ...where(id), field: 'citations', reason: `its note calls it implied, but "${stating[0]!.quote}" is marked as stating it: mark that quote evidence: IMPLIES, or drop "implied" from the note` });
    }
    // Within one folder, the order of the seed's list; citations from other folders keep their own.
    const bySource = new Map<string, typeof cites>();
    for (const c of cites) bySource.set(c.sourceId, [...(bySource.get(c.sourceId) ?? []), c]);
    for (const list of bySource.values()) {
      const ordered = [...list].sort((a, b) => a.position - b.position);
      const firstImplying = ordered.findIndex((c) => c.evidence === 'IMPLIES');
      const lateStating = firstImplying < 0 ? undefined : ordered.slice(firstImplying).find((c) => c.evidence === 'STATES');
      if (lateStating) issues.push({ ...where(id), field: `citations.${lateStating.position}`, reason: `the stating quote "${lateStating.quote}" must come before the quotes that only support the fact` });
    }
    const rel = rels.get(id);
    if (rel && (rel.type === 'TWINNED_WITH' || rel.type === 'SUPPORTS')) {
      for (const c of stating) {
        const quote = normalizeName(c.quote);
        const missing = [rel.from, rel.to].filter((end) => !names(end, quote));
        // A quote naming neither end is refused by citationIssues already.
        if (missing.length === 1) issues.push({ ...where(id), field: `citations.${c.position}`, reason: `"${c.quote}" is marked as stating the edge but does not name ${missing.join(' or ')}: quote the sentence that says it, or mark it evidence: IMPLIES` });
      }
    }
  }
  return issues;
}

/** A fact the source implies rather than states says so in its note ("implied: …", "inferred …"). */
export function isImplied(props: Record<string, unknown>): boolean {
  return /\b(implied|inferred)\b/i.test(String(props.note ?? ''));
}

/** Entities reachable from an id by PART_OF and LOCATED_IN, the id included. */
function containers(data: Dataset): (id: string) => Set<string> {
  const up = new Map<string, string[]>();
  for (const r of data.relationships) if (r.type === 'PART_OF' || r.type === 'LOCATED_IN') up.set(r.from, [...(up.get(r.from) ?? []), r.to]);
  return (id) => {
    const seen = new Set([id]);
    const queue = [id];
    while (queue.length) for (const next of up.get(queue.shift()!) ?? []) if (!seen.has(next)) { seen.add(next); queue.push(next); }
    return seen;
  };
}

/** A supporter is the one who gives: never the beneficiary itself, nor something inside it. */
export function supporterIssues(data: Dataset, where: Where): SeedIssue[] {
  const within = containers(data);
  return data.relationships
    .filter((r) => r.type === 'SUPPORTS' && within(r.from).has(r.to))
    .map((r) => ({
      ...where(r.id), field: 'from',
      reason: `the supporter ${r.from} ${r.from === r.to ? 'is' : 'lies within'} the beneficiary ${r.to}: that is where the support lands, not who gives it`,
    }));
}

/**
 * One mode for one fact: a project part of another has its mode, and a project delivered by a
 * support (its funder or implementer supports its beneficiary) has that support's mode.
 */
export function modeIssues(data: Dataset, where: Where): SeedIssue[] {
  const mode = new Map(data.entities.filter((e) => e.kind === 'PROJECT' && e.props.supportMode).map((e) => [e.id, String(e.props.supportMode)]));
  const out = (type: string, id: string) => data.relationships.filter((r) => r.type === type && r.from === id);
  const issues: SeedIssue[] = [];
  for (const [id, m] of mode) {
    for (const p of out('PART_OF', id)) {
      const whole = mode.get(p.to);
      if (whole && whole !== m) issues.push({ ...where(id), field: 'properties.supportMode', reason: `${m}, but it is part of ${p.to}, which is ${whole}: one mode for one fact` });
    }
    const makers = data.relationships.filter((r) => r.type === 'PARTICIPATES_IN' && r.to === id && ['FUNDING', 'IMPLEMENTING'].includes(String(r.props.role))).map((r) => r.from);
    const beneficiaries = out('BENEFITS', id).map((r) => r.to);
    const delivering = data.relationships.filter((r) => r.type === 'SUPPORTS' && makers.includes(r.from) && beneficiaries.includes(r.to));
    if (delivering.length && !delivering.some((s) => s.props.mode === m)) {
      issues.push({ ...where(id), field: 'properties.supportMode', reason: `${m}, but the supports that deliver it (${delivering.map((s) => `${s.id}: ${String(s.props.mode)}`).join(', ')}) are not: one mode for one fact` });
    }
  }
  return issues;
}

/** Kinds whose names a reader could confuse: two of one group may not share a name or alias. */
function kindGroup(kind: EntityKind): string {
  if (isPlaceKind(kind)) return 'place';
  if (kind === 'SCHOOL' || kind === 'HOSPITAL' || kind === 'ORGANIZATION') return 'institution';
  if (kind === 'PROJECT' || kind === 'EVENT') return 'activity';
  if (kind === 'PROGRAMME') return 'programme';
  return 'person';
}

/**
 * Aliases that name a kind of thing rather than one thing: a hospital department (儿科, 护理部),
 * an office of an unnamed place (县教育局), a holiday, a count, a common word. As an alias they
 * need a qualifier: whose department, which county's bureau.
 */
const GENERIC_ALIAS = [
  /^\p{Script=Han}{1,4}(科|(?<!干)部|室|病房)$/u,
  /^(省|市|县|区|乡|镇)\p{Script=Han}{1,8}(局|委|办|院|中心)$/u,
  /^\p{Script=Han}{0,6}(ICU|PICU)(病房)?$/u,
  /^\d+个\p{Script=Han}{0,6}项目$/u,
  /^\p{Script=Han}{1,5}(救治中心|研究中心|教学点|实践基地|儿童节|夏令营|研学)$/u,
];
const GENERIC_WORDS = new Set(['比如', 'PICU', '十四五']);

export function isGenericAlias(alias: string): boolean {
  return GENERIC_WORDS.has(alias) || GENERIC_ALIAS.some((re) => re.test(alias));
}

/** An alias that another entity of a comparable kind already holds, or that needs a qualifier. */
export function aliasIssues(data: Dataset, where: Where): SeedIssue[] {
  const issues: SeedIssue[] = [];
  const holder = new Map<string, string>();
  for (const e of data.entities) {
    const aliases = (e.props.aliases as string[]) ?? [];
    for (const a of aliases.filter(isGenericAlias)) {
      issues.push({ ...where(e.id), field: 'aliases', reason: `"${a}" names a kind of thing, not ${e.id}: qualify it (whose, where) or drop it` });
    }
    const group = kindGroup(e.kind);
    const keys = new Set([e.props.name, e.props.nameZh, ...aliases].filter((n): n is string => typeof n === 'string').map(normalizeName));
    for (const key of keys) {
      const prior = holder.get(`${group}|${key}`);
      if (prior) issues.push({ ...where(e.id), field: 'aliases', reason: `"${key}" already names ${prior} (${group}s may not share a name or alias): qualify one of them` });
      else holder.set(`${group}|${key}`, e.id);
    }
  }
  return issues;
}

export function qualityIssues(data: Dataset, where: Where): SeedIssue[] {
  return [...aliasIssues(data, where), ...supporterIssues(data, where), ...modeIssues(data, where), ...citationIssues(data, where), ...evidenceIssues(data, where)];
}
