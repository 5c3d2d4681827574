// A timeline is composed from what the loaders already hold: the entity's edges, the entities at
// their far ends, and the quantities of the entity and of those edges. Undated facts are left out.
import { textOf as str } from '../../domain/parse.js';
import type { EntityRecord } from '../entities/entities.mappers.js';
import type { RelationshipRecord } from '../entities/relationships.mappers.js';
import { quantityText, type QuantityRecord } from '../provenance/provenance.mappers.js';
import type { TimelineEntryRecord } from './explore.mappers.js';

const DATE_PROPERTIES = ['openedOn', 'date', 'startedOn', 'year', 'foundedOn'] as const;


const VERB: Record<string, [out: string, inc: string]> = {
  TWINNED_WITH: ['is paired with', 'is paired with supporter'],
  SUPPORTS: ['supports', 'is supported by'],
  PART_OF: ['is part of', 'includes'],
  LOCATED_IN: ['is located in', 'hosts'],
  MEMBER_OF: ['serves in', 'has member'],
  HOLDS_POST: ['holds a post in', 'has post holder'],
  WORKS_AT: ['works at', 'employs'],
  COMES_FROM: ['comes from', 'is home of'],
  PARTICIPATES_IN: ['takes part in', 'has participant'],
  BENEFITS: ['benefits', 'benefits from'],
};

function describeEdge(r: RelationshipRecord, self: EntityRecord, other: EntityRecord | undefined): string {
  const outgoing = r.fromId === self.id;
  const [out, inc] = VERB[r.type] ?? [r.type, r.type];
  const qualifiers = [r.properties.mode, r.properties.role, r.properties.roleZh].filter(Boolean).join(', ');
  return `${self.name} ${outgoing ? out : inc} ${other?.name ?? (outgoing ? r.toId : r.fromId)}${qualifiers ? ` (${qualifiers})` : ''}`;
}

function describeQuantity(q: QuantityRecord, subjectName: string): string {
  if (q.measure === 'CHANGE') return `${subjectName}: ${q.metric} changed by ${quantityText(q)}`;
  return `${subjectName}: ${q.metric} ${quantityText(q)}`;
}

export function composeTimeline(
  self: EntityRecord,
  edges: RelationshipRecord[],
  others: Map<string, EntityRecord>,
  quantities: Map<string, QuantityRecord[]>,
): TimelineEntryRecord[] {
  const entries: TimelineEntryRecord[] = [];
  for (const p of DATE_PROPERTIES) {
    const d = str(self.properties[p]);
    if (d) entries.push({ date: d, until: null, what: `${self.name}: ${p} ${d}`, about: self, dating: 'EVENT', property: p });
  }
  for (const r of edges) {
    const other = others.get(r.fromId === self.id ? r.toId : r.fromId);
    const start = str(r.properties.since ?? r.properties.from);
    const asOf = str(r.properties.asOf);
    if (start) entries.push({ date: start, until: str(r.properties.until), what: describeEdge(r, self, other), about: r, dating: 'EVENT', property: null });
    // Only a statement date: the fact held then, it did not begin then.
    else if (asOf) entries.push({ date: asOf, until: null, what: `reported on ${asOf}: ${describeEdge(r, self, other)}`, about: r, dating: 'REPORTED', property: null });
    // Dated events and projects at the far end belong on this timeline too.
    if (other && (other.kind === 'EVENT' || other.kind === 'PROJECT')) {
      for (const p of DATE_PROPERTIES) {
        const d = str(other.properties[p]);
        if (d) entries.push({ date: d, until: null, what: `${other.name} (${p})`, about: other, dating: 'EVENT', property: p });
      }
    }
  }
  const edgeById = new Map(edges.map((e) => [e.id, e]));
  for (const [subjectId, list] of quantities) {
    const edge = edgeById.get(subjectId);
    const subjectName = edge
      ? describeEdge(edge, self, others.get(edge.fromId === self.id ? edge.toId : edge.fromId))
      : self.name;
    for (const q of list) {
      const date = q.measure === 'CHANGE' ? str(q.baselineYear) : str(q.year ?? q.from ?? q.asOf);
      const until = q.measure === 'CHANGE' ? str(q.year) : str(q.until);
      const reported = q.year === null && q.from === null && q.measure === 'LEVEL';
      if (date) entries.push({ date, until, what: `${reported ? `reported on ${date}: ` : ''}${describeQuantity(q, subjectName)}`, about: q, dating: reported ? 'REPORTED' : 'EVENT', property: null });
    }
  }
  const seen = new Set<string>();
  return entries
    .filter((e) => {
      const key = `${e.date}|${e.what}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.date.localeCompare(b.date) || (a.until ?? '').localeCompare(b.until ?? '') || a.what.localeCompare(b.what));
}
