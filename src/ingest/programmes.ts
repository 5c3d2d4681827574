// The rules a seed's programmes and twinnings obey across folders, once every folder is merged: a
// twinning names a declared programme; one twinning per supporter, recipient and programme, however
// many sources state it; an end derived from a programme's term is that term, cited by its sentence.
import type { Dataset, SeedIssue } from './dataset.js';

type Where = (id: string) => Omit<SeedIssue, 'reason'>;
type Row = Dataset['relationships'][number];

/** A twinning's identity: the same supporter, recipient and programme is the same twinning. */
const twinningKey = (r: Row) => `${r.from}→${r.to}`;

/** The citations of each subject, as `source|quote` keys. */
function quotesBySubject(data: Dataset): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const c of data.citations) {
    const set = out.get(c.subjectId) ?? new Set<string>();
    set.add(`${c.sourceId}|${c.quote}`);
    out.set(c.subjectId, set);
  }
  return out;
}

/**
 * The twinnings' programme rules. Run after merging, so a programme declared in another folder,
 * and a property another source added, count.
 */
export function programmeIssues(data: Dataset, where: Where): SeedIssue[] {
  const issues: SeedIssue[] = [];
  const programmes = new Map(data.entities.filter((e) => e.kind === 'PROGRAMME').map((e) => [e.id, e.props]));
  const known = [...programmes.keys()].sort().join(', ') || 'none declared';
  const quotes = quotesBySubject(data);
  const twinnings = data.relationships.filter((r) => r.type === 'TWINNED_WITH');

  for (const r of twinnings) {
    const id = r.props.programme;
    if (typeof id !== 'string') continue;
    const programme = programmes.get(id);
    if (!programme) {
      issues.push({ ...where(r.id), field: 'properties.programme', reason: `no programme with id "${id}" (declare it as an entity of kind Programme; programmes: ${known})` });
      continue;
    }
    if (r.props.untilBasis !== 'PROGRAMME_TERM') continue;
    const term = programme.termYears;
    const start = typeof r.props.since === 'number' ? r.props.since : programme.since;
    if (typeof term !== 'number' || typeof start !== 'number') {
      issues.push({ ...where(r.id), field: 'properties.untilBasis', reason: `${id} states no termYears and since to derive an end from` });
    } else if (r.props.until !== start + term) {
      issues.push({
        ...where(r.id), field: 'properties.until',
        reason: `a PROGRAMME_TERM end is the start plus the term: ${start} + ${term} = ${start + term}, not ${String(r.props.until)}`,
      });
    }
    const own = quotes.get(r.id) ?? new Set();
    if (![...(quotes.get(id) ?? [])].some((q) => own.has(q))) {
      issues.push({
        ...where(r.id), field: 'citations',
        reason: `an end derived from ${id}'s term is cited by the sentence that gives the term: cite one of ${id}'s quotes (with its source) on the twinning too`,
      });
    }
  }

  // One twinning per supporter, recipient and programme: a second id for the same key is refused,
  // and so is a twinning that leaves the programme out beside one of the same pair that states it.
  const byPair = new Map<string, Row[]>();
  for (const r of twinnings) byPair.set(twinningKey(r), [...(byPair.get(twinningKey(r)) ?? []), r]);
  for (const rows of byPair.values()) {
    if (rows.length < 2) continue;
    const seen = new Map<string, Row>();
    for (const r of rows) {
      const programme = typeof r.props.programme === 'string' ? r.props.programme : undefined;
      const clash = rows.find((o) => o !== r && (o.props.programme === undefined || programme === undefined || o.props.programme === programme));
      if (!clash || seen.has(r.id)) continue;
      seen.set(r.id, r);
      seen.set(clash.id, clash);
      const what = programme ?? (typeof clash.props.programme === 'string' ? clash.props.programme : undefined);
      issues.push({
        ...where(r.id), field: 'id',
        reason: `${r.id} and ${clash.id} are one twinning (${r.from} → ${r.to}${what ? `, ${what}` : ''}${programme === undefined || clash.props.programme === undefined ? '; one of them does not name its programme' : ''}): ` +
          `write it with one id in every folder that states it, and the citations of each folder are kept side by side`,
      });
    }
  }
  return issues;
}

/** The ways a source writes a programme's start or term: 1994年, 3年, 三年. */
export function programmeFigureForms(props: Record<string, unknown>): string[] {
  const forms: string[] = [];
  if (typeof props.since === 'number') forms.push(`${props.since}年`);
  if (typeof props.termYears === 'number') {
    forms.push(`${props.termYears}年`);
    const zh = '一二三四五六七八九十'[props.termYears - 1];
    if (props.termYears <= 10 && zh) forms.push(`${zh}年`);
  }
  return forms;
}
