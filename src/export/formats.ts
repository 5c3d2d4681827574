// The four export formats as sinks. JSONL is the round-trip format (every stored property and label,
// in the shape of APOC's JSON export); CSV (UTF-8 with BOM, so spreadsheets show Chinese), GraphML
// (for Gephi: entities and their edges) and JSON-LD (schema.org and PROV, as /id/{id} answers) are
// for reading, without bookkeeping properties.
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { recordText } from '../domain/division-codes.js';
import { INTERNAL_PROPERTIES, isEntityKind } from '../domain/vocabulary.js';
import { DIVISION_CODE_SCHEME, entityUri, JSON_LD_CONTEXT, SCHEMA_ORG_TYPE } from '../modules/linked-data/json-ld.js';
import type { ExportFormat, ExportSink, NodeSetName } from './export.js';
import { taggedProperties } from './temporal.js';

const HIDDEN = new Set<string>([...INTERNAL_PROPERTIES, 'contentHash']);

/** About 256 KB of text per write. */
const CHUNK_CHARS = 1 << 17;

/**
 * A file written in chunks: one write per row costs more in stream bookkeeping than formatting the
 * row. Backpressure holds: when the disk has not taken a chunk yet, the next chunk's put waits for
 * 'drain', which slows the reads (the driver stops pulling) instead of filling memory.
 */
class ChunkedFile {
  private parts: string[] = [];
  private chars = 0;
  private readonly out: Writable;

  constructor(file: string) {
    this.out = fs.createWriteStream(file);
  }

  /** Resolves at once but for a full chunk the disk is behind on. */
  put(text: string): Promise<void> | undefined {
    this.parts.push(text);
    this.chars += text.length;
    return this.chars >= CHUNK_CHARS ? this.flush() : undefined;
  }

  private flush(): Promise<void> | undefined {
    if (!this.parts.length) return undefined;
    const chunk = this.parts.join('');
    this.parts = [];
    this.chars = 0;
    return this.out.write(chunk) ? undefined : once(this.out, 'drain').then(() => undefined);
  }

  async end(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}

function visible(props: Record<string, unknown>, also: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) if (!HIDDEN.has(k) && !also.includes(k)) out[k] = v;
  return out;
}

function jsonlSink(file: string): ExportSink {
  const out = new ChunkedFile(file);
  return {
    node: (_set, row) => out.put(`${JSON.stringify({ type: 'node', id: row.props.id, labels: row.labels, properties: taggedProperties(row.props) })}\n`),
    edge: (e) => out.put(`${JSON.stringify({
      type: 'relationship', id: e.props.id ?? null, label: e.type, properties: taggedProperties(e.props),
      start: { id: e.from, labels: [e.fromLabel] }, end: { id: e.to, labels: [e.toLabel] },
    })}\n`),
    end: () => out.end(),
  };
}

const CSV_TABLES = {
  entities: ['id', 'kind', 'name', 'nameZh', 'code', 'officialName', 'aliases', 'properties'],
  relationships: ['id', 'type', 'from', 'to', 'properties'],
  quantities: ['id', 'subjectId', 'metric', 'value', 'unit', 'qualifier', 'year', 'properties'],
  citations: ['id', 'subjectId', 'sourceId', 'quote', 'evidence', 'position'],
  sources: ['id', 'title', 'titleEn', 'publisher', 'publishedAt', 'url', 'license', 'rightsHolder'],
} as const;
type CsvTable = keyof typeof CSV_TABLES;

/** Records per call of csv-stringify's synchronous API: its per-record stream bookkeeping, paid per batch. */
const CSV_BATCH = 2_000;

function csvSink(dir: string): ExportSink {
  fs.mkdirSync(dir, { recursive: true });
  const open = (name: CsvTable) => {
    const columns: readonly string[] = CSV_TABLES[name];
    const file = new ChunkedFile(path.join(dir, `${name}.csv`));
    let started = false;
    let records: unknown[][] = [];
    // The first batch carries the BOM and the header: every table has both, even when nothing fills it.
    const flush = () => {
      const text = stringify(records, { header: !started, columns: [...columns], bom: !started });
      started = true;
      records = [];
      return file.put(text);
    };
    return {
      columns,
      add(record: unknown[]) {
        records.push(record);
        return records.length >= CSV_BATCH ? flush() : undefined;
      },
      async end() { await flush(); await file.end(); },
    };
  };
  const tables = {
    entities: open('entities'), relationships: open('relationships'), quantities: open('quantities'),
    citations: open('citations'), sources: open('sources'),
  } satisfies Record<CsvTable, ReturnType<typeof open>>;
  const row = (table: CsvTable, props: Record<string, unknown>) => {
    const t = tables[table];
    const rest = visible(props, t.columns);
    return t.add(t.columns.map((c) => {
      if (c === 'properties') return Object.keys(rest).length ? JSON.stringify(rest) : '';
      const v = props[c];
      return Array.isArray(v) ? v.join(' | ') : v ?? '';
    }));
  };
  const TABLE_OF: Record<NodeSetName, CsvTable | null> = { source: 'sources', state: null, entity: 'entities', quantity: 'quantities', citation: 'citations' };
  return {
    node: (set, r) => { const t = TABLE_OF[set]; return t ? row(t, r.props) : undefined; },
    edge: (e) => (e.type === 'QUOTES' ? undefined : row('relationships', { ...e.props, type: e.type, from: e.from, to: e.to })),
    async end() {
      await Promise.all(Object.values(tables).map((t) => t.end()));
    },
  };
}

const xml = (v: unknown) => String(v).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  // Characters XML 1.0 forbids outright (control characters) would stop a reader.
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

const GRAPHML_NODE_KEYS = ['label', 'nameZh', 'kind', 'code', 'properties'] as const;
const GRAPHML_EDGE_KEYS = ['type', 'properties'] as const;

function graphmlSink(file: string): ExportSink {
  const out = new ChunkedFile(file);
  const keys = [
    ...GRAPHML_NODE_KEYS.map((k) => `  <key id="${k}" for="node" attr.name="${k}" attr.type="string"/>`),
    ...GRAPHML_EDGE_KEYS.map((k) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="string"/>`),
  ].join('\n');
  const header = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
${keys}
  <graph id="aidgraph" edgedefault="directed">
`;
  let started = false;
  const data = (key: string, v: unknown) => (v === undefined || v === null || v === '' ? '' : `<data key="${key}">${xml(v)}</data>`);
  const start = () => { if (!started) { started = true; out.put(header); } };
  return {
    node(set, r) {
      start();
      if (set !== 'entity') return undefined; // Gephi's graph is the entities and their edges
      const p = r.props;
      const rest = visible(p, ['id', 'kind', 'name', 'nameZh', 'aliases']);
      return out.put(`    <node id="${xml(p.id)}">${data('label', p.name)}${data('nameZh', p.nameZh)}${data('kind', p.kind)}${data('code', p.code)}${data('properties', Object.keys(rest).length ? JSON.stringify(rest) : '')}</node>\n`);
    },
    edge(e) {
      if (e.type === 'QUOTES') return undefined;
      const rest = visible(e.props, ['id']);
      return out.put(`    <edge id="${xml(e.props.id)}" source="${xml(e.from)}" target="${xml(e.to)}">${data('e_type', e.type)}${data('e_properties', Object.keys(rest).length ? JSON.stringify(rest) : '')}</edge>\n`);
    },
    async end() {
      start();
      out.put('  </graph>\n</graphml>\n');
      await out.end();
    },
  };
}

/**
 * One JSON-LD document, `{"@context", "@graph": [...]}`. A node may be described in several pieces
 * (an entity, then its parent from a PART_OF edge, then each citation): JSON-LD merges them by @id,
 * so the export never holds an entity back waiting for its edges.
 */
function jsonldSink(file: string, base: string): ExportSink {
  const out = new ChunkedFile(file);
  let first = true;
  let gazetteerSource: string | null = null;
  const sourceUri = (id: string) => `${base}/#/source/${encodeURIComponent(id)}`;
  const item = (doc: Record<string, unknown>) => {
    const text = `${first ? '' : ',\n'}${JSON.stringify(doc)}`;
    first = false;
    return out.put(text);
  };
  out.put(`{"@context":${JSON.stringify(JSON_LD_CONTEXT)},\n"@graph":[\n`);
  return {
    async node(set, r) {
      const p = r.props;
      if (set === 'source') {
        if (r.labels.includes('Gazetteer')) gazetteerSource = String(p.id);
        await item({
          '@id': p.url ?? sourceUri(String(p.id)), '@type': ['CreativeWork', 'prov:Entity'], identifier: p.id, name: p.title,
          publisher: { '@type': 'Organization', name: p.publisher }, datePublished: p.publishedAt, license: p.license,
        });
      } else if (set === 'entity') {
        const kind = isEntityKind(p.kind) ? p.kind : undefined;
        const names = [{ '@value': p.name, '@language': 'en' }, ...(p.nameZh ? [{ '@value': p.nameZh, '@language': 'zh' }] : [])];
        const official = p.code && gazetteerSource
          ? [{ '@type': ['Quotation', 'prov:Entity'], text: recordText(String(p.code), String(p.officialName ?? p.nameZh)), isPartOf: { '@id': sourceUri(gazetteerSource) } }]
          : [];
        // Fields left undefined (no code, no aliases) vanish in JSON.stringify.
        await item({
          '@id': entityUri(base, String(p.id)), '@type': kind && SCHEMA_ORG_TYPE[kind], kind: p.kind, name: names,
          alternateName: Array.isArray(p.aliases) && p.aliases.length ? p.aliases : undefined,
          identifier: p.code ? { '@type': 'PropertyValue', propertyID: DIVISION_CODE_SCHEME, value: p.code } : undefined,
          wasDerivedFrom: official.length ? official : undefined,
        });
      } else if (set === 'quantity') {
        await item({
          '@id': `${base}/#/quantity/${encodeURIComponent(String(p.id))}`, '@type': 'QuantitativeValue', value: p.value, unitText: p.unit,
          'aidgraph:metric': p.metric, 'aidgraph:qualifier': p.qualifier, 'aidgraph:year': p.year ?? undefined,
          'aidgraph:subject': { '@id': entityUri(base, String(p.subjectId)) },
        });
      } else if (set === 'citation') {
        await item({
          '@id': entityUri(base, String(p.subjectId)),
          wasDerivedFrom: { '@type': ['Quotation', 'prov:Entity'], text: p.quote, isPartOf: { '@id': sourceUri(String(p.sourceId)) } },
        });
      }
    },
    async edge(e) {
      if (e.type === 'QUOTES') return;
      if (e.type === 'PART_OF') await item({ '@id': entityUri(base, e.from), containedInPlace: { '@id': entityUri(base, e.to) } });
      await item({
        '@id': entityUri(base, String(e.props.id)), '@type': `aidgraph:${e.type}`,
        'aidgraph:from': { '@id': entityUri(base, e.from) }, 'aidgraph:to': { '@id': entityUri(base, e.to) },
        ...Object.fromEntries(Object.entries(visible(e.props, ['id'])).map(([k, v]) => [`aidgraph:${k}`, v])),
      });
    },
    async end() {
      out.put('\n]}\n');
      await out.end();
    },
  };
}

export function createSink(format: ExportFormat, target: string, base: string): ExportSink {
  switch (format) {
    case 'jsonl': return jsonlSink(target);
    case 'csv': return csvSink(target);
    case 'graphml': return graphmlSink(target);
    case 'jsonld': return jsonldSink(target, base);
  }
}
