// What seed validation hands the loader (the dataset, flat rows ready to write) and what it refuses
// with (issues naming file, line, record and field). Its own file so the checks validate.ts runs
// (quality.ts among them) share these shapes without importing the validator.
import type { EntityKind, RelationshipType } from '../domain/vocabulary.js';

export interface SeedIssue {
  file: string;
  line?: number | undefined;
  record?: string | undefined;
  field?: string | undefined;
  reason: string;
}

export class SeedValidationError extends Error {
  constructor(readonly issues: SeedIssue[]) {
    super(`seed validation failed with ${issues.length} error(s):\n${issues.map(formatIssue).join('\n')}`);
  }
}

export function formatIssue(i: SeedIssue): string {
  const where = [i.file + (i.line ? `:${i.line}` : ''), i.record && `record ${i.record}`, i.field && `field "${i.field}"`]
    .filter(Boolean)
    .join(', ');
  return `  ${where}: ${i.reason}`;
}

/** Rows ready for the loader: flat, with derived ids, content hashes and search keys. */
export interface Dataset {
  sources: Array<{ id: string; props: Record<string, unknown> }>;
  entities: Array<{ id: string; kind: EntityKind; props: Record<string, unknown> }>;
  relationships: Array<{ id: string; type: RelationshipType; from: string; to: string; props: Record<string, unknown> }>;
  quantities: Array<{ id: string; props: Record<string, unknown> }>;
  /** `position` is the quote's place in its record's list; `evidence` whether it states the fact or implies it. */
  citations: Array<{ id: string; subjectId: string; sourceId: string; quote: string; evidence: 'STATES' | 'IMPLIES'; position: number }>;
}
