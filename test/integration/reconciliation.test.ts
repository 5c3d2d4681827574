// /reconcile as OpenRefine calls it, with 500 real names of the test slice of the official list
// (Tibet and Liaoning), chosen deterministically and spelled the way people write them: short forms
// without 县/镇/村, pinyin, traditional characters, full names; the parent, when given, in its own
// column, one or two levels up. The report: the share matched to the right code, and the wrong
// `match: true` answers, which must be none.
import * as OpenCC from 'opencc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIVISION_LEVELS } from '../../src/domain/division-codes.js';
import { gazetteerEdition, readLevel, type DivisionRecord } from '../../src/gazetteer/division-list.js';
import { pinyinName, pinyinSyllables, splitGeneric } from '../../src/domain/search-keys.js';
import { TEST_GAZETTEER } from '../helpers/gazetteer-slice.js';
import { startTestApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api?.close(); });

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

async function reconcile(queries: Record<string, unknown>, method: 'GET' | 'POST' = 'POST'): Promise<any> {
  const url = new URL('reconcile', api.url);
  const body = new URLSearchParams({ queries: JSON.stringify(queries) });
  const res = method === 'POST'
    ? await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })
    : await fetch(`${url}?${body}`);
  expect(res.status).toBe(200);
  return res.json();
}

/** Every `step`-th record of a level (in code order), `count` of them. */
function spread(records: DivisionRecord[], count: number): DivisionRecord[] {
  const sorted = [...records].sort((a, b) => (a.code < b.code ? -1 : 1));
  const step = sorted.length / count;
  return Array.from({ length: count }, (_, i) => sorted[Math.floor(i * step)]!);
}

const shortForm = (name: string) => splitGeneric(name)[0];
const shortPinyin = (name: string) => pinyinSyllables(shortForm(name)).map((s, i) => (i === 0 ? s[0]!.toUpperCase() + s.slice(1) : s)).join('');

/** The ways people write a place name, by turn. */
const SPELLINGS: Array<[label: string, spell: (name: string) => string]> = [
  ['short form', shortForm],
  ['pinyin', pinyinName],
  ['pinyin, short', shortPinyin],
  ['traditional characters', toTraditional],
  ['full name', (n) => n],
];

describe('/reconcile (W3C Entity Reconciliation API 0.2)', () => {
  it('answers the service manifest', async () => {
    const res = await fetch(new URL('reconcile', api.url));
    const manifest = await res.json() as any;
    expect(manifest).toMatchObject({ versions: ['0.2'], identifierSpace: expect.stringMatching(/\/id\/$/), view: { url: expect.stringMatching(/\/id\/\{\{id\}\}$/) } });
    expect(manifest.defaultTypes.map((t: any) => t.id)).toEqual(['PROVINCE', 'CITY', 'DISTRICT', 'TOWNSHIP', 'VILLAGE']);
    expect(manifest.properties).toContainEqual(expect.objectContaining({ id: 'parent' }));
  });

  it('matches 安多县 within 那曲市 with its code, and is not certain of a bare common name', async () => {
    const res = await reconcile({
      q0: { query: '安多县', type: 'DISTRICT', properties: [{ pid: 'parent', v: '那曲市' }] },
      q1: { query: 'Anduo' },
      q2: { query: '新村' },
    }, 'GET');
    expect(res.q0.result[0]).toMatchObject({ id: 'county:amdo', code: '540624', match: true, type: [{ id: 'DISTRICT' }] });
    expect(res.q0.result[0].score).toBeGreaterThanOrEqual(90);
    expect(res.q1.result[0]).toMatchObject({ id: 'county:amdo' });
    expect(res.q2.result.length).toBeGreaterThan(1);
    expect(res.q2.result.some((c: any) => c.match)).toBe(false);
  });

  it('refuses malformed queries with a clear 400', async () => {
    const res = await fetch(new URL('reconcile', api.url), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'queries={nope' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/JSON object/) });
    const missing = await fetch(new URL('reconcile', api.url), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `queries=${encodeURIComponent('{"q0":{}}')}` });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as any).errors[0].message).toMatch(/needs a "query" string/);
    // A parent column that is no list of {pid, v}: the field named, not a server error.
    const properties = await fetch(new URL('reconcile', api.url), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `queries=${encodeURIComponent('{"q0":{"query":"安多县","properties":"那曲市"}}')}` });
    expect(properties.status).toBe(400);
    expect(((await properties.json()) as any).errors[0].message).toMatch(/query "q0": properties/);
  });

  it('matches 500 real names of the list, spelled as people write them, never wrongly', async () => {
    const edition = gazetteerEdition();
    const byCode = new Map<string, DivisionRecord>();
    const levels = Object.fromEntries(DIVISION_LEVELS.map((level) => {
      const records = readLevel(edition, level, TEST_GAZETTEER.provinces);
      for (const r of records) byCode.set(r.code, r);
      return [level.kind, records];
    })) as Record<string, DivisionRecord[]>;
    const picked = [
      ...spread([...levels.CITY!, ...levels.DISTRICT!], 100),
      ...spread(levels.TOWNSHIP!, 150),
      ...spread(levels.VILLAGE!, 250),
    ];
    const rows = picked.map((r, i) => {
      const [label, spell] = SPELLINGS[i % SPELLINGS.length]!;
      // The parent column: one level up, or (every third row) two; written short or in full.
      const up = i % 3 === 2 && r.parentCode ? byCode.get(r.parentCode)?.parentCode ?? r.parentCode : r.parentCode;
      const parent = up ? byCode.get(up) : undefined;
      const parentName = parent ? (label === 'traditional characters' ? toTraditional(parent.nameZh) : i % 2 ? parent.nameZh : shortForm(parent.nameZh)) : undefined;
      const withParent = i % 4 !== 3; // some rows have no parent column filled in
      return {
        expected: r.code, label,
        query: {
          query: spell(r.nameZh),
          ...(i % 2 ? { type: r.kind } : {}),
          ...(withParent && parentName ? { properties: [{ pid: 'parent', v: parentName }] } : {}),
        },
      };
    });
    expect(rows).toHaveLength(500);
    expect(new Set(rows.map((r) => r.expected)).size).toBe(500);

    const answers: any[] = [];
    for (let i = 0; i < rows.length; i += 50) {
      const batch = rows.slice(i, i + 50);
      const res = await reconcile(Object.fromEntries(batch.map((r, j) => [`q${j}`, r.query])));
      answers.push(...batch.map((_, j) => res[`q${j}`].result));
    }
    const matched = rows.filter((r, i) => answers[i].some((c: any) => c.match && c.code === r.expected));
    const wrong = rows.map((r, i) => ({ r, c: answers[i].find((c: any) => c.match && c.code !== r.expected) })).filter((x) => x.c);
    const topRight = rows.filter((r, i) => answers[i][0]?.code === r.expected);
    const byLabel = SPELLINGS.map(([label]) => {
      const of = rows.filter((r) => r.label === label);
      return `${label} ${of.filter((r) => matched.includes(r)).length}/${of.length}`;
    });
    console.log(`[reconcile] 500 names: matched to the right code ${matched.length} (${(matched.length / 5).toFixed(1)}%), right code first ${topRight.length} (${(topRight.length / 5).toFixed(1)}%), wrong matches ${wrong.length}; by spelling: ${byLabel.join(', ')}`);
    for (const { r, c } of wrong) console.log(`[reconcile] wrong: ${JSON.stringify(r.query)} → ${c.id} ${c.code}, expected ${r.expected}`);
    expect(wrong).toEqual([]);
    expect(matched.length).toBeGreaterThanOrEqual(250);
  }, 900_000); // 500 reconciliations of a few statements each, on a machine shared with other runs
});
