// The names people use, through the API against the real Neo4j: conventional English names and
// exonyms, pinyin with place-name readings, diacritics, traditional characters and English level
// words find the official place in the top three (issue 29), each failure class with its own case;
// a place shows its English name, its pinyin and its seat's location, cited; reconciliation
// answers to the same names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { englishNameFile } from '../../src/domain/english-names.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api?.close(); });

/** The codes of the top three for a text. */
const top3 = async (text: string): Promise<Array<string | null>> => {
  const res = await api.gql('query($t: String!) { search(text: $t, first: 3) { ... on Place { code } } }', { t: text });
  expect(res.errors).toBeUndefined();
  return res.data.search.map((e: { code?: string | null }) => e.code ?? null);
};

/** [what is typed, the official code it must find], by the failure class of the issue. */
const CASES: Record<string, Array<[string, string]>> = {
  'conventional English names and exonyms (nothing was found)': [
    ['Lhasa', '5401'], ['Shigatse', '5402'], ['Nyingchi', '5404'], ['Chamdo', '5403'], ['Qamdo', '5403'],
    ['Ngari', '5425'], ['Kashgar', '6531'], ['Hotan', '6532'], ['Urumqi', '6501'], ['Hohhot', '1501'],
    ['Inner Mongolia', '15'], ['Harbin', '2301'], ['Golog', '6326'], ['Garze', '5133'], ['Tibet', '54'],
    ['Xinjiang', '65'], ['Guangxi Zhuang Autonomous Region', '45'], ['Shenyang', '2101'], ['Dalian', '2102'],
    ['Nagqu', '5406'], ['Golmud', '632801'], ['Kangding', '513301'], ['Xining', '6301'], ['Khotan', '6532'],
  ],
  'a bare name ranks the larger place first (Beichuan found villages, Haibei a town)': [
    ['Beichuan', '510726'], ['Haibei', '6322'], ['Yushu', '6327'], ['Huanren', '210522'], ['Xiuyan', '210323'],
    ['Gannan', '6230'], ['北川', '510726'], ['海北', '6322'],
  ],
  'a name with its level word ranks that level first': [
    ['Yushu Prefecture', '6327'], ['Mao County', '513223'], ['Beichuan County', '510726'], ['Amdo County', '540624'],
    ['Haibei Tibetan Autonomous Prefecture', '6322'], ['Ngari Prefecture', '5425'], ['Huanren Town', '210522100'],
    ['Kashgar Prefecture', '6531'],
  ],
  'pinyin with place-name readings (什 was read shen, 都 dou)': [
    ['Kashi', '6531'], ['Shifang', '510682'], ['Bengbu', '3403'], ["Lu'an", '3415'], ['Luan', '3415'],
    ['Lishui', '3311'], ['Panyu', '440113'], ['Yueqing', '330382'], ['Shanxian', '371722'], ['Hongtong', '141024'],
    ['Pidu', '510117'], ['Lasa', '5401'], ['Rikaze', '5402'], ['Wulumuqi', '6501'],
  ],
  'diacritics, with or without': [['Ürümqi', '6501'], ['Garzê', '5133'], ['Xigazê', '5402'], ['URUMQI', '6501']],
  'traditional characters (nothing was found)': [
    ['拉薩', '5401'], ['日喀則', '5402'], ['烏魯木齊', '6501'], ['喀什', '6531'], ['內蒙古', '15'], ['哈爾濱', '2301'],
    ['北川羌族自治縣', '510726'],
  ],
};

describe('names people type find the official place in the top three', () => {
  it('has 50 cases or more', () => {
    expect(Object.values(CASES).flat().length).toBeGreaterThanOrEqual(50);
  });
  for (const [failureClass, cases] of Object.entries(CASES)) {
    it(failureClass, async () => {
      const missed: string[] = [];
      for (const [text, code] of cases) {
        const found = await top3(text);
        if (!found.includes(code)) missed.push(`${text} → ${found.join(', ')} (wanted ${code})`);
      }
      expect(missed).toEqual([]);
    });
  }

  it('ranks the larger place first for a bare name, that level for a level word', async () => {
    expect((await top3('Beichuan'))[0]).toBe('510726');
    expect((await top3('Huanren'))[0]).toBe('210522');
    expect((await top3('Huanren Town'))[0]).toBe('210522100');
  });
});

describe('names in Tibetan and Uyghur script find their place first', () => {
  /** The first place found for a text, as [code, name]. */
  const first = async (text: string): Promise<[string | null, string] | undefined> => {
    const res = await api.gql('query($t: String!) { search(text: $t, first: 1) { ... on Place { code name } } }', { t: text });
    expect(res.errors).toBeUndefined();
    const [top] = res.data.search;
    return top ? [top.code, top.name] : undefined;
  };
  // Every script name the names file holds, for the place it names (the test slice holds the whole
  // country to its counties, and every named place is a county or above).
  const named = Object.entries(englishNameFile().places)
    .flatMap(([code, e]) => [...(e.scriptNames?.tibetan ?? []), ...(e.scriptNames?.uyghur ?? [])].map((text) => [text, code] as const));

  it('each name as GeoNames writes it', async () => {
    expect(named.length).toBeGreaterThanOrEqual(40);
    const missed: string[] = [];
    for (const [text, code] of named) {
      const found = await first(text);
      if (found?.[0] !== code) missed.push(`${text} → ${found?.join(' ') ?? 'nothing'} (wanted ${code})`);
    }
    expect(missed).toEqual([]);
  });

  it('Lhasa and Nagqu in Tibetan, Kashgar and Ürümqi in Uyghur, as people type them', async () => {
    expect(await first('ལྷ་ས')).toEqual(['5401', 'Lhasa']); // without the closing shad
    expect(await first('ནག་ཆུ')).toEqual(['5406', 'Nagqu']); // the start of ནག་ཆུ་ས་ཁུལ།, "Nagqu prefecture"
    expect(await first('قەشقەر')).toEqual(['653101', 'Kashgar']);
    expect(await first('ئۈرۈمچى')).toEqual(['6501', 'Ürümqi']);
    // Ürümqi with its first letter typed as ي and a combining hamza, and in the presentation forms
    // (initial, final, isolated …) older Uyghur text is stored in: the same letters.
    expect(await first('ي\u0654ۈرۈمچى')).toEqual(['6501', 'Ürümqi']);
    expect(await first('\uFE8B\uFBDC\uFEAD\uFBDB\uFEE3\uFB7D\uFEF0')).toEqual(['6501', 'Ürümqi']);
  });
});

describe('a place in English', () => {
  it('is named in English, with its pinyin, the origin of its name and its seat, cited to the dataset', async () => {
    const res = await api.gql(`{
      nyingchi: place(code: "5404") { name nameZh pinyin nameOrigin location { latitude longitude basis citation { quote source { id license } } } }
      haibei: place(code: "6322") { name pinyin nameOrigin location { latitude } }
      village: place(code: "540624100201") { name pinyin nameOrigin }
      turpan: place(code: "6504") { name nameOrigin }
    }`);
    expect(res.errors).toBeUndefined();
    const { nyingchi, haibei, village, turpan } = res.data;
    // Nyingchi, as no seed names it (Lhasa is named by the Jiangsu sources' seeds now).
    expect(nyingchi).toMatchObject({ name: 'Nyingchi', nameZh: '林芝市', pinyin: 'Linzhi Shi', nameOrigin: 'DATASET' });
    expect(nyingchi.location).toMatchObject({ latitude: 29.64885, longitude: 94.35509, basis: 'SEAT' });
    expect(nyingchi.location.citation.quote).toContain('"name":"Nyingchi"');
    expect(nyingchi.location.citation.source).toEqual({ id: 'geonames-cities-json-1-1-64', license: 'CC-BY-4.0' });
    expect(haibei).toEqual({ name: 'Haibei Tibetan Autonomous Prefecture', pinyin: 'Haibeizangzu Zizhizhou', nameOrigin: 'DATASET', location: null });
    expect(village.nameOrigin).toBe('DERIVED');
    expect(village.name).toMatch(/ (Village|Community|Gacha)$/);
    expect(turpan).toEqual({ name: 'Turpan', nameOrigin: 'CONVENTIONAL' }); // Shigatse is named by a seed now
  });

  it('locates seats the third dataset finds, says when the point is a namesake city\'s, and names places in Tibetan and Uyghur script', async () => {
    const located = 'location { latitude longitude basis citation { quote source { id license } } }';
    const res = await api.gql(`{
      ngari: place(code: "5425") { ${located} }
      yushu: place(code: "6327") { ${located} }
      amdo: place(code: "540624") { nameZh ${located} }
      lhasa: place(code: "5401") { scriptNames { text script citation { quote source { id license } } } }
      kashgar: place(code: "653101") { scriptNames { text script } }
      kashgarPrefecture: place(code: "6531") { scriptNames { text script } }
    }`);
    expect(res.errors).toBeUndefined();
    const { ngari, yushu, amdo, lhasa, kashgar, kashgarPrefecture } = res.data;
    const CITIES500 = { id: 'geonames-cities500-structured-1-0-1', license: 'CC-BY-4.0' };
    // Ngari's seat is the place GeoNames marks as the seat of its admin-2 (PPLA2), Shiquanhe.
    expect(ngari.location).toMatchObject({ basis: 'SEAT', citation: { source: CITIES500 } });
    expect(ngari.location.citation.quote).toMatch(/\tShiquanhe\t.*\tPPLA2\tCN\t\t14\t5425\t/);
    // Yushu's point is the seat of 玉树市, the county-level city of its name, and says so.
    expect(yushu.location.basis).toBe('NAMESAKE_CITY_SEAT');
    expect(yushu.location.latitude).toBeGreaterThan(32);
    // Amdo's seat is the seat GeoNames gives the county's own name (安多县) among its names.
    expect(amdo.location).toMatchObject({ basis: 'SEAT', citation: { source: CITIES500 } });
    expect(amdo.location.citation.quote).toContain(amdo.nameZh);
    // Lhasa in Tibetan script; Kashgar city in Uyghur; the prefecture is not named by its seat's record.
    expect(lhasa.scriptNames.map((n: any) => [n.script, n.text])).toContainEqual(['TIBETAN', 'ལྷ་ས།']);
    expect(lhasa.scriptNames[0].citation).toMatchObject({ source: CITIES500 });
    expect(lhasa.scriptNames[0].citation.quote).toMatch(/^1280737\tLhasa\t/);
    expect(kashgar.scriptNames).toEqual([{ text: 'قەشقەر', script: 'UYGHUR' }]);
    expect(kashgarPrefecture.scriptNames).toEqual([]);
  });

  it('answers the distance between a supporter and its recipient where both are located', async () => {
    const res = await api.gql(`{ twinnings(first: 100) { edges { node { distanceKm supporter { code location { latitude } } recipient { code location { latitude } } } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.twinnings.edges.map((e: any) => e.node);
    const located = nodes.filter((t: any) => t.supporter.location && t.recipient.location);
    expect(located.length).toBeGreaterThan(0);
    for (const t of nodes) expect(t.distanceKm === null).toBe(!(t.supporter.location && t.recipient.location));
    // Shenyang (辽宁省's capital) to Nagqu is about 2,900 km as the crow flies.
    const liaoningNagqu = nodes.find((t: any) => t.supporter.code === '21' && t.recipient.code === '5406');
    expect(liaoningNagqu.distanceKm).toBeGreaterThan(2_700);
    expect(liaoningNagqu.distanceKm).toBeLessThan(3_200);
  });
});

describe('reconciliation answers to the same names', () => {
  it('matches English, pinyin, traditional and Uyghur-script names to the official place', async () => {
    const queries = { q0: { query: 'Beichuan' }, q1: { query: 'Kashgar' }, q2: { query: '拉薩' }, q3: { query: 'Shifang' }, q4: { query: 'ئۈرۈمچى' } };
    const res = await fetch(new URL('reconcile', api.url), {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ queries: JSON.stringify(queries) }),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    const codes = (q: string) => body[q].result.slice(0, 3).map((c: { code: string | null }) => c.code);
    expect(codes('q0')).toContain('510726');
    expect(codes('q1')).toContain('6531');
    expect(codes('q2')).toContain('5401');
    expect(codes('q3')).toContain('510682');
    expect(codes('q4')).toContain('6501');
  });
});
