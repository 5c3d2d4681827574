// The synthetic knowledge layer of `npm run bench:scale` (test/helpers/synthetic.ts): it passes the
// real seed validation beside the real seeds, holds `factor` times what they hold, runs under the
// five programmes with periods, and says on every record that it is synthetic.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gazetteerEdition, readLevel } from '../../src/gazetteer/division-list.js';
import { levelsDownTo } from '../../src/domain/division-codes.js';
import { SEEDS_DIR } from '../../src/ingest/seed.js';
import { loadSeedFolders } from '../../src/ingest/validate.js';
import { SYNTHETIC_SOURCE_ID, seedLayer, writeKnowledgeLayer } from '../helpers/synthetic.js';

const FACTOR = 3;
const PROGRAMME_IDS = ['programme:aid-tibet', 'programme:aid-xinjiang', 'programme:aid-qinghai', 'programme:wenchuan-reconstruction', 'programme:east-west-cooperation'];

const edition = gazetteerEdition();
const places = levelsDownTo('county').flatMap((level) => readLevel(edition, level));
const seeds = seedLayer(SEEDS_DIR);
const layer = writeKnowledgeLayer({ factor: FACTOR, base: seeds.base, places, claimed: seeds.claimed, programmes: seeds.programmes, stated: seeds.stated, terms: seeds.terms });
for (const entry of fs.readdirSync(SEEDS_DIR, { withFileTypes: true })) {
  if (entry.isDirectory()) fs.cpSync(path.join(SEEDS_DIR, entry.name), path.join(layer.dir, entry.name), { recursive: true });
}
afterAll(() => fs.rmSync(layer.dir, { recursive: true, force: true }));

describe('the synthetic knowledge layer', () => {
  // Throws with every issue if the layer breaks a rule the real seeds obey.
  const data = loadSeedFolders(layer.dir);
  const synthetic = new Set(data.citations.filter((c) => c.sourceId === SYNTHETIC_SOURCE_ID).map((c) => c.subjectId));
  const ofLayer = <T extends { id: string }>(rows: T[]) => rows.filter((r) => synthetic.has(r.id));
  const rels = (type: string) => ofLayer(data.relationships).filter((r) => r.type === type);

  it('holds factor times what the seeds hold, as the seed validation reads it', () => {
    expect(seeds.base.twinnings).toBeGreaterThan(0);
    expect(rels('TWINNED_WITH')).toHaveLength(FACTOR * seeds.base.twinnings);
    expect(rels('SUPPORTS')).toHaveLength(FACTOR * seeds.base.supports);
    expect(rels('PARTICIPATES_IN')).toHaveLength(FACTOR * seeds.base.participations);
    expect(ofLayer(data.quantities)).toHaveLength(FACTOR * seeds.base.quantities);
    expect(ofLayer(data.entities).filter((e) => e.kind === 'HOSPITAL')).toHaveLength(FACTOR * seeds.base.hospitals);
    expect(data.citations.filter((c) => c.sourceId === SYNTHETIC_SOURCE_ID || synthetic.has(c.subjectId)).length).toBeGreaterThanOrEqual(FACTOR * seeds.base.citations);
  });

  it('runs every twinning under one of the five programmes, once per pair, with its period', () => {
    const twinnings = rels('TWINNED_WITH');
    expect(new Set(twinnings.map((t) => t.props.programme))).toEqual(new Set(PROGRAMME_IDS));
    expect(new Set(twinnings.map((t) => `${t.from}→${t.to}`)).size).toBe(twinnings.length);
    for (const t of twinnings) expect(typeof t.props.since).toBe('number');
    const wenchuan = twinnings.filter((t) => t.props.programme === 'programme:wenchuan-reconstruction');
    for (const t of wenchuan) expect([t.props.until, t.props.untilBasis]).toEqual([2011, 'PROGRAMME_TERM']);
    const declared = new Set(data.entities.filter((e) => e.kind === 'PROGRAMME').map((e) => e.id));
    for (const id of PROGRAMME_IDS) expect(declared).toContain(id);
  });

  it('stands around real places of the list, never claiming a code the seeds claim', () => {
    const codeOf = new Map(data.entities.map((e) => [e.id, e.props.code]));
    for (const t of rels('TWINNED_WITH')) for (const end of [t.from, t.to]) expect(typeof codeOf.get(end)).toBe('string');
    const byCode = new Map(places.map((p) => [p.code, p.nameZh]));
    const claimedHere = data.entities.filter((e) => synthetic.has(e.id) && !seeds.programmes.has(e.id) && typeof e.props.code === 'string');
    expect(claimedHere.length).toBeGreaterThan(0);
    for (const e of claimedHere) {
      expect(e.props.nameZh).toBe(byCode.get(e.props.code as string));
      expect(seeds.claimed.has(e.props.code as string)).toBe(false);
    }
  });

  it('says it is synthetic: its source, and every quote in the source\'s text', () => {
    const source = data.sources.find((s) => s.id === SYNTHETIC_SOURCE_ID)!;
    expect(String(source.props.titleEn)).toMatch(/synthetic/i);
    const text = fs.readFileSync(path.join(layer.dir, SYNTHETIC_SOURCE_ID, 'source.txt'), 'utf8');
    for (const c of data.citations.filter((x) => x.sourceId === SYNTHETIC_SOURCE_ID)) expect(text).toContain(c.quote);
    for (const e of ofLayer(data.entities).filter((x) => x.kind === 'SCHOOL' || x.kind === 'PROJECT')) expect(String(e.props.name)).toMatch(/^Synthetic /);
  });

  it('refuses a gazetteer slice with no supporter provinces in it', () => {
    const tibetOnly = places.filter((p) => p.code.startsWith('54'));
    expect(() => writeKnowledgeLayer({ factor: 1, base: seeds.base, places: tibetOnly, claimed: seeds.claimed, programmes: seeds.programmes, stated: seeds.stated, terms: seeds.terms }))
      .toThrow(/no supporter provinces/);
  });
});
